// What the event's reads answer and how a row becomes what the pages use: one mapping per thing,
// shared by the bilingual reads (`event.server.ts`: the register page, the calendar) and the event
// page's one-language read (`event-page.server.ts`). Each mapper takes a row's figures and its texts
// already made: `{ vi, en }` for the bilingual reads, one string for the page.

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

export type AgendaSession = {
  id: string;
  title: Bilingual;
  room: string;
  startsAt: Date;
  endsAt: Date;
  speakers: string[];
};
export type Speaker = {
  id: string;
  name: string;
  affiliation: string;
  bio: Bilingual;
};

export type MyTicket = {
  id: string;
  name: string;
  email: string;
  ticketType: Bilingual;
};
export type OrderPayment = {
  id: string;
  status: string;
  method: "card" | "bank_transfer";
  deadline: Date;
};
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
export type MyPlace = {
  id: string;
  status: string;
  ticketTypeId: string;
  ticketType: Bilingual;
  createdAt: Date;
  offerExpiresAt: Date | null;
};

/** A row's text columns in both languages (`title_vi`, `title_en`). */
export type BothLanguages<K extends string> = Record<
  `${K}_${"vi" | "en"}`,
  string
>;

export type EventTexts<T> = {
  title: T;
  summary: T;
  description: T;
  venue: T;
  org: T;
};
export type EventFigures = Omit<
  PublicEvent,
  keyof EventTexts<unknown> | "orgName" | "startsAt" | "endsAt"
> & {
  startsAt: Date | string;
  endsAt: Date | string;
};
export const eventOf = <T>(e: EventFigures, text: EventTexts<T>) => ({
  id: e.id,
  slug: e.slug,
  kind: e.kind,
  title: text.title,
  summary: text.summary,
  description: text.description,
  venue: text.venue,
  coverUrl: e.coverUrl,
  timeZone: e.timeZone,
  startsAt: new Date(e.startsAt),
  endsAt: new Date(e.endsAt),
  cancelHours: e.cancelHours,
  published: e.published,
  orgName: text.org,
});

/** A ticket type's figures, without its texts. */
export type TypeFigures = {
  id: string;
  price_vnd: string | number;
  sales_start: Date | string;
  sales_end: Date | string;
  min_per_order: number;
  max_per_order: number;
  seats_left: number;
  waiting: boolean;
  hidden: boolean;
};
export const offerOf = <T>(t: TypeFigures, name: T, description: T) => ({
  id: t.id,
  priceVnd: Number(t.price_vnd),
  salesStart: new Date(t.sales_start),
  salesEnd: new Date(t.sales_end),
  minPerOrder: t.min_per_order,
  maxPerOrder: t.max_per_order,
  seatsLeft: t.seats_left,
  waiting: t.waiting,
  hidden: t.hidden,
  name,
  description,
});

export type SessionFigures = {
  id: string;
  room: string;
  starts_at: Date | string;
  ends_at: Date | string;
  speaker_ids: string[];
};
export type SpeakerFigures = { id: string; name: string; affiliation: string };
/** A session of the agenda, its speakers by name (`names`: the event's speakers by id). */
export const sessionOf = <T>(
  s: SessionFigures,
  title: T,
  names: Map<string, string>,
) => ({
  id: s.id,
  title,
  room: s.room,
  startsAt: new Date(s.starts_at),
  endsAt: new Date(s.ends_at),
  speakers: s.speaker_ids
    .map((id) => names.get(id))
    .filter((n): n is string => !!n),
});
export const speakerOf = <T>(s: SpeakerFigures, bio: T) => ({
  id: s.id,
  name: s.name,
  affiliation: s.affiliation,
  bio,
});
export const speakerNames = (speakers: SpeakerFigures[]) =>
  new Map(speakers.map((s) => [s.id, s.name]));

export type OrderRow = {
  id: string;
  code: string;
  status: string;
  total_vnd: string | number;
  hold_until: Date | string | null;
  created_at: Date | string;
  needs_refund: boolean;
  payment: (Omit<OrderPayment, "deadline"> & { deadline: string }) | null;
};
export type TicketFigures = {
  id: string;
  order_id: string;
  attendee_name: string;
  attendee_email: string;
};
export type PlaceFigures = {
  id: string;
  status: string;
  ticket_type_id: string;
  created_at: Date | string;
  offer_expires_at: Date | string | null;
};

const dateOrNull = (d: Date | string | null) =>
  d === null ? null : new Date(d);

/** An order with its tickets (`tickets`: this order's, made already by `ticketOf`). */
export const orderOf = <K>(o: OrderRow, tickets: K[]) => ({
  id: o.id,
  code: o.code,
  status: o.status,
  totalVnd: Number(o.total_vnd),
  holdUntil: dateOrNull(o.hold_until),
  createdAt: new Date(o.created_at),
  needsRefund: o.needs_refund,
  payment: o.payment
    ? { ...o.payment, deadline: new Date(o.payment.deadline) }
    : null,
  tickets,
});
export const ticketOf = <T>(k: TicketFigures, ticketType: T) => ({
  id: k.id,
  name: k.attendee_name,
  email: k.attendee_email,
  ticketType,
});
export const placeOf = <T>(w: PlaceFigures, ticketType: T) => ({
  id: w.id,
  status: w.status,
  ticketTypeId: w.ticket_type_id,
  ticketType,
  createdAt: new Date(w.created_at),
  offerExpiresAt: dateOrNull(w.offer_expires_at),
});
