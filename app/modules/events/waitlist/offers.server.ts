import { asServiceWithin, type Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { formatInZone } from "~/platform/i18n/format";
import { enqueueMail } from "~/platform/mail/outbox.server";

// Mail waitlist offers: the database made them (promote_waitlist(), under the quotas' locks) and
// answered their ids; each person learns, in their language, that a seat is held for them and
// until when. Read as the service: the one whose cancellation freed the seat may not read the list.
export async function mailOffers(tx: Tx, placeIds: string[]): Promise<void> {
  if (placeIds.length === 0) return;
  const rows = await asServiceWithin(
    tx,
    (t) => t<{ id: string; name: string; email: string; locale: "vi" | "en"; deadline: Date; slug: string; zone: string; title_vi: string; title_en: string; type_vi: string; type_en: string }[]>`
      select w.id, w.name, w.email, w.locale, w.offer_expires_at as deadline, e.slug, e.time_zone as zone, e.title_vi, e.title_en,
             t.name_vi as type_vi, t.name_en as type_en
        from public.event_waitlist w join public.events e on e.id = w.event_id join public.ticket_types t on t.id = w.ticket_type_id
       where w.id = any(${placeIds}::uuid[]) and w.status = 'offered'`,
  );
  for (const r of rows) {
    const vi = r.locale === "vi";
    await enqueueMail(tx, r.email, "event-waitlist-offer", {
      locale: r.locale,
      name: r.name,
      event: vi ? r.title_vi : r.title_en,
      ticketType: vi ? r.type_vi : r.type_en,
      deadline: formatInZone(r.deadline, r.locale, r.zone),
      url: `${env().APP_URL}/events/${r.slug}/register?offer=${r.id}`,
    });
  }
}
