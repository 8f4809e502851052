import postgres from "postgres";
import { ConflictError } from "~/platform/db/errors.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { refused, type Outcome } from "~/platform/http/form.server";
import { mailBookedSession } from "./mail.server";
import type { BookSessionInput } from "./schema";

// Booking a session: every rule is checked by book_session() in SQL, under row locks and the
// exclusion constraint, so concurrent requests cannot book one slot twice or overspend a budget
// (decisions/001-double-booking.md). This module turns the database's refusals into messages the
// founder can read, on the field they concern, and queues the mails with the invitation in the
// same transaction.

/** The names book_session(), reschedule_session() and cancel_session() raise, and the message each one shows. */
const REFUSALS: Record<string, string> = {
  not_found: "mentoring.booking.refused.notFound",
  mentor_not_assigned: "mentoring.booking.refused.notAssigned",
  too_soon: "mentoring.booking.refused.tooSoon",
  too_far: "mentoring.booking.refused.tooFar",
  outside_hours: "mentoring.booking.refused.outsideHours",
  week_full: "mentoring.booking.refused.weekFull",
  budget_exceeded: "mentoring.booking.refused.budgetExceeded",
  past_cutoff: "mentoring.booking.refused.pastCutoff",
  same_time: "mentoring.booking.refused.sameTime",
  // the time touches the mentor's group office hours (raised by a trigger on mentoring_sessions)
  slot_taken: "mentoring.booking.refused.slotTaken",
};
const OVERLAP = "mentoring_sessions_no_overlap";

/** A refusal raised by the database as field errors, or null for any other error (rethrown by the caller). */
export function refusalOf(error: unknown): { ok: false; errors: Record<string, string> } | null {
  if (error instanceof ConflictError && error.constraint === OVERLAP) return refused({ startsAt: "mentoring.booking.refused.slotTaken" });
  if (error instanceof postgres.PostgresError && error.message in REFUSALS) {
    const key = REFUSALS[error.message]!;
    return refused(error.message === "mentor_not_assigned" ? { mentorId: key } : { startsAt: key });
  }
  return null;
}

export async function bookSession(claims: Claims, input: BookSessionInput): Promise<Outcome<{ sessionId: string }>> {
  try {
    const id = await asUser(claims, async (tx) => {
      // the booking and what its mails need are sent together: no round trip while the lock is held
      // but the mails' insert and COMMIT (mailBookedSession; decision 008, tenth pass, posts)
      const booked = tx<{ id: string }[]>`
        select set_config('app.booked_session', public.book_session(${input.programId}, ${input.startupId}, ${input.mentorId}, ${input.startsAt})::text, true) as id`.execute();
      const [row] = await mailBookedSession(tx, booked);
      return row!.id;
    });
    return { ok: true, value: { sessionId: id } };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return refusal;
    throw error;
  }
}
