import { assertManagesProgramme } from "~/modules/applications/access.server";
import { NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { requireId } from "~/platform/ids.server";

// The managers' mentoring report of a programme: per startup of its cohort, sessions held, hours
// against the budget, no-shows and the last session; per approved mentor, sessions and average
// ratings. Hours follow the one rule in SQL (mentoring_session_counts, decisions/003-hours-used.md).
// Four flat statements whatever the cohort's size: the access check, the programme, startups, mentors
// (a session joins at most its two feedback rows, so mentors' counts are of distinct sessions).

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
        with s as (
          select m.startup_id, m.status, m.absent, m.starts_at, m.ends_at,
                 public.mentoring_session_counts(m.status, m.absent) as counts,
                 extract(epoch from m.ends_at - m.starts_at) / 3600 as hours
            from public.mentoring_sessions m where m.program_id = ${id}
        )
        select c.startup_id as "startupId", st.name,
               count(*) filter (where s.status = 'held' or (s.status = 'booked' and s.ends_at <= now()))::int as held,
               count(*) filter (where s.status = 'booked' and s.ends_at > now())::int as upcoming,
               coalesce(sum(s.hours) filter (where s.counts and s.ends_at <= now()), 0)::float8 as "usedHours",
               coalesce(sum(s.hours) filter (where s.counts and s.ends_at > now()), 0)::float8 as "bookedHours",
               count(*) filter (where s.absent = 'startup')::int as "startupNoShows",
               count(*) filter (where s.absent = 'mentor')::int as "mentorNoShows",
               max(s.starts_at) filter (where s.counts and s.starts_at <= now()) as "lastSessionAt",
               not coalesce(bool_or(s.counts and s.starts_at <= now() and s.starts_at > now() - interval '30 days'), false) as quiet
          from public.cohort_members c
          join public.startups st on st.id = c.startup_id
          left join s on s.startup_id = c.startup_id
         where c.program_id = ${id}
         group by c.startup_id, st.name
         order by st.name, c.startup_id`,
      tx<MentorRow[]>`
        select pm.mentor_id as "mentorId", coalesce(p.display_name, '—') as name,
               count(distinct m.id) filter (where m.status = 'held' or (m.status = 'booked' and m.ends_at <= now()))::int as held,
               count(distinct m.id) filter (where m.absent = 'mentor')::int as "noShows",
               round(avg(f.rating) filter (where f.side = 'founder'), 1)::float8 as rating,
               count(f.rating) filter (where f.side = 'founder')::int as ratings,
               round(avg(f.rating) filter (where f.side = 'mentor'), 1)::float8 as "sessionRating"
          from public.program_mentors pm
          left join public.profiles p on p.id = pm.mentor_id
          left join public.mentoring_sessions m on m.program_id = pm.program_id and m.mentor_id = pm.mentor_id
          left join public.mentoring_feedback f on f.session_id = m.id
         where pm.program_id = ${id}
         group by pm.mentor_id, p.display_name
         order by name, pm.mentor_id`,
    ]);
    if (!programme) throw new NotFoundError();
    return { programme, startups: startups.map((s) => ({ ...s, lastSessionAt: s.lastSessionAt?.toISOString() ?? null })), mentors };
  });
}
