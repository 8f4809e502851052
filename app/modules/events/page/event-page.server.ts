import { NotFoundError } from "~/platform/db/errors.server";
import { readAs, type Claims } from "~/platform/db/transaction.server";
import { DEFAULT_LOCALE, type Locale } from "~/platform/i18n/i18n";
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
  type Bilingual,
  type EventFigures,
  type EventTexts,
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

// The public page of an event, in one statement: the event (RLS: published, or its organisers), its
// agenda and speakers, its ticket types with what is left, and, for a signed-in visitor, their own
// orders, tickets and waitlist places; each text in the viewer's language only. The rows become the
// page's values through the same mappings as the bilingual reads' (`event-rows.server.ts`).

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

type PageEventRow = EventFigures & EventTexts<string>;
type PageTypeRow = TypeFigures & { name: string; description: string };
type PageSessionRow = SessionFigures & { title: string };
type PageSpeakerRow = SpeakerFigures & { bio: string };
type PageTicketRow = TicketFigures & { name: string };
type PagePlaceRow = PlaceFigures & { name: string };

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
  agenda: {
    sessions: InLanguage<AgendaSession>[];
    speakers: InLanguage<Speaker>[];
  };
  mine: { orders: InLanguage<MyOrder>[]; places: InLanguage<MyPlace>[] } | null;
  manages: boolean;
};

/** The page's row as the bilingual reads' mappings make theirs, with the one language's texts. */
function toPage(row: PageRow, signedIn: boolean): EventPage {
  const names = speakerNames(row.speakers);
  return {
    event: eventOf(row, row),
    offers: [...row.offers, ...row.unlocked].map((t) =>
      offerOf(t, t.name, t.description),
    ),
    agenda: {
      sessions: row.sessions.map((s) => sessionOf(s, s.title, names)),
      speakers: row.speakers.map((s) => speakerOf(s, s.bio)),
    },
    mine: signedIn
      ? {
          orders: row.orders.map((o) =>
            orderOf(
              o,
              row.tickets
                .filter((k) => k.order_id === o.id)
                .map((k) => ticketOf(k, k.name)),
            ),
          ),
          places: row.places.map((w) => placeOf(w, w.name)),
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
export function eventPage(
  claims: Claims | null,
  slug: string,
  code: string | null,
  locale: Locale = DEFAULT_LOCALE,
): Promise<EventPage> {
  return readAs(claims, async (tx) => {
    const me = claims?.sub ?? null;
    const none = tx`'[]'::json`;
    // a column in the viewer's language: "t.name" → "t"."name_vi"
    const l = (column: string) =>
      tx(`${column}_${locale === "en" ? "en" : "vi"}`);
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
