import { asUser, type Claims } from "~/platform/db/transaction.server";
import { loadEvent, ticketOffers } from "../page/event.server";
import type { Question } from "./answers";

// What the registration form needs, in one transaction: the event, the tickets the visitor may
// choose (with what is left), the questions for each attendee, and the visitor's waitlist offer
// when they come from one.

export type FormQuestion = Question & { label: { vi: string; en: string }; help: { vi: string; en: string } };
export type HeldOffer = { id: string; ticketTypeId: string; expiresAt: Date };

export function registerForm(claims: Claims, slug: string, code: string | null, offerId: string | null) {
  return asUser(claims, async (tx) => {
    const event = await loadEvent(tx, slug);
    const [offers, questions, held] = await Promise.all([
      ticketOffers(tx, event.id, code),
      tx<(Question & { label_vi: string; label_en: string; help_vi: string; help_en: string })[]>`
        select id, kind, options, required, ticket_type_ids as "ticketTypeIds", label_vi, label_en, help_vi, help_en
          from public.event_questions where event_id = ${event.id} and not retired order by position, created_at`,
      offerId
        ? tx<HeldOffer[]>`
            select id, ticket_type_id as "ticketTypeId", offer_expires_at as "expiresAt" from public.event_waitlist
             where id = ${offerId} and user_id = ${claims.sub} and event_id = ${event.id} and status = 'offered' and offer_expires_at > now()`
        : Promise.resolve([]),
    ]);
    return {
      event,
      offers,
      questions: questions.map(
        (q): FormQuestion => ({
          id: q.id,
          kind: q.kind,
          options: q.options,
          required: q.required,
          ticketTypeIds: q.ticketTypeIds,
          label: { vi: q.label_vi, en: q.label_en },
          help: { vi: q.help_vi, en: q.help_en },
        }),
      ),
      offer: held[0] ?? null,
    };
  });
}
