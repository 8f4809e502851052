import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { NotFoundError } from "~/platform/db/errors.server";
import { parseForm, type FieldErrors } from "~/platform/http/form.server";
import { requireId } from "~/platform/ids.server";
import type { Round } from "./page.server";
import { scoreSchema, toScoreInput, type ScoredCriterion } from "./schema";

// The reviewer's commands: save draft scores, submit, abstain, declare a conflict of interest.
// Each runs in one transaction as the reviewer (RLS), with their assignment row locked, so two
// clicks or two tabs cannot interleave. The database lets reviewers update their own rows; the
// rule that a submitted or abstained review is final lives here.

export type ReviewOutcome =
  | { kind: "saved" }
  | { kind: "submitted" }
  | { kind: "abstained" }
  | { kind: "recused"; code: string }
  | { kind: "invalid"; errors: FieldErrors }
  | { kind: "refused"; message: string };

type Locked = { round: Round; status: "assigned" | "submitted" | "abstained"; callId: string; code: string; appStatus: string };

/** The viewer's live assignment for the application (the round given, else the current one), locked; not found without one. */
async function lockAssignment(tx: Tx, applicationId: string, round: Round | null): Promise<Locked> {
  const [row] = await tx<Locked[]>`
    select r.round, r.status, a.call_id as "callId", a.code, a.status as "appStatus"
      from public.review_assignments r join public.assigned_applications() a on a.id = r.application_id
     where r.application_id = ${requireId(applicationId)} and r.reviewer_id = (select auth.uid()) and r.status <> 'recused'
       and (${round}::public.app_stage is null or r.round = ${round}::public.app_stage)
     order by (r.round = a.stage) desc, r.assigned_at desc
     limit 1
       for update of r`;
  if (!row) throw new NotFoundError();
  return row;
}

const FINAL = { kind: "refused", message: "review.errors.final" } as const;
const WITHDRAWN = { kind: "refused", message: "review.errors.withdrawn" } as const;

/** Save draft scores (status stays 'assigned') or submit them (all scored; then final). */
export function scoreReview(claims: Claims, applicationId: string, round: Round | null, form: FormData): Promise<ReviewOutcome> {
  return asUser(claims, async (tx): Promise<ReviewOutcome> => {
    const locked = await lockAssignment(tx, applicationId, round);
    if (locked.status !== "assigned") {
      // A second click on Submit finds the review already submitted: same answer, nothing written.
      return locked.status === "submitted" && form.get("intent") === "submit" ? { kind: "submitted" } : FINAL;
    }
    if (locked.appStatus !== "submitted") return WITHDRAWN;
    const criteria = await tx<ScoredCriterion[]>`
      select id, max_level as "maxLevel", comment_required as "commentRequired"
        from public.rubric_criteria where call_id = ${locked.callId} order by position, name_en`;
    if (criteria.length === 0) return { kind: "refused", message: "review.errors.noRubric" };
    const parsed = parseForm(form, scoreSchema(criteria));
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const input = toScoreInput(criteria, parsed.data as Record<string, unknown>);
    const rows = input.scores.map((s) => ({
      application_id: applicationId,
      reviewer_id: claims.sub,
      round: locked.round,
      criterion_id: s.criterionId,
      level: s.level,
      comment: s.comment,
    }));
    if (rows.length > 0) {
      await tx`
        insert into public.review_scores ${tx(rows, "application_id", "reviewer_id", "round", "criterion_id", "level", "comment")}
        on conflict (application_id, reviewer_id, round, criterion_id)
        do update set level = excluded.level, comment = excluded.comment`;
    }
    const submit = input.intent === "submit";
    await tx`
      update public.review_assignments
         set comment = ${input.overall},
             internal_comment = ${input.internal},
             status = ${submit ? "submitted" : "assigned"},
             submitted_at = ${submit ? tx`now()` : null}
       where application_id = ${applicationId} and reviewer_id = (select auth.uid()) and round = ${locked.round}`;
    return { kind: submit ? "submitted" : "saved" };
  });
}

/** Abstain from scoring, with a reason; draft scores are discarded. Final like a submission. */
export function abstain(claims: Claims, applicationId: string, round: Round | null, reason: string): Promise<ReviewOutcome> {
  return asUser(claims, async (tx): Promise<ReviewOutcome> => {
    const locked = await lockAssignment(tx, applicationId, round);
    if (locked.status !== "assigned") return FINAL;
    await tx`delete from public.review_scores
              where application_id = ${applicationId} and reviewer_id = (select auth.uid()) and round = ${locked.round}`;
    await tx`update public.review_assignments set status = 'abstained', comment = ${reason}
              where application_id = ${applicationId} and reviewer_id = (select auth.uid()) and round = ${locked.round}`;
    return { kind: "abstained" };
  });
}

/**
 * Declare a conflict of interest: the reviewer's scores for the round are deleted and the
 * assignment marked recused in one transaction; from then on RLS hides the application from them.
 * Allowed at any point, even after submitting: a conflict found late still disqualifies a review.
 */
export function recuse(claims: Claims, applicationId: string, round: Round | null, reason: string): Promise<ReviewOutcome> {
  return asUser(claims, async (tx): Promise<ReviewOutcome> => {
    const locked = await lockAssignment(tx, applicationId, round);
    // Scores first: once recused, the reviewer may no longer touch them.
    await tx`delete from public.review_scores
              where application_id = ${applicationId} and reviewer_id = (select auth.uid()) and round = ${locked.round}`;
    await tx`update public.review_assignments set status = 'recused', recusal_reason = ${reason}
              where application_id = ${applicationId} and reviewer_id = (select auth.uid()) and round = ${locked.round}`;
    return { kind: "recused", code: locked.code };
  });
}
