import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import type { Bilingual } from "~/platform/i18n/i18n";
import type { ChoiceOption, Criterion } from "../types";
import { NotFoundError } from "~/platform/db/errors.server";
import { requireId } from "~/platform/ids.server";

export type Round = "screening" | "review" | "interview" | "decision";
export const ROUNDS: readonly Round[] = ["screening", "review", "interview", "decision"];

export type ReviewAnswer = {
  questionId: string;
  kind: "text" | "long_text" | "choice" | "multi_choice" | "number" | "file" | "link";
  label: Bilingual;
  options: ChoiceOption[];
  value: unknown;
  file: { id: string; name: string; sizeBytes: number } | null;
};

export type Identity = { name: string | null; sector: string | null; stage: string | null; website: string | null; founders: string[] | null };

export type MyScore = { criterionId: string; level: number; comment: string };

export type ReviewPage = {
  application: { id: string; code: string; status: "draft" | "submitted" | "withdrawn"; submittedAt: string | null; track: Bilingual | null };
  call: { id: string; title: Bilingual; closesAt: string; timeZone: string; blindFields: string[] } | null;
  assignment: { round: Round; status: "assigned" | "submitted" | "abstained"; comment: string; internal: string; submittedAt: string | null };
  answers: ReviewAnswer[];
  hiddenQuestions: number;
  criteria: Criterion[];
  scores: MyScore[];
  identity: Identity | null;
};

type Row = Omit<ReviewPage, "identity"> & { identity: Identity | null };

/**
 * Everything the reviewer may see of one application they are assigned to, in one statement and
 * strictly through RLS: answers and files of blind questions are not readable by a reviewer, and
 * the startup's identity comes from `application_identity()`, which hides what the call makes blind.
 * Null when the viewer has no live (non-recused) assignment for it.
 */
export async function loadReviewPage(tx: Tx, applicationId: string, round: Round | null): Promise<ReviewPage | null> {
  const [row] = await tx<Row[]>`
    select
      json_build_object('id', a.id, 'code', a.code, 'status', a.status, 'submittedAt', a.submitted_at,
        'track', case when t.id is null then null else json_build_object('vi', t.name_vi, 'en', t.name_en) end) as application,
      case when c.id is null then null else json_build_object('id', c.id, 'title', json_build_object('vi', c.title_vi, 'en', c.title_en),
        'closesAt', c.closes_at, 'timeZone', c.time_zone, 'blindFields', c.blind_fields) end as call,
      json_build_object('round', r.round, 'status', r.status, 'comment', r.comment, 'internal', r.internal_comment, 'submittedAt', r.submitted_at) as assignment,
      coalesce((select json_agg(json_build_object(
                  'questionId', q.id, 'kind', q.kind, 'label', json_build_object('vi', q.label_vi, 'en', q.label_en),
                  'options', q.options, 'value', ans.value,
                  -- reviewer_files() names a file by the application's code under blind review
                  'file', case when f.id is null then null else json_build_object('id', f.id, 'sizeBytes', f.size_bytes, 'name', f.name) end)
                  order by q.step, q.position, q.created_at)
                  from public.call_questions q
                  left join public.application_answers ans on ans.application_id = a.id and ans.question_id = q.id
                  left join public.reviewer_files(a.id) f on f.question_id = q.id
                 where q.call_id = a.call_id and not q.blind), '[]') as answers,
      (select count(*)::int from public.call_questions q where q.call_id = a.call_id and q.blind) as "hiddenQuestions",
      coalesce((select json_agg(json_build_object(
                  'id', k.id, 'position', k.position, 'name', json_build_object('vi', k.name_vi, 'en', k.name_en),
                  'description', json_build_object('vi', k.description_vi, 'en', k.description_en),
                  'weight', k.weight, 'commentRequired', k.comment_required, 'maxLevel', k.max_level,
                  'levels', coalesce((select json_agg(json_build_object('level', l.level,
                                        'description', json_build_object('vi', l.description_vi, 'en', l.description_en)) order by l.level)
                                      from public.rubric_levels l where l.criterion_id = k.id), '[]'))
                  order by k.position, k.name_en)
                  from public.rubric_criteria k where k.call_id = a.call_id), '[]') as criteria,
      coalesce((select json_agg(json_build_object('criterionId', s.criterion_id, 'level', s.level, 'comment', s.comment))
                  from public.review_scores s
                 where s.application_id = r.application_id and s.reviewer_id = r.reviewer_id and s.round = r.round), '[]') as scores,
      (select row_to_json(i) from public.application_identity(a.id) i) as identity
    from public.review_assignments r
    join public.assigned_applications() a on a.id = r.application_id
    left join public.call_tracks t on t.id = a.track_id
    left join public.calls c on c.id = a.call_id
    where r.application_id = ${applicationId} and r.reviewer_id = (select auth.uid()) and r.status <> 'recused'
      and (${round}::public.app_stage is null or r.round = ${round}::public.app_stage)
    order by (r.round = a.stage) desc, r.assigned_at desc
    limit 1`;
  if (!row) return null;
  // Under blind review on the organisation, no identity field reaches the page at all.
  const identity = row.identity && Object.values(row.identity).some((v) => v !== null) ? row.identity : null;
  return { ...row, identity };
}

export const parseRound = (v: string | null): Round | null => ((ROUNDS as readonly string[]).includes(v ?? "") ? (v as Round) : null);

/** The reviewer's page for one application; not found (404) when they may not review it. */
export async function reviewPage(claims: Claims, applicationId: string, round: Round | null): Promise<ReviewPage> {
  const id = requireId(applicationId);
  const page = await asUser(claims, (tx) => loadReviewPage(tx, id, round));
  if (!page) throw new NotFoundError();
  return page;
}
