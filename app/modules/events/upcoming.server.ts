import type { Tx } from "~/platform/db/transaction.server";

export type UpcomingEvent = {
  id: string;
  slug: string;
  kind: string;
  titleVi: string;
  titleEn: string;
  summaryVi: string;
  summaryEn: string;
  venue: string;
  startsAt: Date;
  endsAt: Date;
};

/** The next published events of the region (RLS hides drafts), soonest first. */
export function upcomingEvents(tx: Tx, limit = 3): Promise<UpcomingEvent[]> {
  return tx<UpcomingEvent[]>`
      select id, slug, kind, title_vi as "titleVi", title_en as "titleEn", summary_vi as "summaryVi",
             summary_en as "summaryEn", venue, starts_at as "startsAt", ends_at as "endsAt"
        from public.events where published and ends_at > now() order by starts_at limit ${limit}`;
}
