import postgres from "postgres";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { parseInput, refused, type Outcome } from "~/platform/http/form.server";
import { requireId } from "~/platform/ids.server";
import { sessionFor } from "./access.server";
import { FEEDBACK_EDIT_DAYS } from "./page.server";
import { FeedbackSchema } from "./schema";

// A rating and a short comment from each side: the mentor about the session, a founder about the
// mentor. One per side, given once the session has started, changed by its author only and only
// for FEEDBACK_EDIT_DAYS days. The table's policies hold all of this; here the same rules are
// read first so a refusal is a sentence, not an error page.

export async function giveFeedback(claims: Claims, sessionId: string, input: unknown): Promise<Outcome> {
  const id = requireId(sessionId);
  const form = parseInput(FeedbackSchema, input);
  if (!form.ok) return form;
  const { rating, comment } = form.data;
  return asUser(claims, async (tx) => {
    const session = await sessionFor(tx, id);
    if (session.side === "manager") return refused({ form: "mentoring.sessions.errors.notYourSide" });
    if (session.status === "cancelled") return refused({ form: "mentoring.sessions.errors.cancelled" });
    if (!session.started) return refused({ form: "mentoring.sessions.errors.notStarted" });
    const [given] = await tx<{ mine: boolean; editable: boolean }[]>`
      select author_id = (select auth.uid()) as mine, created_at > now() - make_interval(days => ${FEEDBACK_EDIT_DAYS}) as editable
        from public.mentoring_feedback where session_id = ${id} and side = ${session.side}`;
    if (given && !given.mine) return refused({ form: "mentoring.sessions.errors.feedbackGiven" });
    if (given && !given.editable) return refused({ form: "mentoring.sessions.errors.feedbackClosed" });
    try {
      if (given) {
        await tx`update public.mentoring_feedback set rating = ${rating}, comment = ${comment} where session_id = ${id} and side = ${session.side}`;
      } else {
        await tx.savepoint((sp) => sp`insert into public.mentoring_feedback (session_id, side, rating, comment) values (${id}, ${session.side}, ${rating}, ${comment})`);
      }
    } catch (error) {
      // another founder of the startup gave the side's feedback a moment before
      if (error instanceof postgres.PostgresError && error.code === "23505") return refused({ form: "mentoring.sessions.errors.feedbackGiven" });
      throw error;
    }
    return { ok: true, value: undefined };
  });
}
