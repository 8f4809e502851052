import { Img, Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

// One mail per attendee when their ticket is confirmed (a free order at once, a paid one when the
// payment arrives) or handed to them by a transfer: the ticket's QR code and its code for typing;
// the event's ICS is attached.
export type EventTicketProps = {
  locale: MailLocale;
  kind: "confirmed" | "transferred";
  name: string;
  event: string;
  ticketType: string;
  /** the event's start and end in the event's time zone, with the zone named */
  when: string;
  venue: string;
  code: string;
  url: string;
  /** the ticket's own code, held by the QR and printed under it for typing */
  ticketCode: string;
  /** the holder's ticket page (the QR and code, in a browser) */
  ticketUrl: string;
  /** the QR image: cid: of the inline attachment */
  qrSrc: string;
};

const copy = {
  vi: {
    subject: (p: EventTicketProps) => `Vé của bạn: ${p.event}`,
    greeting: (p: EventTicketProps) => `Chào ${p.name},`,
    body: (p: EventTicketProps) =>
      p.kind === "confirmed" ? `Bạn đã được đăng ký tham dự ${p.event} (${p.ticketType}).` : `Một vé ${p.ticketType} của ${p.event} đã được chuyển cho bạn.`,
    when: (p: EventTicketProps) => `Thời gian: ${p.when}`,
    venue: (p: EventTicketProps) => `Địa điểm: ${p.venue}`,
    code: (p: EventTicketProps) => `Mã đơn: ${p.code}. Lịch của sự kiện được đính kèm thư này.`,
    action: "Xem sự kiện",
    qrAlt: "Mã QR của vé",
    ticketCode: (p: EventTicketProps) => `Mã vé: ${p.ticketCode}`,
    show: "Đưa mã QR này tại lối vào, hoặc đọc mã vé.",
    ticket: "Mở vé của bạn",
  },
  en: {
    subject: (p: EventTicketProps) => `Your ticket: ${p.event}`,
    greeting: (p: EventTicketProps) => `Hello ${p.name},`,
    body: (p: EventTicketProps) =>
      p.kind === "confirmed" ? `You are registered for ${p.event} (${p.ticketType}).` : `A ${p.ticketType} ticket for ${p.event} has been transferred to you.`,
    when: (p: EventTicketProps) => `When: ${p.when}`,
    venue: (p: EventTicketProps) => `Where: ${p.venue}`,
    code: (p: EventTicketProps) => `Order reference: ${p.code}. The event's calendar entry is attached.`,
    action: "View the event",
    qrAlt: "QR code of the ticket",
    ticketCode: (p: EventTicketProps) => `Ticket code: ${p.ticketCode}`,
    show: "Show this QR code at the entrance, or read out the ticket code.",
    ticket: "Open your ticket",
  },
};

export const subject = (p: EventTicketProps) => copy[p.locale].subject(p);

export default function EventTicket(p: EventTicketProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject(p)} heading={c.subject(p)}>
      <Text>{c.greeting(p)}</Text>
      <Text>{c.body(p)}</Text>
      <Text>{c.when(p)}</Text>
      {p.venue ? <Text>{c.venue(p)}</Text> : null}
      <Img src={p.qrSrc} alt={c.qrAlt} width="200" height="200" />
      <Text style={{ fontSize: "20px", fontWeight: 700, fontFamily: "monospace" }}>{c.ticketCode(p)}</Text>
      <Text>{c.show}</Text>
      <Action href={p.ticketUrl}>{c.ticket}</Action>
      <Text>{c.code(p)}</Text>
      <Action href={p.url}>{c.action}</Action>
    </Layout>
  );
}
