import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { planAssignments } from "./assignment-plan";
import { invitePanel, reviewerPool, type InvitePanel } from "./invitations.server";
import { mailAssigned } from "./reminders.server";
import { managedCall, type ManagedCall } from "../managed-call.server";
import { displayNames } from "../people.server";

// Reviewer assignment of a call (round "review"): the pool is the organisation's members with the
// reviewer role and the people added to the call (members, guest judges: invitations.server.ts);
// an application is assignable once submitted, not screened out and not decided.
export type ReviewerProgress = {
  id: string;
  name: string;
  /** A guest judge of this call only (not a member of the organisation). */
  guest: boolean;
  /** Active reviews: pending or submitted. Abstentions and recusals are counted apart. */
  assigned: number;
  pending: number;
  submitted: number;
  abstained: number;
  recused: number;
  remindedAt: Date | null;
};

export type ReviewersPage = {
  call: ManagedCall;
  reviewers: ReviewerProgress[];
  assignable: number;
  /** Assignable applications with fewer than N active reviews. */
  underReviewed: number;
  /** Reviews of assignable applications that no longer count: the next automatic run replaces them. */
  withdrawn: { recused: number; abstained: number };
  invite: InvitePanel;
};

/** The reviewers page: the pool with each reviewer's progress, in one statement after the guard. */
export function reviewersPage(claims: Claims, callId: string): Promise<ReviewersPage> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    const [row] = await tx<{ reviewers: ReviewerProgress[]; assignable: number; under_reviewed: number; withdrawn: ReviewersPage["withdrawn"] }[]>`
      with pool as (${reviewerPool(tx, call)}), work as (
        select r.reviewer_id, r.status, r.reminded_at
          from public.review_assignments r join public.applications a on a.id = r.application_id
         where a.call_id = ${call.id} and r.round = 'review'
      ), apps as (
        -- abstained and recused reviews will never be scored: they are not active
        select a.id,
               (select count(*) from public.review_assignments r
                 where r.application_id = a.id and r.round = 'review' and r.status in ('assigned', 'submitted')) as active,
               (select count(*) from public.review_assignments r
                 where r.application_id = a.id and r.round = 'review' and r.status = 'recused') as recused,
               (select count(*) from public.review_assignments r
                 where r.application_id = a.id and r.round = 'review' and r.status = 'abstained') as abstained
          from public.applications a
         where a.call_id = ${call.id} and a.status = 'submitted' and a.eligible is not false and a.decision is null
      ), per_reviewer as (
        select p.user_id as id, coalesce(pr.display_name, '—') as name,
               exists (select 1 from public.call_reviewers g where g.call_id = ${call.id} and g.user_id = p.user_id and g.guest) as guest,
               count(w.status) filter (where w.status in ('assigned', 'submitted'))::int as assigned,
               count(w.status) filter (where w.status = 'assigned')::int as pending,
               count(w.status) filter (where w.status = 'submitted')::int as submitted,
               count(w.status) filter (where w.status = 'abstained')::int as abstained,
               count(w.status) filter (where w.status = 'recused')::int as recused,
               max(w.reminded_at) as "remindedAt"
          from pool p left join public.profiles pr on pr.id = p.user_id left join work w on w.reviewer_id = p.user_id
         group by p.user_id, pr.display_name
      )
      select coalesce((select json_agg(r order by r.name) from per_reviewer r), '[]') as reviewers,
             (select count(*)::int from apps) as assignable,
             (select count(*)::int from apps where active < ${call.reviewsPerApplication}) as under_reviewed,
             (select json_build_object('recused', coalesce(sum(recused), 0)::int, 'abstained', coalesce(sum(abstained), 0)::int) from apps) as withdrawn`;
    const r = row!;
    // A guest judge's profile is not the manager's to read under RLS: their name through the service path.
    const names = await displayNames(tx, r.reviewers.filter((x) => x.guest).map((x) => x.id));
    for (const x of r.reviewers) x.name = names[x.id] ?? x.name;
    return { call, reviewers: r.reviewers, assignable: r.assignable, underReviewed: r.under_reviewed, withdrawn: r.withdrawn, invite: await invitePanel(tx, call) };
  });
}

export type AssignOutcome = { assigned: number; skippedConflicts: number; short: number };

/** Serialises assignment runs of one call, so two managers clicking at once cannot overshoot N. */
const lockCall = (tx: Tx, callId: string) => tx`select pg_advisory_xact_lock(hashtextextended(${"assign:" + callId}, 0))`;

/**
 * Chosen reviewers get every assignable application of a track. Conflicted pairs are left out
 * by the query itself (the trigger that refuses them never fires); existing pairs stay as they are.
 */
export function assignByTrack(claims: Claims, callId: string, trackId: string, reviewerIds: string[]): Promise<AssignOutcome | "unknown_track"> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    if (!call.tracks.some((t) => t.id === trackId)) return "unknown_track";
    await lockCall(tx, call.id);
    const [row] = await tx<{ assigned: number; conflicts: number; reviewers: string[] }[]>`
      with pool as (
        select p.user_id from (${reviewerPool(tx, call)}) p where p.user_id = any(${tx.array(reviewerIds)}::uuid[])
      ), pairs as (
        select a.id as application_id, p.user_id as reviewer_id, public.reviewer_conflicted(a.id, p.user_id) as conflicted
          from public.applications a cross join pool p
         where a.call_id = ${call.id} and a.track_id = ${trackId} and a.status = 'submitted'
           and a.eligible is not false and a.decision is null
      ), inserted as (
        insert into public.review_assignments (application_id, reviewer_id, round, assigned_by)
        select application_id, reviewer_id, 'review', ${claims.sub} from pairs where not conflicted
        on conflict (application_id, reviewer_id, round) do nothing
        returning reviewer_id
      )
      select (select count(*)::int from inserted) as assigned, (select count(*)::int from pairs where conflicted) as conflicts,
             (select coalesce(array_agg(reviewer_id), '{}') from inserted) as reviewers`;
    await mailAssigned(tx, call, row!.reviewers);
    return { assigned: row!.assigned, skippedConflicts: row!.conflicts, short: 0 };
  });
}

/**
 * Balanced automatic assignment: every assignable application gets N = reviews_per_application
 * active reviews, each reviewer a fair share (greedy least-loaded, see assignment-plan.ts).
 * Reads everything in one statement, writes in one; running it again changes nothing.
 */
export function autoAssign(claims: Claims, callId: string): Promise<AssignOutcome> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    await lockCall(tx, call.id);
    type Pair = { applicationId: string; reviewerId: string };
    const [state] = await tx<{ applications: string[]; reviewers: string[]; existing: (Pair & { inactive: boolean })[]; conflicts: Pair[] }[]>`
      with apps as (
        select a.id from public.applications a
         where a.call_id = ${call.id} and a.status = 'submitted' and a.eligible is not false and a.decision is null
      ), pool as (
        select p.user_id as id from (${reviewerPool(tx, call)}) p
      )
      select coalesce((select array_agg(id order by id) from apps), '{}') as applications,
             coalesce((select array_agg(id order by id) from pool), '{}') as reviewers,
             coalesce((select json_agg(json_build_object('applicationId', r.application_id, 'reviewerId', r.reviewer_id,
                                                         'inactive', r.status in ('recused', 'abstained')))
                         from public.review_assignments r join apps on apps.id = r.application_id where r.round = 'review'), '[]') as existing,
             coalesce((select json_agg(json_build_object('applicationId', apps.id, 'reviewerId', pool.id))
                         from apps cross join pool where public.reviewer_conflicted(apps.id, pool.id)), '[]') as conflicts`;
    const plan = planAssignments({ ...state!, perApplication: call.reviewsPerApplication });
    if (plan.pairs.length > 0) {
      // the audit trigger records these assignments as automatic (transaction-local setting)
      await tx`select set_config('app.assignment_via', 'automatic', true)`;
      const inserted = await tx<{ reviewer_id: string }[]>`
        insert into public.review_assignments (application_id, reviewer_id, round, assigned_by)
        select a, r, 'review', ${claims.sub}
          from unnest(${tx.array(plan.pairs.map((p) => p.applicationId))}::uuid[], ${tx.array(plan.pairs.map((p) => p.reviewerId))}::uuid[]) as x(a, r)
        on conflict (application_id, reviewer_id, round) do nothing
        returning reviewer_id`;
      await mailAssigned(tx, call, inserted.map((r) => r.reviewer_id));
    }
    return { assigned: plan.pairs.length, skippedConflicts: state!.conflicts.length, short: plan.short.length };
  });
}
