import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { toCsv } from "~/platform/csv.server";
import { tFor, type Locale } from "~/platform/i18n/i18n";
import { managedEvent } from "../managed-event.server";
import { paymentsToAct } from "./payments.server";

// The organisers' view of an event's attendees: live counters in one grouped query (pretix's
// dashboard lesson: never a count per row), the attendee list with search, and a CSV export whose
// cells never run as formulas. Only the event's organisers: anyone else gets a 404.

export type Counters = { sold: number; held: number; checkedIn: number; waiting: number; offered: number };
export type AttendeeRow = {
  id: string;
  name: string;
  email: string;
  ticketType: string;
  orderCode: string;
  status: string;
  answers: Record<string, string>;
  createdAt: Date;
  checkedInAt: Date | null;
};

export async function countersOf(tx: Tx, eventId: string): Promise<Counters> {
  const [c] = await tx<Counters[]>`
    select count(*) filter (where o.status = 'confirmed')::int as sold,
           count(*) filter (where o.status = 'held')::int as held,
           count(*) filter (where o.status = 'confirmed' and k.checked_in_at is not null)::int as "checkedIn",
           (select count(*) from public.event_waitlist w where w.event_id = ${eventId} and w.status = 'waiting')::int as waiting,
           (select count(*) from public.event_waitlist w where w.event_id = ${eventId} and w.status = 'offered')::int as offered
      from public.event_tickets k join public.event_orders o on o.id = k.order_id
     where k.event_id = ${eventId}`;
  return c!;
}

function attendees(tx: Tx, eventId: string, search: string, locale: Locale, limit: number) {
  const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return tx<AttendeeRow[]>`
    select k.id, k.attendee_name as name, k.attendee_email as email, case when ${locale} = 'vi' then t.name_vi else t.name_en end as "ticketType",
           o.code as "orderCode", o.status, k.answers, k.created_at as "createdAt", k.checked_in_at as "checkedInAt"
      from public.event_tickets k join public.event_orders o on o.id = k.order_id join public.ticket_types t on t.id = k.ticket_type_id
     where k.event_id = ${eventId} and o.status in ('held', 'confirmed')
       and (${search} = '' or k.attendee_name ilike ${like} or k.attendee_email ilike ${like} or o.code ilike ${like})
     order by k.attendee_name, k.id limit ${limit}`;
}

export function attendeeBoard(claims: Claims, eventId: string, search: string, locale: Locale) {
  return asUser(claims, async (tx) => {
    const event = await managedEvent(tx, eventId);
    const [counters, rows, payments] = await Promise.all([
      countersOf(tx, event.id),
      attendees(tx, event.id, search.slice(0, 100), locale, 500),
      paymentsToAct(tx, event.id),
    ]);
    return { event: { id: event.id, slug: event.slug, title: event.title }, counters, attendees: rows, payments };
  });
}

/** Every attendee holding a seat, with their answers, as CSV (headers in the viewer's language). */
export function exportAttendees(claims: Claims, eventId: string, locale: Locale) {
  return asUser(claims, async (tx) => {
    const event = await managedEvent(tx, eventId);
    const [rows, questions] = await Promise.all([
      attendees(tx, event.id, "", locale, 1_000_000),
      tx<{ id: string; label_vi: string; label_en: string }[]>`select id, label_vi, label_en from public.event_questions where event_id = ${event.id} order by position, created_at`,
    ]);
    const t = tFor(locale);
    const header = [
      t("events.attendees.name"),
      t("events.attendees.email"),
      t("events.attendees.ticketType"),
      t("events.attendees.order"),
      t("events.attendees.status"),
      ...questions.map((q) => (locale === "vi" ? q.label_vi : q.label_en)),
    ];
    const body = rows.map((r) => [r.name, r.email, r.ticketType, r.orderCode, t(`events.page.mine.status.${r.status}`), ...questions.map((q) => r.answers[q.id] ?? "")]);
    return { filename: `${event.slug}-attendees.csv`, csv: toCsv([header, ...body]) };
  });
}
