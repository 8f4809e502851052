import { asUser, type Claims } from "~/platform/db/transaction.server";
import { managedEvent } from "../../managed-event.server";
import { localOf } from "./wall-clock";

// What the organisers' ticket pages show, in one transaction: the event, its quotas with their
// counts (taken includes held: seats of orders being paid and open waitlist offers), its ticket
// types with what is left for each (the smallest room left in its quotas), and its questions.

export type Bilingual = { vi: string; en: string };
export type QuotaRow = { id: string; name: string; size: number; taken: number; held: number; left: number; types: number };
export type TicketTypeRow = {
  id: string;
  name: Bilingual;
  description: Bilingual;
  priceVnd: number;
  salesStart: string;
  salesEnd: string;
  salesStartAt: Date;
  salesEndAt: Date;
  hidden: boolean;
  codes: string[];
  minPerOrder: number;
  maxPerOrder: number;
  position: number;
  quotas: string[];
  sold: number;
  held: number;
  left: number;
  tickets: number;
};
export type QuestionRow = {
  id: string;
  label: Bilingual;
  help: Bilingual;
  kind: "text" | "long_text" | "choice" | "yes_no";
  options: string[];
  required: boolean;
  ticketTypes: string[];
  position: number;
  retired: boolean;
  answers: number;
};

export function ticketSetupPage(claims: Claims, eventId: string) {
  return asUser(claims, async (tx) => {
    const event = await managedEvent(tx, eventId);
    const [quotas, types, questions] = await Promise.all([
      tx<QuotaRow[]>`
        select q.id, q.name, q.size, q.taken, q.size - q.taken as left,
               ((select count(*) from public.event_tickets k join public.event_orders o on o.id = k.order_id
                   join public.ticket_type_quotas tq on tq.ticket_type_id = k.ticket_type_id
                  where tq.quota_id = q.id and o.status = 'held')
              + (select count(*) from public.event_waitlist w join public.ticket_type_quotas tq on tq.ticket_type_id = w.ticket_type_id
                  where tq.quota_id = q.id and w.status = 'offered'))::int as held,
               (select count(*) from public.ticket_type_quotas tq where tq.quota_id = q.id)::int as types
          from public.ticket_quotas q where q.event_id = ${event.id} order by q.created_at, q.id`,
      tx<
        (Omit<TicketTypeRow, "name" | "description" | "salesStart" | "salesEnd" | "priceVnd"> & {
          name_vi: string;
          name_en: string;
          description_vi: string;
          description_en: string;
          price_vnd: string;
        })[]
      >`
        select t.id, t.name_vi, t.name_en, t.description_vi, t.description_en, t.price_vnd, t.sales_start as "salesStartAt", t.sales_end as "salesEndAt",
               t.hidden, t.min_per_order as "minPerOrder", t.max_per_order as "maxPerOrder", t.position,
               coalesce((select array_agg(c.code order by c.code) from public.ticket_type_codes c where c.ticket_type_id = t.id), '{}') as codes,
               coalesce((select array_agg(tq.quota_id order by tq.quota_id) from public.ticket_type_quotas tq where tq.ticket_type_id = t.id), '{}') as quotas,
               coalesce((select min(q.size - q.taken) from public.ticket_type_quotas tq join public.ticket_quotas q on q.id = tq.quota_id
                          where tq.ticket_type_id = t.id), 0)::int as left,
               n.sold, n.held, n.tickets
          from public.ticket_types t
          cross join lateral (select count(*) filter (where o.status = 'confirmed')::int as sold, count(*) filter (where o.status = 'held')::int as held,
                                     count(*)::int as tickets
                                from public.event_tickets k join public.event_orders o on o.id = k.order_id where k.ticket_type_id = t.id) n
         where t.event_id = ${event.id} order by t.position, t.created_at`,
      tx<
        (Omit<QuestionRow, "label" | "help" | "ticketTypes"> & { label_vi: string; label_en: string; help_vi: string; help_en: string; ticket_type_ids: string[] })[]
      >`
        select q.id, q.label_vi, q.label_en, q.help_vi, q.help_en, q.kind, q.options, q.required, q.ticket_type_ids, q.position, q.retired,
               (select count(*) from public.event_tickets k where k.event_id = q.event_id and k.answers ? q.id::text)::int as answers
          from public.event_questions q where q.event_id = ${event.id} order by q.retired, q.position, q.created_at`,
    ]);
    return {
      event,
      // a new type's window: on sale from now until the event starts
      defaults: { salesStart: localOf(new Date(), event.timeZone), salesEnd: localOf(event.startsAt, event.timeZone) },
      quotas,
      types: types.map(
        ({ name_vi, name_en, description_vi, description_en, price_vnd, ...t }): TicketTypeRow => ({
          ...t,
          name: { vi: name_vi, en: name_en },
          description: { vi: description_vi, en: description_en },
          priceVnd: Number(price_vnd),
          salesStart: localOf(t.salesStartAt, event.timeZone),
          salesEnd: localOf(t.salesEndAt, event.timeZone),
        }),
      ),
      questions: questions.map(
        ({ label_vi, label_en, help_vi, help_en, ticket_type_ids, ...q }): QuestionRow => ({
          ...q,
          label: { vi: label_vi, en: label_en },
          help: { vi: help_vi, en: help_en },
          ticketTypes: ticket_type_ids,
        }),
      ),
    };
  });
}
