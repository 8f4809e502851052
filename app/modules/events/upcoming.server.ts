import { asUser, type Claims, type Statements, type Tx } from "~/platform/db/transaction.server";
import type { Locale } from "~/platform/i18n/i18n";

/** An upcoming event as the home page shows it, in the viewer's language only (decision 008, fourth pass). */
export type UpcomingEvent = {
  id: string;
  slug: string;
  kind: string;
  title: string;
  summary: string;
  /** the address, else the name of the organisation's space */
  venue: string;
  startsAt: Date;
};

/** The next published events of the region (RLS hides drafts), soonest first. */
export function upcomingEvents(tx: Tx, locale: Locale, limit = 3): Promise<UpcomingEvent[]> {
  return upcomingEventsQuery(tx, locale, limit);
}

/** `upcomingEvents`' select, not sent: to run alone or as a part of a larger statement (the home page's). */
export function upcomingEventsQuery(tx: Statements, locale: Locale, limit = 3) {
  const text =
    locale === "vi"
      ? tx`e.title_vi as title, e.summary_vi as summary, coalesce(nullif(e.venue, ''), s.name_vi, '') as venue`
      : tx`e.title_en as title, e.summary_en as summary, coalesce(nullif(e.venue, ''), s.name_en, '') as venue`;
  return tx<UpcomingEvent[]>`
      select e.id, e.slug, e.kind, ${text}, e.starts_at as "startsAt"
        from public.events e left join public.spaces s on s.id = e.space_id
       where e.published and e.ends_at > now() order by e.starts_at limit ${limit}`;
}

/** The next events alone, for a signed-in person's home page. */
export function nextEvents(claims: Claims | null, locale: Locale): Promise<UpcomingEvent[]> {
  return asUser(claims, (tx) => upcomingEvents(tx, locale));
}
