import { asService, asServiceWithin, asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { addJob } from "~/platform/jobs/enqueue.server";
import { logger } from "~/platform/log.server";
import { assignMentors } from "./assign";
import { approvedMentors, cohortStartups, conflicts, pairKey, scoreOf } from "./candidates.server";
import { managedProgramme } from "./programme.server";

// The cohort-wide assignment (assign.ts: optimal, within capacity, conflicts excluded), solved by a
// job rather than in the manager's request: a large cohort takes HiGHS seconds, and a request
// should not hold a connection and a transaction that long. The manager asks; the page says
// "solving…" until the job has stored the proposal (mentor_assignment_runs, one row a programme).

export const SOLVE_TASK = "mentoring.solve-cohort";

export type AssignmentRun = { status: "solving" | "done" | "failed"; requestedAt: string; finishedAt: string | null; proposed: number | null };

/** The programme's last solve, for its managers (RLS), or null. */
export async function lastRun(tx: Tx, programmeId: string): Promise<AssignmentRun | null> {
  const [row] = await tx<{ status: AssignmentRun["status"]; requestedAt: Date; finishedAt: Date | null; proposed: number | null }[]>`
    select status, requested_at as "requestedAt", finished_at as "finishedAt", proposed
      from public.mentor_assignment_runs where program_id = ${programmeId}`;
  return row ? { ...row, requestedAt: row.requestedAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null } : null;
}

/**
 * A manager asks for the cohort-wide assignment: the run is marked solving and the job queued, in
 * one transaction. Asking again while a solve waits replaces the waiting job (one job key a
 * programme), so a programme is solved once for the latest request.
 */
export function requestAssignment(claims: Claims, programmeId: string): Promise<void> {
  return asUser(claims, async (tx) => {
    const programme = await managedProgramme(tx, programmeId);
    await asServiceWithin(
      tx,
      (t) => t`
        insert into public.mentor_assignment_runs (program_id, status, requested_by, requested_at)
        values (${programme.id}, 'solving', ${claims.sub}, now())
        on conflict (program_id) do update
          set status = 'solving', requested_by = excluded.requested_by, requested_at = excluded.requested_at, finished_at = null, proposed = null`,
    );
    await addJob(tx, SOLVE_TASK, { programId: programme.id }, { jobKey: `mentoring.solve-cohort:${programme.id}`, maxAttempts: 3 });
  });
}

/**
 * The job: solves for the startups that have no mentor in the programme yet and stores the result
 * as the proposal the managers then edit, replacing any earlier one. Reads and writes through the
 * service path (no one is signed in); the run row, locked, keeps two workers from writing one
 * programme's proposal at once. `now` is the job clock.
 */
export async function solveCohort(programId: string, now: Date): Promise<number | null> {
  try {
    return await asService(async (tx) => {
      const [run] = await tx<{ requested_by: string | null }[]>`
        select requested_by from public.mentor_assignment_runs where program_id = ${programId} and status = 'solving' for update`;
      if (!run) return null;
      const mentors = await approvedMentors(tx, programId);
      const startups = (await cohortStartups(tx, programId)).filter((s) => !s.mentors.some((m) => mentors.some((x) => x.id === m)));
      const banned = await conflicts(tx, programId);
      const scores = startups.map((s) => mentors.map((m) => scoreOf(m, s).total));
      const excluded: [number, number][] = [];
      startups.forEach((s, i) => mentors.forEach((m, j) => banned.has(pairKey(s.id, m.id)) && excluded.push([i, j])));
      const { pairs } = await assignMentors({ scores, capacity: mentors.map((m) => Math.max(0, m.maxStartups - m.load)), excluded, perStartup: 1 });
      await tx`delete from public.mentor_proposals where program_id = ${programId}`;
      if (pairs.length > 0) {
        const rows = pairs.map(([s, m]) => ({
          program_id: programId,
          startup_id: startups[s]!.id,
          mentor_id: mentors[m]!.id,
          score: scores[s]![m]!,
          created_by: run.requested_by,
        }));
        await tx`insert into public.mentor_proposals ${tx(rows, "program_id", "startup_id", "mentor_id", "score", "created_by")}`;
      }
      await tx`
        update public.mentor_assignment_runs set status = 'done', finished_at = ${now}, proposed = ${pairs.length} where program_id = ${programId}`;
      return pairs.length;
    });
  } catch (error) {
    // the page says so and the manager may ask again; nothing half-written stays (the transaction rolled back)
    logger.error({ err: error, programId }, "cohort-wide assignment failed");
    await asService((tx) => tx`
      update public.mentor_assignment_runs set status = 'failed', finished_at = ${now} where program_id = ${programId} and status = 'solving'`);
    return null;
  }
}
