import { asUser, type Claims } from "~/platform/db/transaction.server";
import type { Outcome } from "~/platform/http/form.server";
import { refusalOf } from "./book.server";
import { mailSession } from "./mail.server";

// Moving and cancelling a session, by its mentor or a founder of its startup, up to the mentor's
// cutoff. reschedule_session() frees the old time and takes the new one in one update under the
// exclusion constraint; both functions raise SEQUENCE, so the mailed ICS replaces the event in the
// readers' calendars (same UID).

export async function rescheduleSession(claims: Claims, sessionId: string, startsAt: Date): Promise<Outcome<{ sessionId: string }>> {
  try {
    await asUser(claims, async (tx) => {
      const [old] = await tx<{ starts_at: Date; ends_at: Date }[]>`select starts_at, ends_at from public.mentoring_sessions where id = ${sessionId}`;
      await tx`select public.reschedule_session(${sessionId}, ${startsAt})`;
      await mailSession(tx, sessionId, "rescheduled", old ? { startsAt: old.starts_at, endsAt: old.ends_at } : undefined);
    });
    return { ok: true, value: { sessionId } };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return refusal;
    throw error;
  }
}

export async function cancelSession(claims: Claims, sessionId: string): Promise<Outcome> {
  try {
    await asUser(claims, async (tx) => {
      await tx`select public.cancel_session(${sessionId})`;
      await mailSession(tx, sessionId, "cancelled");
    });
    return { ok: true, value: undefined };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return { ok: false, errors: { form: refusal.errors.startsAt ?? refusal.errors.mentorId! } };
    throw error;
  }
}
