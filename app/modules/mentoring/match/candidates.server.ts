import { asServiceWithin, type Tx } from "~/platform/db/transaction.server";
import { matchScore, type MatchScore, type Stage } from "./score";

// The people a programme can match and what the score reads of them, in one statement each.
// Read through the service path inside the caller's transaction, after the caller's check
// (a manager of the programme, or a founder of a startup in its cohort): founders may not read
// other startups' needs, nor a manager every mentor's load.

export type MentorCard = {
  id: string;
  name: string;
  org: { vi: string; en: string } | null;
  bio: string;
  expertise: string[];
  sectors: string[];
  languages: string[];
  stages: Stage[];
  maxStartups: number;
  load: number;
};
export type StartupCard = {
  id: string;
  slug: string;
  name: string;
  sector: string;
  stage: Stage;
  expertise: string[];
  languages: string[];
  mentors: string[];
};

/** Mentors approved for the programme, with their load across every programme. */
export function approvedMentors(tx: Tx, programmeId: string): Promise<MentorCard[]> {
  return asServiceWithin(
    tx,
    (t) => t<MentorCard[]>`
      select p.user_id as id, coalesce(pr.display_name, '') as name,
             case when o.id is null then null else json_build_object('vi', o.name_vi, 'en', o.name_en) end as org,
             p.bio, p.expertise, p.sectors, p.languages, p.stages, p.max_startups as "maxStartups",
             (select count(*)::int from public.startup_mentors sm where sm.mentor_id = p.user_id) as load
        from public.program_mentors pm join public.mentor_profiles p on p.user_id = pm.mentor_id
        left join public.profiles pr on pr.id = p.user_id left join public.organisations o on o.id = p.org_id
       where pm.program_id = ${programmeId} order by pr.display_name, p.user_id`,
  );
}

/** Startups of the programme's cohort (or one of them), their needs and their current mentors. */
export function cohortStartups(tx: Tx, programmeId: string, only?: string): Promise<StartupCard[]> {
  return asServiceWithin(
    tx,
    (t) => t<StartupCard[]>`
      select s.id, s.slug, s.name, s.sector, s.stage, coalesce(n.expertise, '{}') as expertise, coalesce(n.languages, '{vi}') as languages,
             coalesce((select array_agg(sm.mentor_id order by sm.since) from public.startup_mentors sm where sm.startup_id = s.id), '{}') as mentors
        from public.cohort_members c join public.startups s on s.id = c.startup_id
        left join public.startup_needs n on n.startup_id = s.id
       where c.program_id = ${programmeId} ${only ? t`and s.id = ${only}` : t``}
       order by s.name, s.id`,
  );
}

/** Pairs that must never be proposed: a conflict of interest (mentor_conflict: own organisation, or reviewed). */
export async function conflicts(tx: Tx, programmeId: string): Promise<Map<string, "organisation" | "reviewed">> {
  const rows = await asServiceWithin(
    tx,
    (t) => t<{ startup_id: string; mentor_id: string; why: "organisation" | "reviewed" }[]>`
      select x.* from (
        select c.startup_id, pm.mentor_id, public.mentor_conflict(pm.mentor_id, c.startup_id) as why
          from public.cohort_members c join public.program_mentors pm on pm.program_id = c.program_id
         where c.program_id = ${programmeId}) x
       where x.why is not null`,
  );
  return new Map(rows.map((r) => [`${r.startup_id}:${r.mentor_id}`, r.why]));
}

export const pairKey = (startupId: string, mentorId: string) => `${startupId}:${mentorId}`;

export const scoreOf = (mentor: MentorCard, startup: StartupCard): MatchScore =>
  matchScore(mentor, { expertise: startup.expertise, sector: startup.sector, languages: startup.languages, stage: startup.stage });
