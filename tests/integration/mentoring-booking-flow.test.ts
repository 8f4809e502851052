import { beforeAll, describe, expect, it } from "vitest";
import { bookSession } from "~/modules/mentoring/booking/book.server";
import { cancelSession, rescheduleSession } from "~/modules/mentoring/booking/change.server";
import { mentorWeek } from "~/modules/mentoring/booking/week.server";
import "~/modules/mentoring/strings";
import { asService } from "~/platform/db/transaction.server";
import { resetEnv } from "~/platform/env.server";
import { tFor } from "~/platform/i18n/i18n";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { createProgram } from "../support/application-factories";
import { assignMentor, createCohortStartup, createMentor, sessionsOf, setBudget } from "../support/mentoring-factories";
import { readIcs } from "../support/ics";

// The booking flow as both sides live it: a mentor in Europe/Amsterdam (English) and founders in
// Asia/Ho_Chi_Minh (Vietnamese) and Asia/Kolkata, across both daylight-saving changes of 2027. The
// slots offered, the session booked, the mails and their ICS (read back by ical.js) must all name
// the same instant, each in its reader's zone; moves and cancels keep the UID and raise SEQUENCE.
process.env.DATABASE_POOL_MAX = "16";
resetEnv();

let orgId: string;
let programId: string;

beforeAll(async () => {
  const manager = await createUser();
  orgId = (await createOrg()).id;
  await addMember(orgId, manager.id, "manager");
  programId = (await createProgram(orgId)).id;
  await setBudget(programId, 100);
});

const setZone = (user: TestUser, zone: string) => asService((tx) => tx`update public.profiles set time_zone = ${zone} where id = ${user.id}`);

async function amsterdamMentor() {
  const mentor = await createMentor(orgId, programId, { timeZone: "Europe/Amsterdam", stepMinutes: 60, weekly: [{ weekday: 1, starts: "09:00", ends: "12:00" }] });
  await asService((tx) => tx`update public.profiles set locale = 'en', time_zone = 'Europe/Amsterdam' where id = ${mentor.id}`);
  await asService((tx) => tx`update public.mentor_profiles set meeting_default = 'https://meet.example.test/amsterdam' where user_id = ${mentor.id}`);
  return mentor;
}

async function founderIn(zone: string, locale: "vi" | "en", mentorId: string) {
  const founder = await createUser({ locale });
  await setZone(founder, zone);
  const { startupId } = await createCohortStartup(programId, founder);
  await assignMentor(startupId, mentorId);
  return { founder, startupId };
}

type Mail = { subject: string; text_body: string; locale: string; attachments: { filename: string; contentType: string; content: string }[] };
const mailsTo = (email: string) =>
  asService((tx) => tx<Mail[]>`select subject, text_body, locale, attachments from public.email_outbox where to_email = ${email} order by created_at, id`);


describe("a mentor in Amsterdam, a founder in Ho Chi Minh City, across both changes of 2027", () => {
  for (const { week, utc, founderTime, label } of [
    { week: "2027-03-22", utc: "2027-03-22T08:00:00.000Z", founderTime: "15:00", label: "before summer time" },
    { week: "2027-03-29", utc: "2027-03-29T07:00:00.000Z", founderTime: "14:00", label: "after summer time starts" },
    { week: "2027-10-25", utc: "2027-10-25T07:00:00.000Z", founderTime: "14:00", label: "before winter time" },
    { week: "2027-11-01", utc: "2027-11-01T08:00:00.000Z", founderTime: "15:00", label: "after winter time starts" },
  ]) {
    it(`offers, books and mails Monday 09:00 Amsterdam ${label}`, async () => {
      const mentor = await amsterdamMentor();
      const { founder, startupId } = await founderIn("Asia/Ho_Chi_Minh", "vi", mentor.id);
      const seen = await mentorWeek(founder.claims, mentor.id, week, "Asia/Ho_Chi_Minh");
      const monday = seen!.days.find((d) => d.date === week)!;
      expect(monday.slots[0]).toEqual({ startsAt: utc.replace(".000", ""), viewer: founderTime, mentor: "09:00", mentorDate: week });
      expect(monday.slots.map((s) => s.mentor)).toEqual(["09:00", "10:00", "11:00"]);

      const booked = await bookSession(founder.claims, { programId, startupId, mentorId: mentor.id, startsAt: new Date(utc) });
      expect(booked.ok).toBe(true);
      const [session] = await sessionsOf(mentor.id);
      expect(session!.starts_at.toISOString()).toBe(utc);

      const [toFounder] = await mailsTo(founder.email);
      const [toMentor] = await mailsTo(mentor.email);
      expect(toFounder!.locale).toBe("vi");
      expect(toFounder!.subject).toContain(founderTime);
      expect(toMentor!.locale).toBe("en");
      expect(toMentor!.subject).toContain("09:00");
      for (const mail of [toFounder!, toMentor!]) {
        expect(mail.attachments).toHaveLength(1);
        const ics = readIcs(mail.attachments[0]!.content);
        expect(ics).toMatchObject({ method: "REQUEST", sequence: 0, start: utc, status: "CONFIRMED", location: "https://meet.example.test/amsterdam" });
        expect(new Date(ics.end).getTime() - new Date(ics.start).getTime()).toBe(3_600_000);
        expect(ics.uid).toContain(session!.id);
      }
    });
  }

  it("shows a founder in Kolkata the half-hour offset", async () => {
    const mentor = await amsterdamMentor();
    const { founder, startupId } = await founderIn("Asia/Kolkata", "en", mentor.id);
    const seen = await mentorWeek(founder.claims, mentor.id, "2027-03-29", "Asia/Kolkata");
    const slot = seen!.days.find((d) => d.date === "2027-03-29")!.slots[0]!;
    expect(slot).toEqual({ startsAt: "2027-03-29T07:00:00Z", viewer: "12:30", mentor: "09:00", mentorDate: "2027-03-29" });
    expect((await bookSession(founder.claims, { programId, startupId, mentorId: mentor.id, startsAt: new Date(slot.startsAt) })).ok).toBe(true);
    const [mail] = await mailsTo(founder.email);
    expect(mail!.subject).toContain("12:30");
    expect(readIcs(mail!.attachments[0]!.content).start).toBe("2027-03-29T07:00:00.000Z");
  });
});

describe("moving and cancelling", () => {
  it("moves a session with the same UID and a higher SEQUENCE, then cancels it with METHOD:CANCEL, freeing its time", async () => {
    const mentor = await amsterdamMentor();
    const { founder, startupId } = await founderIn("Asia/Ho_Chi_Minh", "vi", mentor.id);
    const first = await bookSession(founder.claims, { programId, startupId, mentorId: mentor.id, startsAt: new Date("2027-03-29T07:00:00Z") });
    if (!first.ok) throw new Error("not booked");
    const id = first.value.sessionId;

    // the mentor moves it an hour later (its own old time does not block it)
    expect(await rescheduleSession(mentor.claims, id, new Date("2027-03-29T08:00:00Z"))).toEqual({ ok: true, value: { sessionId: id } });
    expect(await rescheduleSession(founder.claims, id, new Date("2027-03-29T08:00:00Z"))).toEqual({ ok: false, errors: { startsAt: "mentoring.booking.refused.sameTime" } });
    expect(await rescheduleSession(founder.claims, id, new Date("2027-03-29T05:00:00Z"))).toEqual({ ok: false, errors: { startsAt: "mentoring.booking.refused.outsideHours" } });
    const moved = (await mailsTo(founder.email)).at(-1)!;
    expect(moved.subject).toContain("15:00");
    expect(moved.text_body).toContain("14:00"); // the old time, on the founder's clock
    const icsMoved = readIcs(moved.attachments[0]!.content);
    expect(icsMoved).toMatchObject({ method: "REQUEST", sequence: 1, start: "2027-03-29T08:00:00.000Z" });

    // the old time is free for someone else
    const other = await founderIn("Asia/Ho_Chi_Minh", "vi", mentor.id);
    expect((await bookSession(other.founder.claims, { programId, startupId: other.startupId, mentorId: mentor.id, startsAt: new Date("2027-03-29T07:00:00Z") })).ok).toBe(true);

    expect(await cancelSession(founder.claims, id)).toEqual({ ok: true, value: undefined });
    const cancelled = (await mailsTo(mentor.email)).at(-1)!;
    const icsCancel = readIcs(cancelled.attachments[0]!.content);
    expect(icsCancel).toMatchObject({ method: "CANCEL", sequence: 2, status: "CANCELLED", start: "2027-03-29T08:00:00.000Z" });
    expect(icsCancel.uid).toBe(icsMoved.uid);
    expect(cancelled.attachments[0]!.contentType).toContain("method=CANCEL");
    expect(await cancelSession(founder.claims, id)).toEqual({ ok: false, errors: { form: "mentoring.booking.refused.notFound" } });
    // and someone else cannot touch a session that is not theirs
    const stranger = await createUser();
    expect((await rescheduleSession(stranger.claims, id, new Date("2027-03-29T09:00:00Z"))).ok).toBe(false);
  });

  it("refuses changes past the mentor's cutoff", async () => {
    const mentor = await createMentor(orgId, programId);
    await asService((tx) => tx`update public.mentor_profiles set cancel_cutoff_hours = 48 where user_id = ${mentor.id}`);
    const { founder, startupId } = await createCohortStartup(programId);
    await assignMentor(startupId, mentor.id);
    const soon = new Date(Math.ceil((Date.now() + 24 * 3_600_000) / 3_600_000) * 3_600_000);
    const booked = await bookSession(founder.claims, { programId, startupId, mentorId: mentor.id, startsAt: soon });
    if (!booked.ok) throw new Error(JSON.stringify(booked.errors));
    const refusal = "mentoring.booking.refused.pastCutoff";
    expect(await cancelSession(founder.claims, booked.value.sessionId)).toEqual({ ok: false, errors: { form: refusal } });
    expect(await rescheduleSession(mentor.claims, booked.value.sessionId, new Date(soon.getTime() + 3 * 86_400_000))).toEqual({ ok: false, errors: { startsAt: refusal } });
    for (const locale of ["vi", "en"] as const) expect(tFor(locale)(refusal)).not.toBe(refusal);
  });

  it("ten concurrent moves into one free slot: one moves, nine are told it was taken and keep their time", async () => {
    const mentor = await createMentor(orgId, programId);
    const base = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 20 * 86_400_000);
    const sessions = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const { founder, startupId } = await createCohortStartup(programId);
        await assignMentor(startupId, mentor.id);
        const startsAt = new Date(base.getTime() + i * 3_600_000);
        const outcome = await bookSession(founder.claims, { programId, startupId, mentorId: mentor.id, startsAt });
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
        return { founder, id: outcome.value.sessionId, startsAt };
      }),
    );
    const target = new Date(base.getTime() + 12 * 3_600_000);
    const outcomes = await Promise.all(sessions.map((s) => rescheduleSession(s.founder.claims, s.id, target)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    for (const o of outcomes.filter((x) => !x.ok)) expect(o).toEqual({ ok: false, errors: { startsAt: "mentoring.booking.refused.slotTaken" } });
    const rows = await sessionsOf(mentor.id);
    expect(rows.filter((r) => r.starts_at.getTime() === target.getTime())).toHaveLength(1);
    expect(rows).toHaveLength(10);
    // the nine that lost still hold their own times
    const winner = sessions[outcomes.findIndex((o) => o.ok)]!;
    for (const s of sessions.filter((x) => x !== winner)) expect(rows.find((r) => r.id === s.id)!.starts_at.getTime()).toBe(s.startsAt.getTime());
  });
});
