import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";

// The founder's and the mentor's view of mentoring: the programmes a founder's startups are in,
// their assigned mentors and hours, and one's own sessions. A few statements a page, whatever the
// number of sessions (the lists are bounded).

export type MySession = {
  id: string;
  programId: string;
  startupId: string;
  mentorId: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  location: string;
  startupName: string;
  mentorName: string;
  programNameVi: string;
  programNameEn: string;
  cutoffHours: number;
  asMentor: boolean;
};

/** A session as my_mentoring_sessions() and my_mentoring_session() answer it, in the app's names. */
const sessionColumns = (tx: Tx) => tx`
  id, program_id as "programId", startup_id as "startupId", mentor_id as "mentorId", starts_at as "startsAt", ends_at as "endsAt",
  status, location, startup_name as "startupName", mentor_name as "mentorName", program_name_vi as "programNameVi",
  program_name_en as "programNameEn", cutoff_hours as "cutoffHours", as_mentor as "asMentor"`;

const sessionsIn = (tx: Tx, upcoming: boolean, max: number) => tx<MySession[]>`select ${sessionColumns(tx)} from public.my_mentoring_sessions(${upcoming}, ${max})`;
const listSessions = (upcoming: boolean, max: number) => (claims: Claims) => asUser(claims, (tx) => sessionsIn(tx, upcoming, max));

/** All of one's sessions, newest first. */
export const mySessions = listSessions(false, 200);

/** Whether a session may still be moved or cancelled (the database checks again). */
export const changeable = (s: Pick<MySession, "status" | "startsAt" | "cutoffHours">, now = new Date()) =>
  s.status === "booked" && new Date(s.startsAt).getTime() >= now.getTime() + s.cutoffHours * 3_600_000;

export type MentoringProgramme = {
  programId: string;
  startupId: string;
  startupName: string;
  programNameVi: string;
  programNameEn: string;
  budgetHours: number;
  usedHours: number;
  mentors: { id: string; name: string }[];
};

/**
 * The founder's mentoring home: each programme of each of their startups, and the upcoming sessions,
 * in one transaction (the sessions' read sent beside the programmes': two transactions' BEGIN,
 * settings and COMMIT were three round trips more; decision 008, tenth pass).
 */
export function mentoringHome(claims: Claims) {
  return asUser(claims, async (tx) => {
    const [rows, upcoming] = await Promise.all([
      tx<(Omit<MentoringProgramme, "mentors"> & { mentorIds: string[] })[]>`
      select c.program_id as "programId", c.startup_id as "startupId", st.name as "startupName", pr.name_vi as "programNameVi",
             pr.name_en as "programNameEn", pr.mentoring_hours_per_startup::float8 as "budgetHours",
             coalesce((select sum(extract(epoch from s.ends_at - s.starts_at)) / 3600 from public.mentoring_sessions s
                        where s.program_id = c.program_id and s.startup_id = c.startup_id and s.status <> 'cancelled'), 0)::float8 as "usedHours",
             array(select sm.mentor_id from public.startup_mentors sm
                    join public.program_mentors pm on pm.mentor_id = sm.mentor_id and pm.program_id = c.program_id
                   where sm.startup_id = c.startup_id) as "mentorIds"
        from public.cohort_members c
        join public.startups st on st.id = c.startup_id
        join public.programs pr on pr.id = c.program_id
       where public.is_startup_member(c.startup_id)
       order by c.joined_at desc, st.name`,
      sessionsIn(tx, true, 20),
    ]);
    const ids = [...new Set(rows.flatMap((r) => r.mentorIds))];
    const names = ids.length ? await tx<{ id: string; name: string }[]>`select id, name from public.mentor_names(${ids}::uuid[])` : [];
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    // each field named: an object rest per row copies through a slow path
    const programmes: MentoringProgramme[] = rows.map((r) => ({
      programId: r.programId,
      startupId: r.startupId,
      startupName: r.startupName,
      programNameVi: r.programNameVi,
      programNameEn: r.programNameEn,
      budgetHours: r.budgetHours,
      usedHours: r.usedHours,
      mentors: r.mentorIds.map((id) => ({ id, name: nameOf.get(id) ?? "" })),
    }));
    return { programmes, upcoming };
  });
}

/** One of one's own sessions, or null: one indexed lookup, whatever the number of sessions one has. */
export async function mySession(claims: Claims, id: string): Promise<MySession | null> {
  const [row] = await asUser(claims, (tx) => tx<MySession[]>`select ${sessionColumns(tx)} from public.my_mentoring_session(${id})`);
  return row ?? null;
}
