import { NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { loadCallForm } from "../call-form.server";
import { callHeader, type CallSettings } from "./call-settings.server";
import { assertManagesCall, hasSubmissions, moved } from "../access.server";
import { parseInput, refused, type Outcome } from "~/platform/http/form.server";
import { requireId } from "~/platform/ids.server";
import { IdSchema, MoveSchema, QuestionSchema, StepTitleSchema, type QuestionInput } from "./schema";
import type { Question } from "../types";

// The application form of a call: questions grouped by step.
//
// Once a call has submitted applications, its form may change only in ways that keep those
// applications whole (decision: app/modules/applications/decisions/changing-a-live-form.md):
// - new questions may be added, but only as optional ones (a required one would make every
//   submitted application incomplete after the fact);
// - an optional question may not become required;
// - a question that has answers (draft or submitted) may not be removed, nor change its kind;
// - wording, help, blind flag, limits, steps and order may change at any time.

export type BuilderQuestion = Question & { answers: number };

export async function formBuilderPage(claims: Claims, callId: string): Promise<{ call: CallSettings; questions: BuilderQuestion[]; locked: boolean }> {
  const id = requireId(callId);
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    const [call, form, counts] = await Promise.all([
      callHeader(tx, id),
      loadCallForm(tx, { id }),
      tx<{ id: string; answers: number }[]>`
        select q.id, (select count(*) from public.application_answers a where a.question_id = q.id)::int
                     + (select count(*) from public.application_files f where f.question_id = q.id)::int as answers
          from public.call_questions q where q.call_id = ${id}`,
    ]);
    if (!form) throw new NotFoundError();
    const answers = new Map(counts.map((c) => [c.id, c.answers]));
    return { call, questions: form.questions.map((q) => ({ ...q, answers: answers.get(q.id) ?? 0 })), locked: call.submitted > 0 };
  });
}

const answered = async (tx: Tx, questionId: string) => {
  const [row] = await tx<{ answered: boolean }[]>`
    select exists (select 1 from public.application_answers where question_id = ${questionId})
        or exists (select 1 from public.application_files where question_id = ${questionId}) as answered`;
  return !!row?.answered;
};

const columns = (q: QuestionInput, tx: Tx) => ({
  step: q.step,
  kind: q.kind,
  label_vi: q.labelVi,
  label_en: q.labelEn,
  help_vi: q.helpVi,
  help_en: q.helpEn,
  required: q.required,
  blind: q.blind,
  options: tx.json(q.options),
  max_length: q.maxLength,
  min_number: q.minNumber,
  max_number: q.maxNumber,
  eligibility_values: q.eligibilityValues,
});

export async function addQuestion(claims: Claims, callId: string, input: unknown): Promise<Outcome<{ id: string }>> {
  const id = requireId(callId);
  const form = parseInput(QuestionSchema, input);
  if (!form.ok) return form;
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    if (form.data.required && (await hasSubmissions(tx, id))) return refused({ required: "setup.errors.requiredAfterSubmissions" });
    const c = columns(form.data, tx);
    const [row] = await tx<{ id: string }[]>`
      insert into public.call_questions (call_id, step, position, kind, label_vi, label_en, help_vi, help_en, required, blind,
                                         options, max_length, min_number, max_number, eligibility_values)
      select ${id}, ${c.step}, coalesce(max(position), 0) + 1, ${c.kind}, ${c.label_vi}, ${c.label_en}, ${c.help_vi}, ${c.help_en},
             ${c.required}, ${c.blind}, ${c.options}, ${c.max_length}, ${c.min_number}, ${c.max_number}, ${c.eligibility_values}::text[]
        from public.call_questions where call_id = ${id} and step = ${c.step}
      returning id`;
    return { ok: true as const, value: { id: row!.id } };
  });
}

export async function updateQuestion(claims: Claims, callId: string, input: unknown): Promise<Outcome> {
  const id = requireId(callId);
  const target = parseInput(IdSchema, input);
  if (!target.ok) return target;
  const form = parseInput(QuestionSchema, input);
  if (!form.ok) return form;
  const questionId = target.data.id;
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    const [old] = await tx<{ kind: string; required: boolean; step: number }[]>`
      select kind, required, step from public.call_questions where id = ${questionId} and call_id = ${id}`;
    if (!old) throw new NotFoundError();
    if (old.kind !== form.data.kind && (await answered(tx, questionId))) return refused({ kind: "setup.errors.kindLocked" });
    if (!old.required && form.data.required && (await hasSubmissions(tx, id)))
      return refused({ required: "setup.errors.requiredAfterSubmissions" });
    const c = columns(form.data, tx);
    await tx`
      update public.call_questions
         set step = ${c.step}, kind = ${c.kind}, label_vi = ${c.label_vi}, label_en = ${c.label_en}, help_vi = ${c.help_vi},
             help_en = ${c.help_en}, required = ${c.required}, blind = ${c.blind}, options = ${c.options},
             max_length = ${c.max_length}, min_number = ${c.min_number}, max_number = ${c.max_number},
             eligibility_values = ${c.eligibility_values}::text[],
             position = case when step = ${c.step} then position
                             else (select coalesce(max(position), 0) + 1 from public.call_questions
                                    where call_id = ${id} and step = ${c.step}) end
       where id = ${questionId} and call_id = ${id}`;
    return { ok: true as const, value: undefined };
  });
}

/** Refused, with a message, when anyone has answered the question: their answers are kept. */
export async function removeQuestion(claims: Claims, callId: string, input: unknown): Promise<Outcome> {
  const id = requireId(callId);
  const target = parseInput(IdSchema, input);
  if (!target.ok) return target;
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    if (await answered(tx, target.data.id)) return refused({ form: "setup.errors.questionHasAnswers" });
    const removed = await tx`delete from public.call_questions where id = ${target.data.id} and call_id = ${id}`;
    if (removed.count !== 1) throw new NotFoundError();
    return { ok: true as const, value: undefined };
  });
}

/** Up or down within its step. */
export async function moveQuestion(claims: Claims, callId: string, input: unknown): Promise<Outcome> {
  const id = requireId(callId);
  const form = parseInput(MoveSchema, input);
  if (!form.ok) return form;
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    const siblings = await tx<{ id: string }[]>`
      select q.id from public.call_questions q
       where q.call_id = ${id} and q.step = (select step from public.call_questions where id = ${form.data.id} and call_id = ${id})
       order by q.position, q.created_at`;
    const order = moved(siblings.map((s) => s.id), form.data.id, form.data.direction);
    if (order) {
      await tx`update public.call_questions q set position = o.n
                 from unnest(${order}::uuid[]) with ordinality as o(id, n) where q.id = o.id and q.call_id = ${id}`;
    }
    return { ok: true as const, value: undefined };
  });
}

/** Names a step of the form (both titles empty: the step reads "Step n" again). */
export async function nameStep(claims: Claims, callId: string, input: unknown): Promise<Outcome> {
  const id = requireId(callId);
  const form = parseInput(StepTitleSchema, input);
  if (!form.ok) return form;
  const { step, vi, en } = form.data;
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    const key = String(step);
    const updated = vi
      ? await tx`update public.calls set step_titles = step_titles || jsonb_build_object(${key}::text, jsonb_build_object('vi', ${vi}::text, 'en', ${en}::text))
                  where id = ${id}`
      : await tx`update public.calls set step_titles = step_titles - ${key}::text where id = ${id}`;
    if (updated.count !== 1) throw new NotFoundError();
    return { ok: true as const, value: undefined };
  });
}
