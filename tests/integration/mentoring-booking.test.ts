import { beforeAll, describe, expect, it } from "vitest";
import { bookSession } from "~/modules/mentoring/booking/book.server";
import "~/modules/mentoring/strings";
import { asService, asUser } from "~/platform/db/transaction.server";
import { resetEnv } from "~/platform/env.server";
import { tFor } from "~/platform/i18n/i18n";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { createProgram } from "../support/application-factories";
import { assignMentor, createCohortStartup, createMentor, createSession, sessionsOf, setBudget } from "../support/mentoring-factories";

// Booking invariants against the real PostgreSQL: each racing request on its own connection (the
// pool is widened so twenty really overlap), the outcome read back from the table.
process.env.DATABASE_POOL_MAX = "24";
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

/** A whole hour some days ahead, so notice and horizon never interfere. */
const at = (daysAhead: number, hour: number, minute = 0) => {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  d.setUTCHours(hour, minute, 0, 0);
  return d;
};

const book = (founder: TestUser, startupId: string, mentorId: string, startsAt: Date) =>
  bookSession(founder.claims, { programId, startupId, mentorId, startsAt });

/** A key resolves to a real sentence in both languages. */
function expectTranslated(key: string) {
  for (const locale of ["vi", "en"] as const) {
    const text = tFor(locale)(key);
    expect(text).not.toBe(key);
    expect(text.length).toBeGreaterThan(10);
  }
  expect(tFor("vi")(key)).not.toBe(tFor("en")(key));
}

/**
 * Two bookings of one startup with room for one hour, with two mentors (so only the budget can
 * stop the second): the first holds its transaction open until the second has either finished or
 * is seen waiting for a lock (from a third connection, never by sleeping); then the first commits.
 */
async function budgetRace() {
  const program = (await createProgram(orgId)).id;
  await setBudget(program, 1);
  const { founder, startupId } = await createCohortStartup(program);
  const [m1, m2] = [await createMentor(orgId, program), await createMentor(orgId, program)];
  for (const m of [m1, m2]) await assignMentor(startupId, m.id);

  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let booked!: () => void;
  const firstBooked = new Promise<void>((resolve) => (booked = resolve));
  const first = asUser(founder.claims, async (tx) => {
    await tx`select public.book_session(${program}, ${startupId}, ${m1.id}, ${at(60, 3)})`;
    booked();
    await gate;
  });
  await firstBooked;
  let secondDone = false;
  const second = bookSession(founder.claims, { programId: program, startupId, mentorId: m2.id, startsAt: at(60, 5) }).finally(() => (secondDone = true));
  const waitingOnLock = async () =>
    (await asService((tx) => tx<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0]!.n > 0;
  while (!secondDone && !(await waitingOnLock())) await new Promise((resolve) => setImmediate(resolve));
  release();
  await first;
  const outcome = await second;
  const [used] = await asService(
    (tx) => tx<{ hours: number }[]>`
      select (sum(extract(epoch from ends_at - starts_at)) / 3600)::float8 as hours from public.mentoring_sessions
       where program_id = ${program} and startup_id = ${startupId} and status <> 'cancelled'`,
  );
  return { outcome, hours: used!.hours };
}

describe("one slot, many bookers", () => {
  it("twenty concurrent bookings of one slot give one session and nineteen readable conflicts, every round", async () => {
    const mentor = await createMentor(orgId, programId);
    const startups = await Promise.all(Array.from({ length: 20 }, () => createCohortStartup(programId)));
    for (const s of startups) await assignMentor(s.startupId, mentor.id);

    for (const round of [1, 2, 3]) {
      const slot = at(10 + round, 3);
      const outcomes = await Promise.all(startups.map((s) => book(s.founder, s.startupId, mentor.id, slot)));
      const booked = outcomes.filter((o) => o.ok);
      const refused = outcomes.flatMap((o) => (o.ok ? [] : [o.errors]));
      expect(booked).toHaveLength(1);
      expect(refused).toHaveLength(19);
      for (const errors of refused) expect(errors).toEqual({ startsAt: "mentoring.booking.refused.slotTaken" });
      const rows = (await sessionsOf(mentor.id)).filter((r) => r.starts_at.getTime() === slot.getTime());
      expect(rows).toHaveLength(1);
    }
    expectTranslated("mentoring.booking.refused.slotTaken");
  });

  it("lets sessions that share an end point both stand, and buffers keep their distance", async () => {
    const mentor = await createMentor(orgId, programId);
    const { founder, startupId } = await createCohortStartup(programId);
    await assignMentor(startupId, mentor.id);
    expect((await book(founder, startupId, mentor.id, at(20, 10))).ok).toBe(true); // [10:00, 11:00)
    expect((await book(founder, startupId, mentor.id, at(20, 11))).ok).toBe(true); // [11:00, 12:00)
    expect((await book(founder, startupId, mentor.id, at(20, 9))).ok).toBe(true); // [09:00, 10:00)
    expect(await book(founder, startupId, mentor.id, at(20, 10, 30))).toEqual({ ok: false, errors: { startsAt: "mentoring.booking.refused.slotTaken" } });

    const buffered = await createMentor(orgId, programId, { bufferAfter: 15 });
    await assignMentor(startupId, buffered.id);
    expect((await book(founder, startupId, buffered.id, at(21, 10))).ok).toBe(true); // blocks [10:00, 11:15)
    expect((await book(founder, startupId, buffered.id, at(21, 11))).ok).toBe(false);
    expect((await book(founder, startupId, buffered.id, at(21, 11, 15))).ok).toBe(true);
  });

  it("frees the time of a cancelled session", async () => {
    const mentor = await createMentor(orgId, programId);
    const { founder, startupId } = await createCohortStartup(programId);
    await assignMentor(startupId, mentor.id);
    const first = await book(founder, startupId, mentor.id, at(22, 8));
    if (!first.ok) throw new Error("first booking refused");
    await asService((tx) => tx`update public.mentoring_sessions set status = 'cancelled', cancelled_at = now() where id = ${first.value.sessionId}`);
    expect((await book(founder, startupId, mentor.id, at(22, 8))).ok).toBe(true);
  });
});

describe("the hours budget", () => {
  it("holds when one startup books six mentors at once with room for three hours", async () => {
    const program = (await createProgram(orgId)).id;
    await setBudget(program, 3);
    const { founder, startupId } = await createCohortStartup(program);
    const mentors = await Promise.all(Array.from({ length: 6 }, () => createMentor(orgId, program)));
    for (const m of mentors) await assignMentor(startupId, m.id);

    const outcomes = await Promise.all(
      mentors.map((m) => bookSession(founder.claims, { programId: program, startupId, mentorId: m.id, startsAt: at(30, 4) })),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    for (const o of outcomes.filter((x) => !x.ok)) expect(o).toEqual({ ok: false, errors: { startsAt: "mentoring.booking.refused.budgetExceeded" } });
    const [used] = await asService(
      (tx) => tx<{ hours: string }[]>`
        select (sum(extract(epoch from ends_at - starts_at)) / 3600)::text as hours from public.mentoring_sessions
         where program_id = ${program} and startup_id = ${startupId} and status <> 'cancelled'`,
    );
    expect(Number(used!.hours)).toBe(3);
    expectTranslated("mentoring.booking.refused.budgetExceeded");
  });
});

describe("the hours budget follows the hours rule", () => {
  it("gives back the hours of a session the mentor missed, not of one the startup missed", async () => {
    const program = (await createProgram(orgId)).id;
    await setBudget(program, 2);
    const { founder, startupId } = await createCohortStartup(program);
    const mentor = await createMentor(orgId, program);
    await assignMentor(startupId, mentor.id);
    const pair = { programId: program, startupId, mentorId: mentor.id };
    await createSession(pair, at(-3, 9), { status: "no_show", absent: "mentor" });
    await createSession(pair, at(-2, 9), { status: "no_show", absent: "startup" });

    const bookAt = (startsAt: Date) => bookSession(founder.claims, { programId: program, startupId, mentorId: mentor.id, startsAt });
    expect((await bookAt(at(40, 9))).ok).toBe(true);
    expect(await bookAt(at(41, 9))).toEqual({ ok: false, errors: { startsAt: "mentoring.booking.refused.budgetExceeded" } });
  });
});

describe("a mentor matched in one programme", () => {
  it("is not bookable through another programme that approves them too", async () => {
    const [matched, other] = [(await createProgram(orgId)).id, (await createProgram(orgId)).id];
    const { founder, startupId } = await createCohortStartup(matched);
    await asService((tx) => tx`insert into public.cohort_members (program_id, startup_id) values (${other}, ${startupId})`);
    const mentor = await createMentor(orgId, matched);
    await asService(async (tx) => {
      await tx`insert into public.program_mentors (program_id, mentor_id) values (${other}, ${mentor.id})`;
      await tx`insert into public.startup_mentors (startup_id, mentor_id, program_id) values (${startupId}, ${mentor.id}, ${matched})`;
    });

    const through = (programId: string) => bookSession(founder.claims, { programId, startupId, mentorId: mentor.id, startsAt: at(42, 9) });
    expect(await through(other)).toEqual({ ok: false, errors: { mentorId: "mentoring.booking.refused.notAssigned" } });
    expect((await through(matched)).ok).toBe(true);
  });
});

describe("the hours budget, step by step", () => {
  it("makes a second booking wait for the first and then refuses it", async () => {
    const { outcome, hours } = await budgetRace();
    expect(outcome).toEqual({ ok: false, errors: { startsAt: "mentoring.booking.refused.budgetExceeded" } });
    expect(hours).toBe(1);
  });
});

describe("who may book whom", () => {
  it("refuses a mentor not assigned to the startup, and someone else's startup, writing nothing", async () => {
    const mentor = await createMentor(orgId, programId);
    const { founder, startupId } = await createCohortStartup(programId);
    const other = await createCohortStartup(programId);
    await assignMentor(other.startupId, mentor.id);

    expect(await book(founder, startupId, mentor.id, at(40, 5))).toEqual({ ok: false, errors: { mentorId: "mentoring.booking.refused.notAssigned" } });
    // the other startup's mentor, booked in its name by a founder who is not its member
    expect(await book(founder, other.startupId, mentor.id, at(40, 5))).toEqual({ ok: false, errors: { startsAt: "mentoring.booking.refused.notFound" } });
    expect(await sessionsOf(mentor.id)).toEqual([]);
    expectTranslated("mentoring.booking.refused.notAssigned");
    expectTranslated("mentoring.booking.refused.notFound");
  });

  it("refuses a mentor assigned to the startup but not approved for the programme", async () => {
    const mentor = await createMentor(orgId, programId);
    const elsewhere = (await createProgram(orgId)).id;
    const { founder, startupId } = await createCohortStartup(elsewhere);
    await assignMentor(startupId, mentor.id);
    const outcome = await bookSession(founder.claims, { programId: elsewhere, startupId, mentorId: mentor.id, startsAt: at(41, 5) });
    expect(outcome).toEqual({ ok: false, errors: { mentorId: "mentoring.booking.refused.notAssigned" } });
  });

  it("holds the mentor's notice, horizon and weekly cap", async () => {
    const mentor = await createMentor(orgId, programId, { minNotice: 48 * 60, horizonDays: 30, weeklyCap: 1 });
    const { founder, startupId } = await createCohortStartup(programId);
    await assignMentor(startupId, mentor.id);
    expect(await book(founder, startupId, mentor.id, new Date(Date.now() + 3_600_000))).toEqual({
      ok: false,
      errors: { startsAt: "mentoring.booking.refused.tooSoon" },
    });
    expect(await book(founder, startupId, mentor.id, at(45, 5))).toEqual({ ok: false, errors: { startsAt: "mentoring.booking.refused.tooFar" } });
    expect((await book(founder, startupId, mentor.id, at(7, 5))).ok).toBe(true);
    expect(await book(founder, startupId, mentor.id, at(7, 8))).toEqual({ ok: false, errors: { startsAt: "mentoring.booking.refused.weekFull" } });
    for (const key of ["tooSoon", "tooFar", "weekFull"]) expectTranslated(`mentoring.booking.refused.${key}`);
  });
});

// Last, because they change the schema of this file's database: the race tests above can catch the
// bugs they guard against. Without the exclusion constraint the same race books the slot many
// times; without the cohort row lock a startup spends past its budget.
describe("the race test proves itself", () => {
  it("books one slot more than once once the exclusion constraint is dropped", async () => {
    const mentor = await createMentor(orgId, programId);
    const startups = await Promise.all(Array.from({ length: 5 }, () => createCohortStartup(programId)));
    for (const s of startups) await assignMentor(s.startupId, mentor.id);
    await asService((tx) => tx`alter table public.mentoring_sessions drop constraint mentoring_sessions_no_overlap`);
    const outcomes = await Promise.all(startups.map((s) => book(s.founder, s.startupId, mentor.id, at(50, 3))));
    expect(outcomes.filter((o) => o.ok).length).toBeGreaterThan(1);
  });

  it("overspends the budget once book_session() no longer locks the startup's cohort row", async () => {
    await asService(async (tx) => {
      const [row] = await tx<{ def: string }[]>`
        select pg_get_functiondef('public.book_session(uuid, uuid, uuid, timestamptz)'::regprocedure) as def`;
      const def = row!.def;
      const unlocked = def.replace(/perform 1 from public\.cohort_members[^;]*for update;/, "");
      expect(unlocked).not.toBe(def);
      await tx.unsafe(unlocked);
    });
    const { outcome, hours } = await budgetRace();
    expect(outcome.ok).toBe(true);
    expect(hours).toBe(2);
  });
});
