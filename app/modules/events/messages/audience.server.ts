import type { Tx } from "~/platform/db/transaction.server";
import type { Audience } from "./schema";

// Who a message reaches: one row per person (by mail address, whatever its case), in the language
// of their most recent ticket or place. Attendees are the tickets of confirmed orders; the
// waitlist is the people waiting or holding an offer. Read as the organiser: RLS shows them their
// event's rows only. One statement whatever the number of people. Addresses longer than the
// outbox takes (254 characters, the limit of SMTP) cannot be mailed and are left out.

export type Recipient = { to: string; locale: "vi" | "en" };

export function recipientsOf(tx: Tx, eventId: string, a: Audience): Promise<Recipient[]> {
  const types = a.ticketTypes;
  if (a.to === "waitlist") {
    return tx<Recipient[]>`
      select distinct on (lower(w.email)) w.email as "to", w.locale
        from public.event_waitlist w
       where w.event_id = ${eventId} and w.status in ('waiting', 'offered')
         and (cardinality(${types}::uuid[]) = 0 or w.ticket_type_id = any(${types}::uuid[]))
         and char_length(w.email) <= 254
       order by lower(w.email), w.created_at desc`;
  }
  return tx<Recipient[]>`
    select distinct on (lower(k.attendee_email)) k.attendee_email as "to", k.locale
      from public.event_tickets k join public.event_orders o on o.id = k.order_id
     where k.event_id = ${eventId} and o.status = 'confirmed'
       and (cardinality(${types}::uuid[]) = 0 or k.ticket_type_id = any(${types}::uuid[]))
       and (${a.checkedIn} = 'any' or (${a.checkedIn} = 'in') = (k.checked_in_at is not null))
       and char_length(k.attendee_email) <= 254
     order by lower(k.attendee_email), k.created_at desc`;
}
