import postgres from "postgres";
import { audit } from "~/platform/audit/audit.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { refused, type FieldErrors, type Outcome } from "~/platform/http/form.server";
import { managedEvent, type ManagedEvent } from "../../managed-event.server";

// What every set-up command shares: the event, loaded once and only for its organisers
// (managed-event.server.ts); the audit row of each change; and a refusal that rolls the whole
// transaction back, so a refused post writes nothing.

/** One audit row about the event's set-up, in the caller's transaction (staff may write it too). */
export async function auditSetup(tx: Tx, event: ManagedEvent, subjectType: string, subjectId: string, kind: string, detail: Record<string, unknown> = {}) {
  await audit(tx, { orgId: event.orgId, scopeId: event.id, subjectType, subjectId, kind, detail });
}

/** Thrown inside a command's transaction to refuse it: the transaction rolls back, the form gets the errors. */
export class Refusal extends Error {
  constructor(readonly errors: FieldErrors) {
    super("refused");
  }
}

// Refusals the database raises by name while a ticket type's quotas are in use (a trigger).
const RAISED: Record<string, FieldErrors> = {
  quota_in_use: { form: "events.ticketSetup.errors.quotasInUse" },
};

/** Run a set-up command for the event as the signed-in organiser: all of it, or (refused) none of it. */
export async function setupCommand<T>(claims: Claims, eventId: string, work: (tx: Tx, event: ManagedEvent) => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await asUser(claims, async (tx) => work(tx, await managedEvent(tx, eventId))) };
  } catch (error) {
    if (error instanceof Refusal) return refused(error.errors);
    if (error instanceof postgres.PostgresError && error.message in RAISED) return refused(RAISED[error.message]!);
    throw error;
  }
}
