import postgres from "postgres";
import { audit } from "~/platform/audit/audit.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { approvedMentors, cohortStartups, conflicts, pairKey, scoreOf, type MentorCard, type StartupCard } from "./candidates.server";
import { mailMatches } from "./mails.server";
import { endedPairs, type EndedPair } from "./ending.server";
import { managedProgramme, type ManagedProgramme } from "./programme.server";
import { lastRun, type AssignmentRun } from "./solve.server";
import type { MatchScore } from "./score";

// A programme's matching page for its managers: the cohort, who mentors whom, the scores of every
// allowed pair, and the cohort-wide proposal being edited. The writes go through SQL functions
// that check the caller (assign_mentor, publish_mentor_proposal) or RLS (mentor_proposals).

export type Option = { mentorId: string; score: MatchScore; full: boolean };
export type StartupRow = StartupCard & {
  proposed: { mentorId: string; score: MatchScore } | null;
  /** allowed mentors, best first (a conflict of interest is never offered) */
  options: Option[];
  conflicted: { mentorId: string; why: "organisation" | "reviewed" }[];
};
export type MatchingPage = {
  programme: ManagedProgramme;
  mentors: MentorCard[];
  startups: StartupRow[];
  proposals: number;
  /** the last cohort-wide solve (a job: solve.server.ts), or null when none was asked for */
  run: AssignmentRun | null;
  /** pairs made in this programme (those a manager may end), and the pairs that ended */
  pairs: { startupId: string; mentorId: string }[];
  ended: EndedPair[];
};

export function matchingPage(claims: Claims, programmeId: string): Promise<MatchingPage> {
  return asUser(claims, async (tx) => {
    const programme = await managedProgramme(tx, programmeId);
    const [mentors, startups, banned, proposals, run, pairs, ended] = [
      await approvedMentors(tx, programme.id),
      await cohortStartups(tx, programme.id),
      await conflicts(tx, programme.id),
      await tx<{ startup_id: string; mentor_id: string }[]>`
        select startup_id, mentor_id from public.mentor_proposals where program_id = ${programme.id}`,
      await lastRun(tx, programme.id),
      await tx<{ startupId: string; mentorId: string }[]>`
        select startup_id as "startupId", mentor_id as "mentorId" from public.startup_mentors where program_id = ${programme.id}`,
      await endedPairs(tx, programme.id),
    ];
    const proposedLoad = new Map<string, number>();
    for (const p of proposals) proposedLoad.set(p.mentor_id, (proposedLoad.get(p.mentor_id) ?? 0) + 1);
    const rows = startups.map((s): StartupRow => {
      const options = mentors
        .filter((m) => !banned.has(pairKey(s.id, m.id)) && !s.mentors.includes(m.id))
        .map((m) => ({ mentorId: m.id, score: scoreOf(m, s), full: m.load + (proposedLoad.get(m.id) ?? 0) >= m.maxStartups }))
        .sort((a, b) => b.score.total - a.score.total);
      const mine = proposals.find((p) => p.startup_id === s.id);
      const proposedMentor = mine ? mentors.find((m) => m.id === mine.mentor_id) : undefined;
      return {
        ...s,
        options,
        proposed: proposedMentor ? { mentorId: proposedMentor.id, score: scoreOf(proposedMentor, s) } : null,
        conflicted: mentors.filter((m) => banned.has(pairKey(s.id, m.id))).map((m) => ({ mentorId: m.id, why: banned.get(pairKey(s.id, m.id))! })),
      };
    });
    return { programme, mentors, startups: rows, proposals: proposals.length, run, pairs, ended };
  });
}

/** The names assign_mentor() and take_mentor() refuse with, and what the manager reads. */
export const TAKE_REFUSALS: Record<string, string> = {
  not_found: "errors.notFound",
  not_in_cohort: "mentoring.match.errors.notInCohort",
  mentor_not_approved: "mentoring.match.errors.notApproved",
  conflict_of_interest: "mentoring.match.errors.conflict",
  mentor_full: "mentoring.match.errors.full",
};
export const refusalOf = (error: unknown): string | null =>
  error instanceof postgres.PostgresError && error.message in TAKE_REFUSALS ? TAKE_REFUSALS[error.message]! : null;

export type AssignOutcome = { ok: true; added: boolean } | { ok: false; error: string };

/** A manager assigns one mentor to one startup, mailed to both sides in the same transaction (the database's trigger audits it). */
export async function assignOne(claims: Claims, programmeId: string, startupId: string, mentorId: string): Promise<AssignOutcome> {
  try {
    return await asUser(claims, async (tx) => {
      const programme = await managedProgramme(tx, programmeId);
      const [row] = await tx<{ added: boolean }[]>`select public.assign_mentor(${programme.id}, ${startupId}, ${mentorId}) as added`;
      if (row!.added) {
        await mailMatches(tx, programme.id, [{ startupId, mentorId }]);
      }
      return { ok: true as const, added: row!.added };
    });
  } catch (error) {
    const key = refusalOf(error);
    if (key) return { ok: false, error: key };
    throw error;
  }
}

export type EditOutcome = { ok: true } | { ok: false; error: string };

/** Changes the proposed mentor of one startup (or removes its pair when mentorId is empty). */
export function editProposal(claims: Claims, programmeId: string, startupId: string, mentorId: string): Promise<EditOutcome> {
  return asUser(claims, async (tx) => {
    const programme = await managedProgramme(tx, programmeId);
    if (mentorId !== "") {
      const [mentor] = (await approvedMentors(tx, programme.id)).filter((m) => m.id === mentorId);
      const [startup] = await cohortStartups(tx, programme.id, startupId);
      if (!mentor) return { ok: false, error: "mentoring.match.errors.notApproved" };
      if (!startup) return { ok: false, error: "mentoring.match.errors.notInCohort" };
      if ((await conflicts(tx, programme.id)).has(pairKey(startupId, mentorId))) return { ok: false, error: "mentoring.match.errors.conflict" };
      const [taken] = await tx<{ n: number }[]>`
        select count(*)::int as n from public.mentor_proposals where program_id = ${programme.id} and mentor_id = ${mentorId} and startup_id <> ${startupId}`;
      if (mentor.load + taken!.n >= mentor.maxStartups) return { ok: false, error: "mentoring.match.errors.full" };
      await tx`delete from public.mentor_proposals where program_id = ${programme.id} and startup_id = ${startupId}`;
      await tx`insert into public.mentor_proposals (program_id, startup_id, mentor_id, score)
               values (${programme.id}, ${startupId}, ${mentorId}, ${scoreOf(mentor, startup).total})`;
    } else {
      await tx`delete from public.mentor_proposals where program_id = ${programme.id} and startup_id = ${startupId}`;
    }
    return { ok: true };
  });
}

/**
 * Publishes the proposal: startup_mentors written, both sides mailed, one audit row, all in one
 * transaction. Two managers publishing at once: the second waits on the programme's row, then finds
 * no proposal left, so each pair is written and mailed once. Returns the pairs published and how
 * many were left out (no longer possible, e.g. a mentor filled meanwhile).
 */
export function publishProposal(claims: Claims, programmeId: string): Promise<{ published: number; skipped: number }> {
  return asUser(claims, async (tx) => {
    const programme = await managedProgramme(tx, programmeId);
    // the programme's row first (publish_mentor_proposal takes it too): a second publisher counts what is left after the first
    await tx`select 1 from public.programs where id = ${programme.id} for update`;
    const [{ n: before } = { n: 0 }] = await tx<{ n: number }[]>`select count(*)::int as n from public.mentor_proposals where program_id = ${programme.id}`;
    const pairs = await tx<{ startupId: string; mentorId: string }[]>`
      select startup_id as "startupId", mentor_id as "mentorId" from public.publish_mentor_proposal(${programme.id})`;
    if (pairs.length > 0) {
      await audit(tx, {
        orgId: programme.orgId,
        scopeId: programme.id,
        subjectType: "programme",
        subjectId: programme.id,
        kind: "mentors_published",
        detail: { pairs: pairs.length },
      });
      await mailMatches(tx, programme.id, pairs);
    }
    return { published: pairs.length, skipped: Math.max(0, before - pairs.length) };
  });
}
