import { NotFoundError } from "~/platform/db/errors.server";
import type { Tx } from "~/platform/db/transaction.server";
import { requireId } from "~/platform/ids.server";

// The event an organiser page or command works on: its organisers only, the managers and staff of
// the organisation that runs it (public.manages_event). Anyone else, an organiser of another
// organisation included, is told the event does not exist (404), as RLS would tell them.

export type ManagedEvent = {
  id: string;
  orgId: string;
  slug: string;
  title: { vi: string; en: string };
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  published: boolean;
};

/** The event, after the check that the viewer runs it; locked for the change to come when `lock`. One statement. */
export async function managedEvent(tx: Tx, eventId: string, lock = false): Promise<ManagedEvent> {
  const id = requireId(eventId);
  const [e] = await tx<(Omit<ManagedEvent, "title"> & { titleVi: string; titleEn: string; manages: boolean })[]>`
    select id, org_id as "orgId", slug, title_vi as "titleVi", title_en as "titleEn", time_zone as "timeZone", starts_at as "startsAt",
           ends_at as "endsAt", published, public.manages_event(id) as manages
      from public.events where id = ${id} ${lock ? tx`for update` : tx``}`;
  if (!e?.manages) throw new NotFoundError();
  return { id: e.id, orgId: e.orgId, slug: e.slug, title: { vi: e.titleVi, en: e.titleEn }, timeZone: e.timeZone, startsAt: e.startsAt, endsAt: e.endsAt, published: e.published };
}
