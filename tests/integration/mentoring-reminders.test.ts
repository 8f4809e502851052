import { beforeAll, describe, expect, it } from "vitest";
import { bookSession } from "~/modules/mentoring/booking/book.server";
import { cancelSession, rescheduleSession } from "~/modules/mentoring/booking/change.server";
import "~/modules/mentoring/strings";
import { asService } from "~/platform/db/transaction.server";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { createProgram } from "../support/application-factories";
import { runScheduled } from "../support/jobs";
import { assignMentor, createCohortStartup, createMentor, setBudget } from "../support/mentoring-factories";

// Session reminders from the job queue, with the job clock moved by the test (never slept): a day
// and an hour before, to both sides, once each even when the sweep runs twice, none for a
// cancelled session, and for a moved session only at its new time.
let orgId: string;
let programId: string;

beforeAll(async () => {
  const manager = await createUser();
  orgId = (await createOrg()).id;
  await addMember(orgId, manager.id, "manager");
  programId = (await createProgram(orgId)).id;
  await setBudget(programId, 100);
});

const HOUR = 3_600_000;
/** A whole hour some days ahead. */
const ahead = (days: number) => new Date(Math.ceil((Date.now() + days * 24 * HOUR) / HOUR) * HOUR);

async function bookedSession(startsAt: Date) {
  const mentor = await createMentor(orgId, programId);
  const { founder, startupId } = await createCohortStartup(programId);
  await assignMentor(startupId, mentor.id);
  const outcome = await bookSession(founder.claims, { programId, startupId, mentorId: mentor.id, startsAt });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return { mentor, founder, id: outcome.value.sessionId };
}

const reminders = async (...people: TestUser[]) =>
  (
    await asService(
      (tx) => tx<{ n: number }[]>`
        select count(*)::int as n from public.email_outbox
         where to_email in ${tx(people.map((p) => p.email))} and template = 'mentoring-session' and subject like 'Reminder%'`,
    )
  )[0]!.n;

describe("session reminders", () => {
  it("reminds both sides a day and an hour before, once each however often the sweep runs", async () => {
    const startsAt = ahead(3);
    const { mentor, founder } = await bookedSession(startsAt);
    await runScheduled("mentoring.remind-sessions", new Date(startsAt.getTime() - 30 * HOUR));
    expect(await reminders(mentor, founder)).toBe(0);
    await runScheduled("mentoring.remind-sessions", new Date(startsAt.getTime() - 23 * HOUR));
    expect(await reminders(mentor)).toBe(1);
    expect(await reminders(founder)).toBe(1);
    await runScheduled("mentoring.remind-sessions", new Date(startsAt.getTime() - 22 * HOUR));
    expect(await reminders(mentor, founder)).toBe(2);
    await runScheduled("mentoring.remind-sessions", new Date(startsAt.getTime() - 0.5 * HOUR));
    expect(await reminders(mentor, founder)).toBe(4);
    await runScheduled("mentoring.remind-sessions", new Date(startsAt.getTime() - 0.4 * HOUR));
    expect(await reminders(mentor, founder)).toBe(4);
  });

  it("sends none for a cancelled session, and none for the old time of a moved one", async () => {
    const cancelledAt = ahead(4);
    const cancelled = await bookedSession(cancelledAt);
    expect((await cancelSession(cancelled.founder.claims, cancelled.id)).ok).toBe(true);
    await runScheduled("mentoring.remind-sessions", new Date(cancelledAt.getTime() - 23 * HOUR));
    expect(await reminders(cancelled.mentor, cancelled.founder)).toBe(0);

    const oldStart = ahead(5);
    const moved = await bookedSession(oldStart);
    const newStart = new Date(oldStart.getTime() + 2 * 24 * HOUR);
    expect((await rescheduleSession(moved.founder.claims, moved.id, newStart)).ok).toBe(true);
    await runScheduled("mentoring.remind-sessions", new Date(oldStart.getTime() - 23 * HOUR));
    await runScheduled("mentoring.remind-sessions", new Date(oldStart.getTime() - 0.5 * HOUR));
    expect(await reminders(moved.mentor, moved.founder)).toBe(0);
    await runScheduled("mentoring.remind-sessions", new Date(newStart.getTime() - 23 * HOUR));
    expect(await reminders(moved.mentor, moved.founder)).toBe(2);
  });
});
