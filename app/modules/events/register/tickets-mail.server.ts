import type postgres from "postgres";
import { asServiceWithin, type Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { formatInZone } from "~/platform/i18n/format";
import { queueMails, queueMailsAndReturn, type QueuedMail } from "~/platform/mail/outbox.server";
import { ticketQr } from "../checkin/qr.server";
import { eventIcs } from "../page/ics";

// Ticket mails: one per attendee, in the attendee's language, with the ticket's QR code (an inline
// image) and the code printed under it, and the event's ICS attached,
// queued in the same transaction as the confirmation (or transfer) they report.

type TicketRow = {
  id: string;
  ticket_no: string;
  token_version: number;
  attendee_name: string;
  attendee_email: string;
  locale: "vi" | "en";
  code: string;
  type_vi: string;
  type_en: string;
  event_id: string;
  slug: string;
  title_vi: string;
  title_en: string;
  summary_vi: string;
  summary_en: string;
  venue_vi: string;
  venue_en: string;
  time_zone: string;
  starts_at: Date;
  ends_at: Date;
};

/**
 * Mail the tickets of an order (all, or the ones named). Read and queued as the service in one
 * switch of role (the caller may be a webhook): 4 statements for an order's mails.
 */
export function mailTickets(tx: Tx, orderId: string, kind: "confirmed" | "transferred", ticketIds?: string[]): Promise<number> {
  return asServiceWithin(tx, async (t) => {
    const rows = await ticketRows(t, t`${orderId}::uuid`, ticketIds);
    return queueMails(t, await Promise.all(rows.map((r) => ticketMail(r, kind))));
  });
}

/** The rows an order's ticket mails are written from (read as the service: the caller may be a webhook). */
export function ticketRows(t: Tx, orderId: postgres.Fragment, ticketIds?: string[]) {
  return t<TicketRow[]>`
    select k.id, k.ticket_no, k.token_version, k.attendee_name, k.attendee_email, k.locale, o.code, tt.name_vi as type_vi, tt.name_en as type_en,
           e.id as event_id, e.slug, e.title_vi, e.title_en, e.summary_vi, e.summary_en,
           coalesce(nullif(e.venue, ''), s.name_vi, '') as venue_vi,
           coalesce(nullif(e.venue, ''), s.name_en, '') as venue_en, e.time_zone, e.starts_at, e.ends_at
      from public.event_tickets k
      join public.event_orders o on o.id = k.order_id
      join public.ticket_types tt on tt.id = k.ticket_type_id
      join public.events e on e.id = k.event_id
      left join public.spaces s on s.id = e.space_id
     where k.order_id = ${orderId} ${ticketIds ? t`and k.id = any(${ticketIds}::uuid[])` : t``}
     order by k.created_at, k.id`;
}

/**
 * The tickets of an order just confirmed, read by `ticketRows` after `switchToService`: mailed, and
 * the role switched back in the insert's own statement (`queueMailsAndReturn`; decision 008, tenth pass, posts).
 */
export async function mailReadTickets(tx: Tx, rows: TicketRow[], kind: "confirmed" | "transferred"): Promise<number> {
  return queueMailsAndReturn(tx, await Promise.all(rows.map((r) => ticketMail(r, kind))));
}

/** One attendee's ticket mail: in their language, the QR image inline, the event's ICS attached. */
async function ticketMail(r: TicketRow, kind: "confirmed" | "transferred"): Promise<QueuedMail<"event-ticket">> {
  const host = new URL(env().APP_URL).host;
  const vi = r.locale === "vi";
  const url = `${env().APP_URL}/events/${r.slug}`;
  const title = vi ? r.title_vi : r.title_en;
  const ics = eventIcs({
    id: r.event_id,
    title,
    description: vi ? r.summary_vi : r.summary_en,
    location: vi ? r.venue_vi : r.venue_en,
    url,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    sessions: [],
    host,
  });
  const qr = await ticketQr({ id: r.id, ticketNo: r.ticket_no, version: r.token_version });
  return {
    to: r.attendee_email,
    name: "event-ticket",
    props: {
      locale: r.locale,
      kind,
      name: r.attendee_name,
      event: title,
      ticketType: vi ? r.type_vi : r.type_en,
      when: `${formatInZone(r.starts_at, r.locale, r.time_zone)} – ${formatInZone(r.ends_at, r.locale, r.time_zone)}`,
      venue: vi ? r.venue_vi : r.venue_en,
      code: r.code,
      url,
      ticketCode: qr.code,
      ticketUrl: `${env().APP_URL}/tickets/${qr.code}`,
      qrSrc: `cid:${qr.attachment.contentId}`,
    },
    attachments: [{ filename: "event.ics", contentType: "text/calendar; charset=utf-8", content: ics }, qr.attachment],
  };
}
