import { beforeAll, describe, expect, it } from "vitest";
import { bookSession } from "~/modules/mentoring/booking/book.server";
import { rescheduleSession } from "~/modules/mentoring/booking/change.server";
import { cancelOfficeHours, leaveSeat, officeHoursPage, openOfficeHours, takeSeat } from "~/modules/mentoring/office/office.server";
import "~/modules/mentoring/strings";
import { asService } from "~/platform/db/transaction.server";
import { resetEnv } from "~/platform/env.server";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { createProgram } from "../support/application-factories";
import { assignMentor, createCohortStartup, createMentor, setBudget } from "../support/mentoring-factories";

// Group office hours against the real PostgreSQL: twenty founders race for five seats, each on its
// own connection (the pool is widened so they really overlap); the mentor's time stays exclusive
// between office hours and 1:1 sessions, whichever comes first.
process.env.DATABASE_POOL_MAX = "24";
resetEnv();

let orgId: string;
let programId: string;
let mentor: TestUser;
const founders: { founder: TestUser; startupId: string }[] = [];

beforeAll(async () => {
  const manager = await createUser();
  orgId = (await createOrg()).id;
  await addMember(orgId, manager.id, "manager");
  programId = (await createProgram(orgId)).id;
  await setBudget(programId, 100);
  mentor = await createMentor(orgId, programId, { timeZone: "Asia/Ho_Chi_Minh" });
  for (let i = 0; i < 20; i++) founders.push(await createCohortStartup(programId));
  await assignMentor(founders[0]!.startupId, mentor.id);
});

/** A wall-clock time in Ho Chi Minh City some days ahead, as the form's datetime-local field sends it. */
const wall = (daysAhead: number, hour: number) => {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
};
const instant = (local: string) => new Date(`${local}:00+07:00`);

async function open(local: string, seats = 5, minutes = 60) {
  const outcome = await openOfficeHours(mentor.claims, "Asia/Ho_Chi_Minh", { intent: "open", startsAt: local, minutes, seats, location: "Room 4" });
  return outcome;
}
const seatsOf = (id: string) =>
  asService(async (tx) => {
    const [o] = await tx<{ seats_taken: number }[]>`select seats_taken from public.mentor_office_hours where id = ${id}`;
    const [c] = await tx<{ count: number }[]>`select count(*)::int as count from public.office_hours_seats where office_hours_id = ${id}`;
    return { counted: o!.seats_taken, rows: c!.count };
  });

const mailsTo = (email: string) =>
  asService(async (tx) =>
    (
      await tx<{ attachments: { filename: string; content: string }[] }[]>`
        select attachments from public.email_outbox where to_email = ${email} and template = 'mentoring-session' order by created_at, id`
    ).map((m) => ({ attachments: m.attachments, kind: /METHOD:(\w+)/.exec(m.attachments[0]?.content ?? "")?.[1] })),
  );

describe("group office hours", () => {
  it("twenty founders race for five seats: five get one, fifteen are told it is full", async () => {
    const opened = await open(wall(10, 14));
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    const outcomes = await Promise.all(founders.map((f) => takeSeat(f.founder.claims, opened.value, f.startupId)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(5);
    expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.errors.form)).toEqual(Array(15).fill("mentoring.office.refused.full"));
    expect(await seatsOf(opened.value)).toEqual({ counted: 5, rows: 5 });
    // the founders see the count; the mentor sees their own office hours
    const seen = await officeHoursPage(founders[0]!.founder.claims);
    expect(seen.offered.find((o) => o.id === opened.value)?.seatsTaken).toBe(5);
    expect((await officeHoursPage(mentor.claims)).mine.map((o) => o.id)).toContain(opened.value);

    // one seat is given back: another startup may take it
    const seated = founders.filter((_, i) => outcomes[i]!.ok);
    const waiting = founders.find((_, i) => !outcomes[i]!.ok)!;
    // each taker has a mail with the invitation; the refused ones none
    expect((await mailsTo(seated[0]!.founder.email)).map((m) => [m.kind, m.attachments[0]?.filename])).toEqual([["REQUEST", "invite.ics"]]);
    expect(await mailsTo(waiting.founder.email)).toEqual([]);
    expect((await leaveSeat(seated[0]!.founder.claims, opened.value, seated[0]!.startupId)).ok).toBe(true);
    expect(await seatsOf(opened.value)).toEqual({ counted: 4, rows: 4 });
    expect((await mailsTo(seated[0]!.founder.email)).map((m) => m.kind)).toEqual(["REQUEST", "CANCEL"]);
    expect((await takeSeat(waiting.founder.claims, opened.value, waiting.startupId)).ok).toBe(true);
    expect(await seatsOf(opened.value)).toEqual({ counted: 5, rows: 5 });
  });

  it("gives a startup one seat, and none to a startup outside the mentor's programmes", async () => {
    const opened = await open(wall(11, 14));
    if (!opened.ok) throw new Error("not opened");
    const [f] = founders;
    const twice = await Promise.all([takeSeat(f!.founder.claims, opened.value, f!.startupId), takeSeat(f!.founder.claims, opened.value, f!.startupId)]);
    expect(twice.filter((o) => o.ok)).toHaveLength(1);
    expect(twice.find((o) => !o.ok)).toEqual({ ok: false, errors: { form: "mentoring.office.refused.alreadySeated" } });
    expect(await seatsOf(opened.value)).toEqual({ counted: 1, rows: 1 });

    const outsider = await createUser();
    const elsewhere = await createStartup(outsider.id);
    expect(await takeSeat(outsider.claims, opened.value, elsewhere.id)).toEqual({ ok: false, errors: { form: "mentoring.office.refused.notFound" } });
    // a founder cannot seat someone else's startup, nor give its seat back
    expect(await takeSeat(outsider.claims, opened.value, founders[1]!.startupId)).toEqual({ ok: false, errors: { form: "mentoring.office.refused.notFound" } });
    expect(await leaveSeat(outsider.claims, opened.value, f!.startupId)).toEqual({ ok: false, errors: { form: "mentoring.office.refused.notFound" } });
    expect((await officeHoursPage(outsider.claims)).offered).toEqual([]);

    // cancelled by the mentor: closed to new takers, and off the founders' list
    expect((await cancelOfficeHours(mentor.claims, opened.value)).ok).toBe(true);
    expect(await takeSeat(founders[2]!.founder.claims, opened.value, founders[2]!.startupId)).toEqual({ ok: false, errors: { form: "mentoring.office.refused.notOpen" } });
    expect((await officeHoursPage(f!.founder.claims)).offered.map((o) => o.id)).not.toContain(opened.value);
    expect(await cancelOfficeHours(founders[2]!.founder.claims, opened.value)).toEqual({ ok: false, errors: { form: "mentoring.office.refused.notFound" } });
  });

  it("keeps the mentor's time exclusive: no session inside office hours, no office hours over a session", async () => {
    const { founder, startupId } = founders[0]!;
    const opened = await open(wall(12, 10), 3, 120); // 10:00–12:00
    if (!opened.ok) throw new Error("not opened");
    const book = (local: string) => bookSession(founder.claims, { programId, startupId, mentorId: mentor.id, startsAt: instant(local) });
    expect(await book(wall(12, 11))).toEqual({ ok: false, errors: { startsAt: "mentoring.booking.refused.slotTaken" } });
    const booked = await book(wall(12, 13));
    if (!booked.ok) throw new Error(JSON.stringify(booked.errors));
    // moving the session into the office hours is refused too
    expect(await rescheduleSession(founder.claims, booked.value.sessionId, instant(wall(12, 10)))).toEqual({ ok: false, errors: { startsAt: "mentoring.booking.refused.slotTaken" } });
    // office hours over the booked session, or over other office hours, are refused
    expect(await open(wall(12, 13))).toEqual({ ok: false, errors: { startsAt: "mentoring.office.refused.overlap" } });
    expect(await open(wall(12, 11))).toEqual({ ok: false, errors: { startsAt: "mentoring.office.refused.overlap" } });
    // right after both: fine
    expect((await open(wall(12, 14))).ok).toBe(true);
    // a founder may not open office hours; a time already past is refused
    expect(await openOfficeHours(founder.claims, "Asia/Ho_Chi_Minh", { intent: "open", startsAt: wall(12, 16), minutes: 60, seats: 2, location: "" })).toEqual({
      ok: false,
      errors: { startsAt: "mentoring.office.refused.notFound" },
    });
    expect(await open(wall(-1, 10))).toEqual({ ok: false, errors: { startsAt: "mentoring.office.refused.tooSoon" } });
  });

  it("opening and booking the same hour at once: exactly one of them wins", async () => {
    const { founder, startupId } = founders[0]!;
    for (const hour of [8, 9]) {
      const [opened, booked] = await Promise.all([
        open(wall(13, hour)),
        bookSession(founder.claims, { programId, startupId, mentorId: mentor.id, startsAt: instant(wall(13, hour)) }),
      ]);
      expect([opened.ok, booked.ok].filter(Boolean)).toHaveLength(1);
    }
  });
});
