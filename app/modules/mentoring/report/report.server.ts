import { assertManagesProgramme } from "~/modules/applications/access.server";
import { NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { requireId } from "~/platform/ids.server";

// The managers' mentoring report of a programme: per startup of its cohort, sessions held, hours
// against the budget, no-shows and the last session; per approved mentor, sessions and average
// ratings. Hours follow the one rule in SQL (mentoring_session_counts, decisions/003-hours-used.md).
// Four flat statements whatever the cohort's size: the access check, the programme, and the two
// report functions (security definer, for the programme's managers: RLS checked row by row would
// cost a policy call per session; see the migration 20261202600000).

export type StartupRow = {
  startupId: string;
  name: string;
  held: number;
  upcoming: number;
  usedHours: number;
  bookedHours: number;
  startupNoShows: number;
  mentorNoShows: number;
  lastSessionAt: string | null;
  /** no session (held, booked or a no-show of the startup) started in the last 30 days */
  quiet: boolean;
};

export type MentorRow = {
  mentorId: string;
  name: string;
  held: number;
  noShows: number;
  /** founders' average rating of the mentor, and how many ratings */
  rating: number | null;
  ratings: number;
  /** the mentor's average rating of their sessions */
  sessionRating: number | null;
};

export type MentoringReport = {
  programme: { id: string; name: { vi: string; en: string }; budgetHours: number };
  startups: StartupRow[];
  mentors: MentorRow[];
};

export async function mentoringReport(claims: Claims, programmeId: string): Promise<MentoringReport> {
  const id = requireId(programmeId);
  return asUser(claims, async (tx) => {
    await assertManagesProgramme(tx, id);
    const [[programme], startups, mentors] = await Promise.all([
      tx<MentoringReport["programme"][]>`
        select id, json_build_object('vi', name_vi, 'en', name_en) as name, mentoring_hours_per_startup::float8 as "budgetHours"
          from public.programs where id = ${id}`,
      tx<(Omit<StartupRow, "lastSessionAt"> & { lastSessionAt: Date | null })[]>`
        select startup_id as "startupId", name, held, upcoming, used_hours as "usedHours", booked_hours as "bookedHours",
               startup_no_shows as "startupNoShows", mentor_no_shows as "mentorNoShows", last_session_at as "lastSessionAt", quiet
          from public.mentoring_report_startups(${id})`,
      tx<MentorRow[]>`
        select mentor_id as "mentorId", name, held, no_shows as "noShows", rating, ratings, session_rating as "sessionRating"
          from public.mentoring_report_mentors(${id})`,
    ]);
    if (!programme) throw new NotFoundError();
    // the instants as ISO text in place: a copy of each of 500 rows by spread was 2 % of the page's CPU
    const rows = startups as unknown as StartupRow[];
    for (const s of startups) (s as unknown as StartupRow).lastSessionAt = s.lastSessionAt?.toISOString() ?? null;
    return { programme, startups: rows, mentors };
  });
}
