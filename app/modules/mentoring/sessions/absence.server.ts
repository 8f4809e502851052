import postgres from "postgres";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { refused, type Outcome } from "~/platform/http/form.server";
import { requireId } from "~/platform/ids.server";
import { sessionFor } from "./access.server";

// No-shows: either side marks the other absent once the session has started. mark_no_show() in
// SQL decides which side is absent from who asks, and refuses by name; this maps the names.
const REFUSALS: Record<string, string> = {
  not_started: "mentoring.sessions.errors.notStarted",
  already_marked: "mentoring.sessions.errors.alreadyMarked",
};

export async function markNoShow(claims: Claims, sessionId: string): Promise<Outcome<{ absent: "startup" | "mentor" }>> {
  const id = requireId(sessionId);
  return asUser(claims, async (tx) => {
    const session = await sessionFor(tx, id);
    if (session.side === "manager") return refused({ form: "mentoring.sessions.errors.notYourSide" });
    try {
      const [row] = await tx.savepoint((sp) => sp<{ absent: "startup" | "mentor" }[]>`select public.mark_no_show(${id}) as absent`);
      return { ok: true, value: { absent: row!.absent } };
    } catch (error) {
      if (error instanceof postgres.PostgresError && error.message in REFUSALS) return refused({ form: REFUSALS[error.message]! });
      throw error;
    }
  });
}
