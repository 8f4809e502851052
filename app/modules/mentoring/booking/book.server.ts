import postgres from "postgres";
import { ConflictError } from "~/platform/db/errors.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { refused, type Outcome } from "~/platform/http/form.server";
import type { BookSessionInput } from "./schema";

// Booking a session: every rule is checked by book_session() in SQL, under row locks and the
// exclusion constraint, so concurrent requests cannot book one slot twice or overspend a budget
// (decisions/001-double-booking.md). This module only turns the database's refusals into
// messages the founder can read, on the field they concern.

/** The names book_session() raises, and the message each one shows. */
const REFUSALS: Record<string, string> = {
  not_found: "mentoring.booking.refused.notFound",
  mentor_not_assigned: "mentoring.booking.refused.notAssigned",
  too_soon: "mentoring.booking.refused.tooSoon",
  too_far: "mentoring.booking.refused.tooFar",
  week_full: "mentoring.booking.refused.weekFull",
  budget_exceeded: "mentoring.booking.refused.budgetExceeded",
};
const OVERLAP = "mentoring_sessions_no_overlap";

export async function bookSession(claims: Claims, input: BookSessionInput): Promise<Outcome<{ sessionId: string }>> {
  try {
    const [row] = await asUser(
      claims,
      (tx) => tx<{ id: string }[]>`
        select public.book_session(${input.programId}, ${input.startupId}, ${input.mentorId}, ${input.startsAt}) as id`,
    );
    return { ok: true, value: { sessionId: row!.id } };
  } catch (error) {
    if (error instanceof ConflictError && error.constraint === OVERLAP) return refused({ startsAt: "mentoring.booking.refused.slotTaken" });
    if (error instanceof postgres.PostgresError && error.message in REFUSALS) {
      const key = REFUSALS[error.message]!;
      return refused(error.message === "mentor_not_assigned" ? { mentorId: key } : { startsAt: key });
    }
    throw error;
  }
}
