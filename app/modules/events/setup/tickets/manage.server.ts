import postgres from "postgres";
import { audit } from "~/platform/audit/audit.server";
import { NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { refused, type FieldErrors, type Outcome } from "~/platform/http/form.server";
import { isUuid } from "~/platform/ids";

// What every set-up command shares: the event, loaded once and only for its organisers (anyone
// else, another organisation's managers included, gets a 404); the audit row of each change; and
// a refusal that rolls the whole transaction back, so a refused post writes nothing.

export type ManagedEvent = { id: string; orgId: string; slug: string; title: { vi: string; en: string }; timeZone: string; startsAt: Date; endsAt: Date };

export async function requireManagedEvent(tx: Tx, eventId: string): Promise<ManagedEvent> {
  if (!isUuid(eventId)) throw new NotFoundError();
  const [e] = await tx<{ id: string; org_id: string; slug: string; title_vi: string; title_en: string; time_zone: string; starts_at: Date; ends_at: Date; manages: boolean }[]>`
    select id, org_id, slug, title_vi, title_en, time_zone, starts_at, ends_at, public.manages_event(id) as manages from public.events where id = ${eventId}`;
  if (!e?.manages) throw new NotFoundError();
  return { id: e.id, orgId: e.org_id, slug: e.slug, title: { vi: e.title_vi, en: e.title_en }, timeZone: e.time_zone, startsAt: e.starts_at, endsAt: e.ends_at };
}

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
    return { ok: true, value: await asUser(claims, async (tx) => work(tx, await requireManagedEvent(tx, eventId))) };
  } catch (error) {
    if (error instanceof Refusal) return refused(error.errors);
    if (error instanceof postgres.PostgresError && error.message in RAISED) return refused(RAISED[error.message]!);
    throw error;
  }
}
