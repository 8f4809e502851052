import { NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { loadCallForm } from "../call-form.server";
import { callHeader, type CallSettings } from "./call-settings.server";
import { assertManagesCall, moved } from "../access.server";
import { parseInput, refused, type Outcome } from "~/platform/http/form.server";
import { requireId } from "~/platform/ids.server";
import { CriterionSchema, IdSchema, MoveSchema, type CriterionInput } from "./schema";
import type { Criterion } from "../types";

// The rubric of a call's 'review' round: weighted criteria with anchored level descriptions.
// Scores already given are kept whole: a criterion with scores is not removed, and its maximum
// level cannot drop below a level someone gave.

export type BuilderCriterion = Criterion & { scores: number };

export async function rubricBuilderPage(claims: Claims, callId: string): Promise<{ call: CallSettings; criteria: BuilderCriterion[] }> {
  const id = requireId(callId);
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    const [call, form, counts] = await Promise.all([
      callHeader(tx, id),
      loadCallForm(tx, { id }),
      tx<{ id: string; scores: number }[]>`
        select r.id, (select count(*) from public.review_scores s where s.criterion_id = r.id)::int as scores
          from public.rubric_criteria r where r.call_id = ${id}`,
    ]);
    if (!form) throw new NotFoundError();
    const scores = new Map(counts.map((c) => [c.id, c.scores]));
    return { call, criteria: form.criteria.map((c) => ({ ...c, weight: Number(c.weight), scores: scores.get(c.id) ?? 0 })) };
  });
}

async function saveLevels(tx: Tx, criterionId: string, c: CriterionInput) {
  const levels = c.levels.map((l) => l.level);
  await tx`delete from public.rubric_levels where criterion_id = ${criterionId} and not (level = any (${levels}::int[]))`;
  if (c.levels.length === 0) return;
  await tx`
    insert into public.rubric_levels (criterion_id, level, description_vi, description_en)
    select ${criterionId}, l.level, l.vi, l.en
      from unnest(${levels}::int[], ${c.levels.map((l) => l.vi)}::text[], ${c.levels.map((l) => l.en)}::text[]) as l(level, vi, en)
    on conflict (criterion_id, level) do update set description_vi = excluded.description_vi, description_en = excluded.description_en`;
}

export async function addCriterion(claims: Claims, callId: string, input: unknown): Promise<Outcome<{ id: string }>> {
  const id = requireId(callId);
  const form = parseInput(CriterionSchema, input);
  if (!form.ok) return form;
  const c = form.data;
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    const [row] = await tx<{ id: string }[]>`
      insert into public.rubric_criteria (call_id, position, name_vi, name_en, description_vi, description_en, weight, comment_required, max_level)
      select ${id}, coalesce(max(position), 0) + 1, ${c.nameVi}, ${c.nameEn}, ${c.descriptionVi}, ${c.descriptionEn},
             ${c.weight}, ${c.commentRequired}, ${c.maxLevel}
        from public.rubric_criteria where call_id = ${id}
      returning id`;
    await saveLevels(tx, row!.id, c);
    return { ok: true as const, value: { id: row!.id } };
  });
}

export async function updateCriterion(claims: Claims, callId: string, input: unknown): Promise<Outcome> {
  const id = requireId(callId);
  const target = parseInput(IdSchema, input);
  if (!target.ok) return target;
  const form = parseInput(CriterionSchema, input);
  if (!form.ok) return form;
  const c = form.data;
  const criterionId = target.data.id;
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    const [used] = await tx<{ top: number | null }[]>`
      select max(s.level)::int as top from public.review_scores s where s.criterion_id = ${criterionId}`;
    if (used?.top && used.top > c.maxLevel) return refused({ maxLevel: "setup.errors.levelInUse" });
    const updated = await tx`
      update public.rubric_criteria
         set name_vi = ${c.nameVi}, name_en = ${c.nameEn}, description_vi = ${c.descriptionVi}, description_en = ${c.descriptionEn},
             weight = ${c.weight}, comment_required = ${c.commentRequired}, max_level = ${c.maxLevel}
       where id = ${criterionId} and call_id = ${id}`;
    if (updated.count !== 1) throw new NotFoundError();
    await saveLevels(tx, criterionId, c);
    return { ok: true as const, value: undefined };
  });
}

export async function removeCriterion(claims: Claims, callId: string, input: unknown): Promise<Outcome> {
  const id = requireId(callId);
  const target = parseInput(IdSchema, input);
  if (!target.ok) return target;
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    const [scored] = await tx<{ scored: boolean }[]>`
      select exists (select 1 from public.review_scores where criterion_id = ${target.data.id}) as scored`;
    if (scored?.scored) return refused({ form: "setup.errors.criterionHasScores" });
    const removed = await tx`delete from public.rubric_criteria where id = ${target.data.id} and call_id = ${id}`;
    if (removed.count !== 1) throw new NotFoundError();
    return { ok: true as const, value: undefined };
  });
}

export async function moveCriterion(claims: Claims, callId: string, input: unknown): Promise<Outcome> {
  const id = requireId(callId);
  const form = parseInput(MoveSchema, input);
  if (!form.ok) return form;
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    const ids = (await tx<{ id: string }[]>`select id from public.rubric_criteria where call_id = ${id} order by position, name_en`).map((r) => r.id);
    const order = moved(ids, form.data.id, form.data.direction);
    if (order) {
      await tx`update public.rubric_criteria r set position = o.n
                 from unnest(${order}::uuid[]) with ordinality as o(id, n) where r.id = o.id and r.call_id = ${id}`;
    }
    return { ok: true as const, value: undefined };
  });
}
