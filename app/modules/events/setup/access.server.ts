import { NotFoundError } from "~/platform/db/errors.server";
import type { Tx } from "~/platform/db/transaction.server";
import { requireId } from "~/platform/ids.server";

// Who may set up an event: its organisers, the managers and staff of the organisation that runs it
// (public.manages_event). Anyone else, an organiser of another organisation included, is told the
// event does not exist (404), as RLS would tell them.

export type ManagedEvent = { id: string; orgId: string; slug: string; timeZone: string; startsAt: Date; endsAt: Date; published: boolean };

/** The event, locked for the change to come when `lock`, after the check that the viewer runs it. */
export async function requireManaged(tx: Tx, eventId: string, lock = false): Promise<ManagedEvent> {
  const id = requireId(eventId);
  const [e] = await tx<(ManagedEvent & { manages: boolean })[]>`
    select id, org_id as "orgId", slug, time_zone as "timeZone", starts_at as "startsAt", ends_at as "endsAt", published,
           public.manages_event(id) as manages
      from public.events where id = ${id} ${lock ? tx`for update` : tx``}`;
  if (!e?.manages) throw new NotFoundError();
  return e;
}
