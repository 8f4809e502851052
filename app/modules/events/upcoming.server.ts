import type { Tx } from "~/platform/db/transaction.server";
import type { Bilingual } from "~/platform/i18n/i18n";

export type UpcomingEvent = {
  id: string;
  slug: string;
  kind: string;
  titleVi: string;
  titleEn: string;
  summaryVi: string;
  summaryEn: string;
  venue: Bilingual;
  startsAt: Date;
  endsAt: Date;
};

/** The next published events of the region (RLS hides drafts), soonest first. */
export function upcomingEvents(tx: Tx, limit = 3): Promise<UpcomingEvent[]> {
  return tx<UpcomingEvent[]>`
      select e.id, e.slug, e.kind, e.title_vi as "titleVi", e.title_en as "titleEn", e.summary_vi as "summaryVi", e.summary_en as "summaryEn",
             json_build_object('vi', coalesce(nullif(e.venue, ''), s.name_vi, ''), 'en', coalesce(nullif(e.venue, ''), s.name_en, '')) as venue,
             e.starts_at as "startsAt", e.ends_at as "endsAt"
        from public.events e left join public.spaces s on s.id = e.space_id
       where e.published and e.ends_at > now() order by e.starts_at limit ${limit}`;
}
