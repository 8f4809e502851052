import { NotFoundError } from "~/platform/db/errors.server";
import { readAs, type Claims, type Tx } from "~/platform/db/transaction.server";
import { DEFAULT_LOCALE, type Locale } from "~/platform/i18n/i18n";

// The public page of an event, in one transaction: the event (RLS: published, or its organisers),
// its agenda and speakers, its ticket types with what is left, and, for a signed-in visitor, their
// own orders, tickets and waitlist places.

export type Bilingual = { vi: string; en: string };
export type TicketOffer = {
  id: string;
  name: Bilingual;
  description: Bilingual;
  priceVnd: number;
  salesStart: Date;
  salesEnd: Date;
  minPerOrder: number;
  maxPerOrder: number;
  seatsLeft: number;
  waiting: boolean;
  hidden: boolean;
};

export type PublicEvent = {
  id: string;
  slug: string;
  kind: string;
  title: Bilingual;
  summary: Bilingual;
  description: Bilingual;
  /** the address, else the name of the organisation's space */
  venue: Bilingual;
  coverUrl: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  cancelHours: number | null;
  published: boolean;
  orgName: Bilingual;
};

type EventRow = Omit<PublicEvent, "title" | "summary" | "description" | "orgName" | "venue" | "startsAt" | "endsAt"> &
  Record<"title_vi" | "title_en" | "summary_vi" | "summary_en" | "description_vi" | "description_en" | "venue_vi" | "venue_en" | "org_vi" | "org_en", string> & {
    startsAt: Date | string;
    endsAt: Date | string;
  };
const eventColumns = (tx: Tx) => tx`
  e.id, e.slug, e.kind, e.title_vi, e.title_en, e.summary_vi, e.summary_en, e.description_vi, e.description_en,
  coalesce(nullif(e.venue, ''), s.name_vi, '') as venue_vi, coalesce(nullif(e.venue, ''), s.name_en, '') as venue_en, e.cover_url as "coverUrl", e.time_zone as "timeZone",
  e.starts_at as "startsAt", e.ends_at as "endsAt", e.cancel_hours as "cancelHours", e.published,
  o.name_vi as org_vi, o.name_en as org_en`;
const toEvent = (e: EventRow): PublicEvent => ({
  id: e.id,
  slug: e.slug,
  kind: e.kind,
  title: { vi: e.title_vi, en: e.title_en },
  summary: { vi: e.summary_vi, en: e.summary_en },
  description: { vi: e.description_vi, en: e.description_en },
  venue: { vi: e.venue_vi, en: e.venue_en },
  coverUrl: e.coverUrl,
  timeZone: e.timeZone,
  startsAt: new Date(e.startsAt),
  endsAt: new Date(e.endsAt),
  cancelHours: e.cancelHours,
  published: e.published,
  orgName: { vi: e.org_vi, en: e.org_en },
});

export async function loadEvent(tx: Tx, slug: string): Promise<PublicEvent> {
  const [e] = await tx<EventRow[]>`
    select ${eventColumns(tx)}
      from public.events e join public.organisations o on o.id = e.org_id left join public.spaces s on s.id = e.space_id
     where e.slug = ${slug}`;
  if (!e) throw new NotFoundError();
  return toEvent(e);
}

type TypeRow = {
  id: string;
  name_vi: string;
  name_en: string;
  description_vi: string;
  description_en: string;
  price_vnd: string | number;
  sales_start: Date | string;
  sales_end: Date | string;
  min_per_order: number;
  max_per_order: number;
  seats_left: number;
  waiting: boolean;
  hidden: boolean;
};
// A ticket type's row without its texts, and as an offer (texts in both languages here, one on the event page).
type TypeFigures = Omit<TypeRow, `${"name" | "description"}_${"vi" | "en"}`>;
const offerOf = (t: TypeFigures) => ({
  id: t.id,
  priceVnd: Number(t.price_vnd),
  salesStart: new Date(t.sales_start),
  salesEnd: new Date(t.sales_end),
  minPerOrder: t.min_per_order,
  maxPerOrder: t.max_per_order,
  seatsLeft: t.seats_left,
  waiting: t.waiting,
  hidden: t.hidden,
});
const toOffer = (t: TypeRow): TicketOffer => ({
  ...offerOf(t),
  name: { vi: t.name_vi, en: t.name_en },
  description: { vi: t.description_vi, en: t.description_en },
});

/** The ticket types a visitor may buy: the visible ones and those `code` unlocks, with seats left. */
export async function ticketOffers(tx: Tx, eventId: string, code: string | null): Promise<TicketOffer[]> {
  const visible = await tx<TypeRow[]>`
    select t.id, t.name_vi, t.name_en, t.description_vi, t.description_en, t.price_vnd, t.sales_start, t.sales_end,
           t.min_per_order, t.max_per_order, a.seats_left, a.waiting, t.hidden
      from public.ticket_types t join public.ticket_availability(${eventId}) a on a.ticket_type_id = t.id
     where t.event_id = ${eventId} and not t.hidden order by t.position, t.created_at`;
  const unlocked = code
    ? await tx<TypeRow[]>`select u.*, false as waiting, true as hidden from public.unlocked_ticket_types(${eventId}, ${code}) u`
    : [];
  return [...visible, ...unlocked].map(toOffer);
}

export type AgendaSession = { id: string; title: Bilingual; room: string; startsAt: Date; endsAt: Date; speakers: string[] };
export type Speaker = { id: string; name: string; affiliation: string; bio: Bilingual };

type SessionRow = { id: string; title_vi: string; title_en: string; room: string; starts_at: Date | string; ends_at: Date | string; speaker_ids: string[] };
type SpeakerRow = { id: string; name: string; affiliation: string; bio_vi: string; bio_en: string };

function toAgenda(sessions: SessionRow[], speakers: SpeakerRow[]): { sessions: AgendaSession[]; speakers: Speaker[] } {
  const names = new Map(speakers.map((s) => [s.id, s.name]));
  return {
    sessions: sessions.map((s) => ({
      id: s.id,
      title: { vi: s.title_vi, en: s.title_en },
      room: s.room,
      startsAt: new Date(s.starts_at),
      endsAt: new Date(s.ends_at),
      speakers: s.speaker_ids.map((id) => names.get(id)).filter((n): n is string => !!n),
    })),
    speakers: speakers.map((s) => ({ id: s.id, name: s.name, affiliation: s.affiliation, bio: { vi: s.bio_vi, en: s.bio_en } })),
  };
}

export async function agendaOf(tx: Tx, eventId: string): Promise<{ sessions: AgendaSession[]; speakers: Speaker[] }> {
  const [sessions, speakers] = await Promise.all([
    tx<SessionRow[]>`
      select id, title_vi, title_en, room, starts_at, ends_at, speaker_ids from public.event_sessions where event_id = ${eventId} order by starts_at, title_en`,
    tx<SpeakerRow[]>`
      select id, name, affiliation, bio_vi, bio_en from public.event_speakers where event_id = ${eventId} order by position, name`,
  ]);
  return toAgenda(sessions, speakers);
}

export type MyTicket = { id: string; name: string; email: string; ticketType: Bilingual };
export type OrderPayment = { id: string; status: string; method: "card" | "bank_transfer"; deadline: Date };
export type MyOrder = {
  id: string;
  code: string;
  status: string;
  totalVnd: number;
  holdUntil: Date | null;
  createdAt: Date;
  needsRefund: boolean;
  /** the order's latest payment (platform payments, kind event_order), if it was paid for */
  payment: OrderPayment | null;
  tickets: MyTicket[];
};
export type MyPlace = { id: string; status: string; ticketTypeId: string; ticketType: Bilingual; createdAt: Date; offerExpiresAt: Date | null };

type OrderRow = {
  id: string;
  code: string;
  status: string;
  total_vnd: string | number;
  hold_until: Date | string | null;
  created_at: Date | string;
  needs_refund: boolean;
  payment: (Omit<OrderPayment, "deadline"> & { deadline: string }) | null;
};
type TicketRow = { id: string; order_id: string; attendee_name: string; attendee_email: string; name_vi: string; name_en: string };
type PlaceRow = { id: string; status: string; ticket_type_id: string; name_vi: string; name_en: string; created_at: Date | string; offer_expires_at: Date | string | null };

const dateOrNull = (d: Date | string | null) => (d === null ? null : new Date(d));

function toMine(orders: OrderRow[], tickets: TicketRow[], places: PlaceRow[]): { orders: MyOrder[]; places: MyPlace[] } {
  return {
    orders: orders.map((o) => ({
      id: o.id,
      code: o.code,
      status: o.status,
      totalVnd: Number(o.total_vnd),
      holdUntil: dateOrNull(o.hold_until),
      createdAt: new Date(o.created_at),
      needsRefund: o.needs_refund,
      payment: o.payment ? { ...o.payment, deadline: new Date(o.payment.deadline) } : null,
      tickets: tickets
        .filter((k) => k.order_id === o.id)
        .map((k) => ({ id: k.id, name: k.attendee_name, email: k.attendee_email, ticketType: { vi: k.name_vi, en: k.name_en } })),
    })),
    places: places.map((w) => ({
      id: w.id,
      status: w.status,
      ticketTypeId: w.ticket_type_id,
      ticketType: { vi: w.name_vi, en: w.name_en },
      createdAt: new Date(w.created_at),
      offerExpiresAt: dateOrNull(w.offer_expires_at),
    })),
  };
}

/** The caller's orders (with tickets) and open waitlist places for the event (RLS: their own; organisers see theirs too, hence the filter). */
export async function mineFor(tx: Tx, eventId: string, userId: string): Promise<{ orders: MyOrder[]; places: MyPlace[] }> {
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

/**
 * A value as the page sends it: each text in the viewer's language only (decision 008, eighth pass:
 * both languages were a third of the event page's loader data). A switch of language runs the
 * loader again, as every loader runs after the switch's post.
 */
export type InLanguage<T> = T extends Bilingual
  ? string
  : T extends Date
    ? T
    : T extends (infer U)[]
      ? InLanguage<U>[]
      : T extends object
        ? { [K in keyof T]: InLanguage<T[K]> }
        : T;

type PageEventRow = Omit<EventRow, `${"title" | "summary" | "description" | "venue" | "org"}_${"vi" | "en"}`> &
  Record<"title" | "summary" | "description" | "venue" | "org", string>;
type PageTypeRow = TypeFigures & { name: string; description: string };
type PageSessionRow = Omit<SessionRow, "title_vi" | "title_en"> & { title: string };
type PageSpeakerRow = Omit<SpeakerRow, "bio_vi" | "bio_en"> & { bio: string };
type PageTicketRow = Omit<TicketRow, "name_vi" | "name_en"> & { name: string };
type PagePlaceRow = Omit<PlaceRow, "name_vi" | "name_en"> & { name: string };

type PageRow = PageEventRow & {
  offers: PageTypeRow[];
  unlocked: PageTypeRow[];
  sessions: PageSessionRow[];
  speakers: PageSpeakerRow[];
  orders: OrderRow[];
  tickets: PageTicketRow[];
  places: PagePlaceRow[];
  manages: boolean;
};

export type EventPage = {
  event: InLanguage<PublicEvent>;
  offers: InLanguage<TicketOffer>[];
  agenda: { sessions: InLanguage<AgendaSession>[]; speakers: InLanguage<Speaker>[] };
  mine: { orders: InLanguage<MyOrder>[]; places: InLanguage<MyPlace>[] } | null;
  manages: boolean;
};

/** The page's rows as `toEvent`, `toOffer`, `toAgenda` and `toMine` make them, with the one language's texts. */
function toPage(row: PageRow, signedIn: boolean): EventPage {
  const names = new Map(row.speakers.map((s) => [s.id, s.name]));
  return {
    event: {
      id: row.id,
      slug: row.slug,
      kind: row.kind,
      title: row.title,
      summary: row.summary,
      description: row.description,
      venue: row.venue,
      coverUrl: row.coverUrl,
      timeZone: row.timeZone,
      startsAt: new Date(row.startsAt),
      endsAt: new Date(row.endsAt),
      cancelHours: row.cancelHours,
      published: row.published,
      orgName: row.org,
    },
    offers: [...row.offers, ...row.unlocked].map((t) => ({ ...offerOf(t), name: t.name, description: t.description })),
    agenda: {
      sessions: row.sessions.map((s) => ({
        id: s.id,
        title: s.title,
        room: s.room,
        startsAt: new Date(s.starts_at),
        endsAt: new Date(s.ends_at),
        speakers: s.speaker_ids.map((id) => names.get(id)).filter((n): n is string => !!n),
      })),
      speakers: row.speakers.map((s) => ({ id: s.id, name: s.name, affiliation: s.affiliation, bio: s.bio })),
    },
    mine: signedIn
      ? {
          orders: row.orders.map((o) => ({
            id: o.id,
            code: o.code,
            status: o.status,
            totalVnd: Number(o.total_vnd),
            holdUntil: dateOrNull(o.hold_until),
            createdAt: new Date(o.created_at),
            needsRefund: o.needs_refund,
            payment: o.payment ? { ...o.payment, deadline: new Date(o.payment.deadline) } : null,
            tickets: row.tickets
              .filter((k) => k.order_id === o.id)
              .map((k) => ({ id: k.id, name: k.attendee_name, email: k.attendee_email, ticketType: k.name })),
          })),
          places: row.places.map((w) => ({
            id: w.id,
            status: w.status,
            ticketTypeId: w.ticket_type_id,
            ticketType: w.name,
            createdAt: new Date(w.created_at),
            offerExpiresAt: dateOrNull(w.offer_expires_at),
          })),
        }
      : null,
    manages: row.manages,
  };
}

/**
 * Everything the public page shows, in one statement (decision 008, fourth pass), its texts in
 * `locale` only (eighth pass): the event, its offers (the visible ticket types and those `code`
 * unlocks), its agenda, and for a signed-in visitor their own orders, tickets and places and whether
 * they manage it. The same reads as `loadEvent`, `ticketOffers`, `agendaOf` and `mineFor` (which the
 * register page and the calendar use), each list as a json array in the same order; RLS applies to
 * each as it does there. A visitor's is that one statement alone on the visitors' connections
 * (`readAs`, decision 008 seventh pass, reads); a signed-in person's stays in their transaction.
 */
export function eventPage(claims: Claims | null, slug: string, code: string | null, locale: Locale = DEFAULT_LOCALE): Promise<EventPage> {
  return readAs(claims, async (tx) => {
    const me = claims?.sub ?? null;
    const none = tx`'[]'::json`;
    // a column in the viewer's language: "t.name" → "t"."name_vi"
    const l = (column: string) => tx(`${column}_${locale === "en" ? "en" : "vi"}`);
    const [row] = await tx<PageRow[]>`
      select e.id, e.slug, e.kind, ${l("e.title")} as title, ${l("e.summary")} as summary, ${l("e.description")} as description,
             coalesce(nullif(e.venue, ''), ${l("s.name")}, '') as venue, e.cover_url as "coverUrl", e.time_zone as "timeZone",
             e.starts_at as "startsAt", e.ends_at as "endsAt", e.cancel_hours as "cancelHours", e.published, ${l("o.name")} as org,
             (select coalesce(json_agg(json_build_object(
                       'id', t.id, 'name', ${l("t.name")}, 'description', ${l("t.description")},
                       'price_vnd', t.price_vnd, 'sales_start', t.sales_start, 'sales_end', t.sales_end, 'min_per_order', t.min_per_order,
                       'max_per_order', t.max_per_order, 'seats_left', a.seats_left, 'waiting', a.waiting, 'hidden', t.hidden)
                       order by t.position, t.created_at), '[]')
                from public.ticket_types t join public.ticket_availability(e.id) a on a.ticket_type_id = t.id
               -- the event's types by index (the availability holds no others), not every event's under RLS
               where t.event_id = e.id and not t.hidden) as offers,
             ${
               code
                 ? tx`(select coalesce(json_agg(json_build_object(
                         'id', u.id, 'name', ${l("u.name")}, 'description', ${l("u.description")},
                         'price_vnd', u.price_vnd, 'sales_start', u.sales_start, 'sales_end', u.sales_end, 'min_per_order', u.min_per_order,
                         'max_per_order', u.max_per_order, 'seats_left', u.seats_left, 'waiting', false, 'hidden', true) order by u.ordinality), '[]')
                         from public.unlocked_ticket_types(e.id, ${code}) with ordinality u)`
                 : none
             } as unlocked,
             (select coalesce(json_agg(json_build_object(
                       'id', x.id, 'title', ${l("x.title")}, 'room', x.room, 'starts_at', x.starts_at, 'ends_at', x.ends_at,
                       'speaker_ids', x.speaker_ids) order by x.starts_at, x.title_en), '[]')
                from public.event_sessions x where x.event_id = e.id) as sessions,
             (select coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'affiliation', p.affiliation, 'bio', ${l("p.bio")})
                       order by p.position, p.name), '[]')
                from public.event_speakers p where p.event_id = e.id) as speakers,
             ${
               me
                 ? tx`(select coalesce(json_agg(json_build_object(
                         'id', r.id, 'code', r.code, 'status', r.status, 'total_vnd', r.total_vnd, 'hold_until', r.hold_until, 'created_at', r.created_at,
                         'needs_refund', r.needs_refund,
                         'payment', (select json_build_object('id', p.id, 'status', p.status, 'method', p.method, 'deadline', p.deadline)
                                       from public.payments p where p.kind = 'event_order' and p.reference = r.id order by p.created_at desc limit 1))
                         order by r.created_at desc), '[]')
                         from public.event_orders r where r.event_id = e.id and r.buyer_id = ${me}) as orders,
                      (select coalesce(json_agg(json_build_object(
                         'id', k.id, 'order_id', k.order_id, 'attendee_name', k.attendee_name, 'attendee_email', k.attendee_email,
                         'name', ${l("t.name")}) order by k.created_at, k.id), '[]')
                         from public.event_tickets k join public.ticket_types t on t.id = k.ticket_type_id
                        where k.event_id = e.id and k.buyer_id = ${me}) as tickets,
                      (select coalesce(json_agg(json_build_object(
                         'id', w.id, 'status', w.status, 'ticket_type_id', w.ticket_type_id, 'name', ${l("t.name")},
                         'created_at', w.created_at, 'offer_expires_at', w.offer_expires_at) order by w.position), '[]')
                         from public.event_waitlist w join public.ticket_types t on t.id = w.ticket_type_id
                        where w.event_id = e.id and w.user_id = ${me} and w.status in ('waiting', 'offered')) as places,
                      public.manages_event(e.id) as manages`
                 : tx`${none} as orders, ${none} as tickets, ${none} as places, false as manages`
             }
        from public.events e join public.organisations o on o.id = e.org_id left join public.spaces s on s.id = e.space_id
       where e.slug = ${slug}`;
    if (!row) throw new NotFoundError();
    return toPage(row, claims !== null);
  });
}
