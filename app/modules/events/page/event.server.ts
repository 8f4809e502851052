import { NotFoundError } from "~/platform/db/errors.server";
import type { Tx } from "~/platform/db/transaction.server";
import {
  eventOf,
  offerOf,
  orderOf,
  placeOf,
  sessionOf,
  speakerNames,
  speakerOf,
  ticketOf,
  type AgendaSession,
  type BothLanguages,
  type EventFigures,
  type MyOrder,
  type MyPlace,
  type OrderRow,
  type PlaceFigures,
  type PublicEvent,
  type SessionFigures,
  type Speaker,
  type SpeakerFigures,
  type TicketFigures,
  type TicketOffer,
  type TypeFigures,
} from "./event-rows.server";

// An event's reads with their texts in both languages, for the register page and the calendar (the
// rows' mappings in `event-rows.server.ts`); the public page reads everything in one statement, in the
// viewer's language, in `event-page.server.ts`.

export type {
  AgendaSession,
  Bilingual,
  MyOrder,
  MyPlace,
  MyTicket,
  OrderPayment,
  PublicEvent,
  Speaker,
  TicketOffer,
} from "./event-rows.server";
export {
  eventPage,
  type EventPage,
  type InLanguage,
} from "./event-page.server";

const both = <K extends string>(row: BothLanguages<K>, name: K) => ({
  vi: row[`${name}_vi`],
  en: row[`${name}_en`],
});

type EventRow = EventFigures &
  BothLanguages<"title" | "summary" | "description" | "venue" | "org">;
const eventColumns = (tx: Tx) => tx`
  e.id, e.slug, e.kind, e.title_vi, e.title_en, e.summary_vi, e.summary_en, e.description_vi, e.description_en,
  coalesce(nullif(e.venue, ''), s.name_vi, '') as venue_vi, coalesce(nullif(e.venue, ''), s.name_en, '') as venue_en, e.cover_url as "coverUrl", e.time_zone as "timeZone",
  e.starts_at as "startsAt", e.ends_at as "endsAt", e.cancel_hours as "cancelHours", e.published,
  o.name_vi as org_vi, o.name_en as org_en`;
const toEvent = (e: EventRow): PublicEvent =>
  eventOf(e, {
    title: both(e, "title"),
    summary: both(e, "summary"),
    description: both(e, "description"),
    venue: both(e, "venue"),
    org: both(e, "org"),
  });

export async function loadEvent(tx: Tx, slug: string): Promise<PublicEvent> {
  const [e] = await tx<EventRow[]>`
    select ${eventColumns(tx)}
      from public.events e join public.organisations o on o.id = e.org_id left join public.spaces s on s.id = e.space_id
     where e.slug = ${slug}`;
  if (!e) throw new NotFoundError();
  return toEvent(e);
}

type TypeRow = TypeFigures & BothLanguages<"name" | "description">;
const toOffer = (t: TypeRow): TicketOffer =>
  offerOf(t, both(t, "name"), both(t, "description"));

/** The ticket types a visitor may buy: the visible ones and those `code` unlocks, with seats left. */
export async function ticketOffers(
  tx: Tx,
  eventId: string,
  code: string | null,
): Promise<TicketOffer[]> {
  const visible = await tx<TypeRow[]>`
    select t.id, t.name_vi, t.name_en, t.description_vi, t.description_en, t.price_vnd, t.sales_start, t.sales_end,
           t.min_per_order, t.max_per_order, a.seats_left, a.waiting, t.hidden
      from public.ticket_types t join public.ticket_availability(${eventId}) a on a.ticket_type_id = t.id
     where t.event_id = ${eventId} and not t.hidden order by t.position, t.created_at`;
  const unlocked = code
    ? await tx<
        TypeRow[]
      >`select u.*, false as waiting, true as hidden from public.unlocked_ticket_types(${eventId}, ${code}) u`
    : [];
  return [...visible, ...unlocked].map(toOffer);
}

type SessionRow = SessionFigures & BothLanguages<"title">;
type SpeakerRow = SpeakerFigures & BothLanguages<"bio">;

function toAgenda(
  sessions: SessionRow[],
  speakers: SpeakerRow[],
): { sessions: AgendaSession[]; speakers: Speaker[] } {
  const names = speakerNames(speakers);
  return {
    sessions: sessions.map((s) => sessionOf(s, both(s, "title"), names)),
    speakers: speakers.map((s) => speakerOf(s, both(s, "bio"))),
  };
}

export async function agendaOf(
  tx: Tx,
  eventId: string,
): Promise<{ sessions: AgendaSession[]; speakers: Speaker[] }> {
  const [sessions, speakers] = await Promise.all([
    tx<SessionRow[]>`
      select id, title_vi, title_en, room, starts_at, ends_at, speaker_ids from public.event_sessions where event_id = ${eventId} order by starts_at, title_en`,
    tx<SpeakerRow[]>`
      select id, name, affiliation, bio_vi, bio_en from public.event_speakers where event_id = ${eventId} order by position, name`,
  ]);
  return toAgenda(sessions, speakers);
}

type TicketRow = TicketFigures & BothLanguages<"name">;
type PlaceRow = PlaceFigures & BothLanguages<"name">;

function toMine(
  orders: OrderRow[],
  tickets: TicketRow[],
  places: PlaceRow[],
): { orders: MyOrder[]; places: MyPlace[] } {
  return {
    orders: orders.map((o) =>
      orderOf(
        o,
        tickets
          .filter((k) => k.order_id === o.id)
          .map((k) => ticketOf(k, both(k, "name"))),
      ),
    ),
    places: places.map((w) => placeOf(w, both(w, "name"))),
  };
}

/** The caller's orders (with tickets) and open waitlist places for the event (RLS: their own; organisers see theirs too, hence the filter). */
export async function mineFor(
  tx: Tx,
  eventId: string,
  userId: string,
): Promise<{ orders: MyOrder[]; places: MyPlace[] }> {
  const [orders, tickets, places] = await Promise.all([
    tx<OrderRow[]>`
      select o.id, o.code, o.status, o.total_vnd, o.hold_until, o.created_at, o.needs_refund,
             (select json_build_object('id', p.id, 'status', p.status, 'method', p.method, 'deadline', p.deadline)
                from public.payments p where p.kind = 'event_order' and p.reference = o.id order by p.created_at desc limit 1) as payment
        from public.event_orders o
       where o.event_id = ${eventId} and o.buyer_id = ${userId} order by o.created_at desc`,
    tx<TicketRow[]>`
      select k.id, k.order_id, k.attendee_name, k.attendee_email, t.name_vi, t.name_en
        from public.event_tickets k join public.ticket_types t on t.id = k.ticket_type_id
       where k.event_id = ${eventId} and k.buyer_id = ${userId} order by k.created_at, k.id`,
    tx<PlaceRow[]>`
      select w.id, w.status, w.ticket_type_id, t.name_vi, t.name_en, w.created_at, w.offer_expires_at
        from public.event_waitlist w join public.ticket_types t on t.id = w.ticket_type_id
       where w.event_id = ${eventId} and w.user_id = ${userId} and w.status in ('waiting', 'offered') order by w.position`,
  ]);
  return toMine(orders, tickets, places);
}
