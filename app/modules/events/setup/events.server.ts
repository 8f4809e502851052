import { ConflictError } from "~/platform/db/errors.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { audit } from "~/platform/audit/audit.server";
import { parseInput, refused, type Outcome } from "~/platform/http/form.server";
import type { Bilingual } from "~/platform/i18n/i18n";
import { managedEvent } from "../managed-event.server";
import { removeUnusedCover, storeCover } from "./cover.server";
import { EVENT_COLUMNS, EVENT_FIELDS, EventSchema, NewEventSchema, PublishSchema, type EventInput, type EventValues } from "./schema";
import { instantOf, localOf } from "./time";

// An event's details as its organisers set them: create (always a draft), edit, publish. Times are
// typed as wall-clock times of the event's zone and stored as instants (./time.ts). Every change
// is audited in its transaction; a refused form writes nothing, not even its cover image.

export type OrgEvents = {
  id: string;
  name: Bilingual;
  timeZone: string;
  events: { id: string; slug: string; title: Bilingual; published: boolean; startsAt: Date; endsAt: Date; timeZone: string }[];
};

/** The organisations the viewer runs events for (manager or staff), each with its events, soonest first. */
export function organisersEvents(claims: Claims): Promise<OrgEvents[]> {
  return asUser(claims, async (tx) => {
    const rows = await tx<{ org_id: string; org_vi: string; org_en: string; org_zone: string; id: string | null; slug: string; title_vi: string; title_en: string; published: boolean; starts_at: Date; ends_at: Date; time_zone: string }[]>`
      select o.id as org_id, o.name_vi as org_vi, o.name_en as org_en, o.time_zone as org_zone,
             e.id, e.slug, e.title_vi, e.title_en, e.published, e.starts_at, e.ends_at, e.time_zone
        from public.organisations o left join public.events e on e.org_id = o.id
       where public.has_org_role(o.id, '{manager,staff}')
       order by o.name_en, o.id, e.starts_at desc nulls last, e.id`;
    const orgs = new Map<string, OrgEvents>();
    for (const r of rows) {
      const org = orgs.get(r.org_id) ?? { id: r.org_id, name: { vi: r.org_vi, en: r.org_en }, timeZone: r.org_zone, events: [] };
      orgs.set(r.org_id, org);
      if (r.id)
        org.events.push({ id: r.id, slug: r.slug, title: { vi: r.title_vi, en: r.title_en }, published: r.published, startsAt: r.starts_at, endsAt: r.ends_at, timeZone: r.time_zone });
    }
    return [...orgs.values()];
  });
}

export type SpaceChoice = { id: string; name: Bilingual };

const spacesOf = (tx: Tx, orgId: string) =>
  tx<SpaceChoice[]>`select id, json_build_object('vi', name_vi, 'en', name_en) as name from public.spaces where org_id = ${orgId} and active order by name_en, id`;

/** What the new-event form offers: the viewer's organisations, each with its spaces and zone. */
export function newEventPage(claims: Claims) {
  return asUser(claims, async (tx) => {
    const orgs = await tx<{ id: string; name: Bilingual; timeZone: string }[]>`
      select id, json_build_object('vi', name_vi, 'en', name_en) as name, time_zone as "timeZone"
        from public.organisations where public.has_org_role(id, '{manager,staff}') order by name_en, id`;
    const spaces = await Promise.all(orgs.map((o) => spacesOf(tx, o.id)));
    return orgs.map((o, i) => ({ ...o, spaces: spaces[i]! }));
  });
}

export type EventDetails = { id: string; orgId: string; published: boolean; ticketTypes: number; values: EventValues; spaces: SpaceChoice[] };

/** The details form of an event, for its organisers only (others: 404). */
export function eventDetails(claims: Claims, eventId: string): Promise<EventDetails> {
  return asUser(claims, async (tx) => {
    const e = await managedEvent(tx, eventId);
    const [row] = await tx<Record<string, unknown>[]>`
      select ${tx(Object.values(EVENT_COLUMNS))}, (select count(*)::int from public.ticket_types t where t.event_id = e.id) as ticket_types
        from public.events e where id = ${e.id}`;
    const values = Object.fromEntries(EVENT_FIELDS.map((f) => [f, row![EVENT_COLUMNS[f]]])) as EventValues;
    const zone = String(values.timeZone);
    values.startsAt = localOf(row!.starts_at as Date, zone);
    values.endsAt = localOf(row!.ends_at as Date, zone);
    return { id: e.id, orgId: e.orgId, published: e.published, ticketTypes: Number(row!.ticket_types), values, spaces: await spacesOf(tx, e.orgId) };
  });
}

const slugTaken = (error: unknown) => error instanceof ConflictError && /slug/.test(error.constraint ?? "");

/** The columns a form sets, as the row holds them (the cover is the caller's: an upload, a link, or kept). */
function columnsOf(e: EventInput) {
  const row: Record<string, unknown> = Object.fromEntries(EVENT_FIELDS.filter((f) => f !== "coverUrl").map((f) => [EVENT_COLUMNS[f], e[f] ?? null]));
  return { ...row, starts_at: instantOf(e.startsAt, e.timeZone), ends_at: instantOf(e.endsAt, e.timeZone) };
}

async function spaceRefused(tx: Tx, orgId: string, spaceId: string | null) {
  if (!spaceId) return null;
  const [s] = await tx`select 1 from public.spaces where id = ${spaceId} and org_id = ${orgId}`;
  return s ? null : refused({ spaceId: "events.setup.errors.space" });
}

/**
 * Runs a change that may store a cover first: the file is stored only for a form that passed its
 * checks, and removed again when the change is refused or fails, so a refusal leaves nothing behind.
 */
async function withCover<T>(upload: File | null, work: (cover: string | undefined) => Promise<Outcome<T>>): Promise<Outcome<T>> {
  const stored = await storeCover(upload);
  if ("error" in stored) return refused({ cover: stored.error });
  try {
    const outcome = await work(stored.path);
    if (!outcome.ok) await removeUnusedCover(stored.path);
    return outcome;
  } catch (error) {
    await removeUnusedCover(stored.path);
    if (slugTaken(error)) return refused({ slug: "events.setup.errors.slugTaken" });
    throw error;
  }
}

/** A new event of an organisation the viewer runs events for, always a draft. */
export async function createEvent(claims: Claims, input: unknown, upload: File | null): Promise<Outcome<{ id: string }>> {
  const form = parseInput(NewEventSchema, input);
  if (!form.ok) return form;
  const e = form.data;
  return withCover(upload, (cover) =>
    asUser(claims, async (tx) => {
      const [org] = await tx<{ ok: boolean }[]>`select public.has_org_role(${e.orgId}, '{manager,staff}') as ok`;
      if (!org?.ok) return refused({ orgId: "events.setup.errors.org" });
      const no = await spaceRefused(tx, e.orgId, e.spaceId);
      if (no) return no;
      const row = { ...columnsOf(e), org_id: e.orgId, cover_url: cover ?? e.coverUrl ?? "", published: false };
      const [created] = await tx<{ id: string }[]>`insert into public.events ${tx(row)} returning id`;
      await audit(tx, { orgId: e.orgId, scopeId: created!.id, subjectType: "event", subjectId: created!.id, kind: "event_created", detail: { slug: e.slug } });
      return { ok: true as const, value: { id: created!.id } };
    }),
  );
}

/** The event's details as the form sets them; the cover is replaced, kept or removed (see the form). */
export async function updateEvent(claims: Claims, eventId: string, input: unknown, upload: File | null): Promise<Outcome> {
  const form = parseInput(EventSchema, input);
  if (!form.ok) return form;
  const e = form.data;
  let replaced: string | null = null;
  const outcome = await withCover(upload, (cover) =>
    asUser(claims, async (tx) => {
      const event = await managedEvent(tx, eventId, true);
      const no = await spaceRefused(tx, event.orgId, e.spaceId);
      if (no) return no;
      const cols = columnsOf(e);
      const [outside] = await tx<{ n: number }[]>`
        select count(*)::int as n from public.event_sessions where event_id = ${event.id} and (starts_at < ${cols.starts_at} or ends_at > ${cols.ends_at})`;
      if (outside!.n > 0) return refused({ endsAt: "events.setup.errors.sessionsOutside" });
      const [before] = await tx<Record<string, unknown>[]>`select * from public.events where id = ${event.id}`;
      const current = String(before!.cover_url ?? "");
      // an upload wins; then a typed address; a stored image stays unless removed
      const coverUrl = cover ?? e.coverUrl ?? (e.removeCover || !current.startsWith("/") ? "" : current);
      const row = { ...cols, cover_url: coverUrl };
      const changed = Object.entries(row)
        .filter(([k, v]) => String(v instanceof Date ? v.getTime() : v) !== String(before![k] instanceof Date ? (before![k] as Date).getTime() : before![k]))
        .map(([k]) => k);
      if (changed.length === 0) return { ok: true as const, value: undefined };
      await tx`update public.events set ${tx(row)} where id = ${event.id}`;
      await audit(tx, { orgId: event.orgId, scopeId: event.id, subjectType: "event", subjectId: event.id, kind: "event_updated", detail: { fields: changed } });
      if (current !== coverUrl) replaced = current;
      return { ok: true as const, value: undefined };
    }),
  );
  // the old image goes only once the row no longer names it
  if (outcome.ok) await removeUnusedCover(replaced);
  return outcome;
}

/**
 * Publish or take back to draft. Publishing needs a ticket type: a published event without one
 * shows a page nobody can register on (decisions/002-publishing.md).
 */
export async function setPublished(claims: Claims, eventId: string, input: unknown): Promise<Outcome<{ published: boolean }>> {
  const form = parseInput(PublishSchema, input);
  if (!form.ok) return form;
  const published = form.data.published;
  return asUser(claims, async (tx) => {
    const event = await managedEvent(tx, eventId, true);
    if (event.published === published) return { ok: true as const, value: { published } };
    if (published) {
      const [t] = await tx<{ n: number }[]>`select count(*)::int as n from public.ticket_types where event_id = ${event.id}`;
      if (t!.n === 0) return refused({ published: "events.setup.errors.needsTicketType" });
    }
    await tx`update public.events set published = ${published} where id = ${event.id}`;
    await audit(tx, { orgId: event.orgId, scopeId: event.id, subjectType: "event", subjectId: event.id, kind: published ? "event_published" : "event_unpublished" });
    return { ok: true as const, value: { published } };
  });
}

export type EventHeading = { id: string; slug: string; title: Bilingual; published: boolean; startsAt: Date; endsAt: Date; timeZone: string; orgName: Bilingual };

/** What the layout of an event's organiser pages shows above every tab, after the check that the viewer runs it. */
export function eventHeading(claims: Claims, eventId: string): Promise<EventHeading> {
  return asUser(claims, async (tx) => {
    const e = await managedEvent(tx, eventId);
    const [row] = await tx<EventHeading[]>`
      select e.id, e.slug, json_build_object('vi', e.title_vi, 'en', e.title_en) as title, e.published, e.starts_at as "startsAt", e.ends_at as "endsAt",
             e.time_zone as "timeZone", json_build_object('vi', o.name_vi, 'en', o.name_en) as "orgName"
        from public.events e join public.organisations o on o.id = e.org_id where e.id = ${e.id}`;
    return row!;
  });
}
