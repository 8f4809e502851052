import { asUser, type Claims } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import type { Locale } from "~/platform/i18n/i18n";
import { agendaOf, loadEvent } from "./event.server";
import { eventIcs } from "./ics";

/** The whole event (and its agenda) as ICS, in the viewer's language; RLS decides who may see it. */
export function eventCalendar(claims: Claims | null, slug: string, locale: Locale): Promise<{ ics: string; slug: string }> {
  return asUser(claims, async (tx) => {
    const event = await loadEvent(tx, slug);
    const { sessions } = await agendaOf(tx, event.id);
    const url = `${env().APP_URL}/events/${event.slug}`;
    const ics = eventIcs({
      id: event.id,
      title: event.title[locale],
      description: event.summary[locale],
      location: event.venue[locale],
      url,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      sessions: sessions.map((s) => ({ id: s.id, title: s.title[locale], room: s.room, startsAt: s.startsAt, endsAt: s.endsAt })),
      host: new URL(env().APP_URL).host,
    });
    return { ics, slug: event.slug };
  });
}
