import postgres from "postgres";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { parseInput, refused, type Outcome } from "~/platform/http/form.server";
import { requireId } from "~/platform/ids.server";
import { sessionFor } from "../sessions/access.server";
import { LocationSchema } from "../sessions/schema";
import { mailSession } from "./mail.server";

// Where a booked session is held, changed after booking by its mentor or a manager of its
// programme. set_session_location() checks the caller and raises SEQUENCE in the same update, so the
// ICS mailed to both sides (same UID) replaces the event in their calendars.
const REFUSALS: Record<string, string> = {
  not_booked: "mentoring.booking.location.notBooked",
  unchanged: "mentoring.booking.location.unchanged",
};

export async function setSessionLocation(claims: Claims, sessionId: string, input: unknown): Promise<Outcome<{ sequence: number }>> {
  const id = requireId(sessionId);
  const form = parseInput(LocationSchema, input);
  if (!form.ok) return form;
  return asUser(claims, async (tx) => {
    const session = await sessionFor(tx, id);
    if (session.side === "founder") return refused({ location: "mentoring.booking.location.notYours" });
    try {
      const [row] = await tx.savepoint((sp) => sp<{ sequence: number }[]>`select public.set_session_location(${id}, ${form.data.location}) as sequence`);
      await mailSession(tx, id, "location");
      return { ok: true, value: { sequence: row!.sequence } };
    } catch (error) {
      if (error instanceof postgres.PostgresError && error.message in REFUSALS) return refused({ location: REFUSALS[error.message]! });
      throw error;
    }
  });
}
