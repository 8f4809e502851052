import { beforeAll, describe, expect, it } from "vitest";
import { cancelOfficeHours, leaveSeat, officeHoursPage, openOfficeHours, takeSeat } from "~/modules/mentoring/office/office.server";
import "~/modules/mentoring/strings";
import { asService } from "~/platform/db/transaction.server";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { createProgram } from "../support/application-factories";
import { createCohortStartup, createMentor } from "../support/mentoring-factories";
import { readIcs } from "../support/ics";

// Office hours' mails, read from the outbox: the mentor (English, Europe/Amsterdam) hears of every
// seat taken and given back; when the mentor cancels, the founders holding seats (Vietnamese in
// Ho Chi Minh City, English in Kolkata) get a mail whose ICS, read back by ical.js, cancels the
// event their seat created: same UID, higher SEQUENCE, METHOD:CANCEL.
let programId: string;
let mentor: TestUser;

beforeAll(async () => {
  const manager = await createUser();
  const orgId = (await createOrg()).id;
  await addMember(orgId, manager.id, "manager");
  programId = (await createProgram(orgId)).id;
  mentor = await createMentor(orgId, programId, { timeZone: "Europe/Amsterdam" });
  await setPerson(mentor, "en", "Europe/Amsterdam");
});

const setPerson = (user: TestUser, locale: "vi" | "en", zone: string) =>
  asService((tx) => tx`update public.profiles set locale = ${locale}, time_zone = ${zone} where id = ${user.id}`);

async function founderIn(locale: "vi" | "en", zone: string) {
  const founder = await createUser({ locale });
  await setPerson(founder, locale, zone);
  const { startupId } = await createCohortStartup(programId, founder);
  const [s] = await asService((tx) => tx<{ name: string }[]>`select name from public.startups where id = ${startupId}`);
  return { founder, startupId, startupName: s!.name };
}

type Mail = { template: string; subject: string; text_body: string; locale: string; attachments: { filename: string; contentType: string; content: string }[] };
const mailsTo = (email: string) =>
  asService((tx) => tx<Mail[]>`select template, subject, text_body, locale, attachments from public.email_outbox where to_email = ${email} order by created_at, id`);


/** 15:00 in Amsterdam on a winter Monday in 2027: 14:00Z, 21:00 in Ho Chi Minh City, 19:30 in Kolkata. */
const STARTS = "2027-01-18T15:00";
const UTC = "2027-01-18T14:00:00.000Z";

describe("office hours' mails", () => {
  it("tells the mentor of each seat taken and given back, in the mentor's language and zone", async () => {
    const opened = await openOfficeHours(mentor.claims, "Europe/Amsterdam", { intent: "open", startsAt: STARTS, minutes: 60, seats: 3, location: "Room 4" });
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    const a = await founderIn("vi", "Asia/Ho_Chi_Minh");
    const b = await founderIn("en", "Asia/Kolkata");
    expect((await takeSeat(a.founder.claims, opened.value, a.startupId)).ok).toBe(true);
    expect((await takeSeat(b.founder.claims, opened.value, b.startupId)).ok).toBe(true);
    expect((await leaveSeat(a.founder.claims, opened.value, a.startupId)).ok).toBe(true);

    const toMentor = (await mailsTo(mentor.email)).filter((m) => m.template === "office-hours");
    expect(toMentor.map((m) => [m.locale, m.subject])).toEqual([
      ["en", `${a.startupName} took a seat at your office hours (18 Jan 2027, 15:00 – 16:00)`],
      ["en", `${b.startupName} took a seat at your office hours (18 Jan 2027, 15:00 – 16:00)`],
      ["en", `${a.startupName} gave up its seat at your office hours (18 Jan 2027, 15:00 – 16:00)`],
    ]);
    expect(toMentor.map((m) => /Seats taken: (\d) of 3/.exec(m.text_body)?.[1])).toEqual(["1", "2", "1"]);
    expect(toMentor[0]!.text_body).toContain("Room 4");
    // the mentor's note carries no invitation: the office hours are the mentor's own
    expect(toMentor.every((m) => m.attachments.length === 0)).toBe(true);
    // the mentor's page lists who holds the seats; founders see the count, not the others' names
    expect((await officeHoursPage(mentor.claims)).mine.find((o) => o.id === opened.value)?.attendees).toEqual([b.startupName]);
    expect((await officeHoursPage(a.founder.claims)).offered.find((o) => o.id === opened.value)).toMatchObject({ seatsTaken: 1, attendees: [] });
    // while the founder's own mail carries the seat's event, at the same instant
    expect(readIcs((await mailsTo(a.founder.email))[0]!.attachments[0]!.content)).toMatchObject({ method: "REQUEST", start: UTC });
  });

  it("cancelling sends each seated founder, in their language and zone, an ICS that cancels their event", async () => {
    const opened = await openOfficeHours(mentor.claims, "Europe/Amsterdam", { intent: "open", startsAt: "2027-01-19T15:00", minutes: 60, seats: 3, location: "" });
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    const vi = await founderIn("vi", "Asia/Ho_Chi_Minh");
    const en = await founderIn("en", "Asia/Kolkata");
    const gone = await founderIn("en", "Asia/Kolkata");
    for (const f of [vi, en, gone]) expect((await takeSeat(f.founder.claims, opened.value, f.startupId)).ok).toBe(true);
    expect((await leaveSeat(gone.founder.claims, opened.value, gone.startupId)).ok).toBe(true);
    // taken by someone, then given back and taken again: the calendar event follows each step
    expect((await leaveSeat(vi.founder.claims, opened.value, vi.startupId)).ok).toBe(true);
    expect((await takeSeat(vi.founder.claims, opened.value, vi.startupId)).ok).toBe(true);
    const seatMails = (await mailsTo(vi.founder.email)).map((m) => readIcs(m.attachments[0]!.content));
    expect(seatMails.map((i) => i.method)).toEqual(["REQUEST", "CANCEL", "REQUEST"]);
    expect(new Set(seatMails.map((i) => i.uid)).size).toBe(1);
    expect(seatMails[1]!.sequence).toBeGreaterThan(seatMails[0]!.sequence);
    expect(seatMails[2]!.sequence).toBeGreaterThan(seatMails[1]!.sequence);

    expect((await cancelOfficeHours(mentor.claims, opened.value)).ok).toBe(true);

    for (const [f, locale, subject] of [
      [vi, "vi", "Giờ tư vấn nhóm của " + mentor.name + " đã bị hủy (21:00 19 thg 1, 2027 – 22:00)"],
      [en, "en", `Office hours of ${mentor.name} cancelled (19 Jan 2027, 19:30 – 20:30)`],
    ] as const) {
      const mails = await mailsTo(f.founder.email);
      const last = mails.at(-1)!;
      expect([last.template, last.locale, last.subject]).toEqual(["office-hours", locale, subject]);
      expect(last.attachments.map((x) => [x.filename, x.contentType])).toEqual([["invite.ics", "text/calendar; method=CANCEL"]]);
      const taken = readIcs(mails.at(-2)!.attachments[0]!.content);
      const cancelled = readIcs(last.attachments[0]!.content);
      expect(cancelled).toMatchObject({ method: "CANCEL", status: "CANCELLED", uid: taken.uid, start: "2027-01-19T14:00:00.000Z" });
      expect(taken.method).toBe("REQUEST");
      expect(cancelled.sequence).toBeGreaterThan(taken.sequence);
    }
    // the startup that left before has nothing more to cancel; the mentor is not mailed their own cancellation
    expect((await mailsTo(gone.founder.email)).map((m) => m.template)).toEqual(["mentoring-session", "mentoring-session"]);
    expect((await mailsTo(mentor.email)).filter((m) => m.subject.includes("cancel"))).toEqual([]);
  });
});
