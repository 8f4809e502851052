import { NotFoundError } from "~/platform/db/errors.server";
import { asService } from "~/platform/db/transaction.server";
import type { Locale } from "~/platform/i18n/i18n";
import { ticketQrSvg } from "./qr.server";
import { matchSignature, parseCode } from "./token.server";

// The holder's own ticket page, reached by the code itself (the link in the ticket mail): an
// attendee needs no account, and the code is the bearer credential the door accepts anyway. Read
// as the service because the holder is often not the buyer; a forged or unknown code is a 404.

export type TicketView = {
  state: "valid" | "transferred" | "not_valid";
  name: string;
  ticketType: string;
  event: { slug: string; title: string; startsAt: Date; endsAt: Date; timeZone: string; venue: string };
  code: string;
  qr: string;
  checkedInAt: Date | null;
};

export async function ticketByCode(raw: string, locale: Locale): Promise<TicketView> {
  const code = parseCode(raw);
  if (!code) throw new NotFoundError();
  const [t] = await asService(
    (tx) => tx<
      {
        id: string;
        ticket_no: string;
        token_version: number;
        attendee_name: string;
        type_vi: string;
        type_en: string;
        status: string;
        slug: string;
        title_vi: string;
        title_en: string;
        starts_at: Date;
        ends_at: Date;
        time_zone: string;
        venue_vi: string;
        venue_en: string;
        checked_in_at: Date | null;
      }[]
    >`
      select k.id, k.ticket_no, k.token_version, k.attendee_name, tt.name_vi as type_vi, tt.name_en as type_en, o.status,
             e.slug, e.title_vi, e.title_en, e.starts_at, e.ends_at, e.time_zone, coalesce(nullif(e.venue, ''), s.name_vi, '') as venue_vi,
             coalesce(nullif(e.venue, ''), s.name_en, '') as venue_en, k.checked_in_at
        from public.event_tickets k
        join public.event_orders o on o.id = k.order_id
        join public.ticket_types tt on tt.id = k.ticket_type_id
        join public.events e on e.id = k.event_id
        left join public.spaces s on s.id = e.space_id
       where k.ticket_no = ${code.number.toString()}`,
  );
  const match = t ? matchSignature({ id: t.id, version: t.token_version }, code.signature) : "forged";
  if (!t || match === "forged") throw new NotFoundError();
  const vi = locale === "vi";
  // a previous holder's code shows only that it was handed on: not the new holder's name or code
  if (match === "old") {
    return {
      state: "transferred",
      name: "",
      ticketType: vi ? t.type_vi : t.type_en,
      event: { slug: t.slug, title: vi ? t.title_vi : t.title_en, startsAt: t.starts_at, endsAt: t.ends_at, timeZone: t.time_zone, venue: vi ? t.venue_vi : t.venue_en },
      code: "",
      qr: "",
      checkedInAt: null,
    };
  }
  const { code: printed, svg } = await ticketQrSvg({ id: t.id, ticketNo: t.ticket_no, version: t.token_version });
  return {
    state: t.status === "confirmed" ? "valid" : "not_valid",
    name: t.attendee_name,
    ticketType: vi ? t.type_vi : t.type_en,
    event: { slug: t.slug, title: vi ? t.title_vi : t.title_en, startsAt: t.starts_at, endsAt: t.ends_at, timeZone: t.time_zone, venue: vi ? t.venue_vi : t.venue_en },
    code: printed,
    qr: t.status === "confirmed" ? `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` : "",
    checkedInAt: t.checked_in_at,
  };
}
