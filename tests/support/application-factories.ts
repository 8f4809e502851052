import { randomBytes } from "node:crypto";
import { asService } from "~/platform/db/transaction.server";

// Factories for the applications capability. Everything through the service path, so a test
// states only what it is about.
const uid = () => randomBytes(4).toString("hex");

export async function createProgram(orgId: string) {
  const slug = `prog-${uid()}`;
  const [row] = await asService(
    (tx) => tx<{ id: string }[]>`insert into public.programs (org_id, slug, name_vi, name_en)
      values (${orgId}, ${slug}, ${"Chương trình " + slug}, ${"Programme " + slug}) returning id`,
  );
  return { id: row!.id, slug };
}

export async function createCall(
  programId: string,
  opts: { opensAt?: Date; closesAt?: Date; published?: boolean; blind?: string[]; reviewsPerApplication?: number } = {},
) {
  const slug = `call-${uid()}`;
  const [row] = await asService(
    (tx) => tx<{ id: string }[]>`
      insert into public.calls (program_id, slug, title_vi, title_en, opens_at, closes_at, published, blind_fields, reviews_per_application)
      values (${programId}, ${slug}, ${"Đợt " + slug}, ${"Call " + slug}, ${opts.opensAt ?? new Date(Date.now() - 86_400_000)},
              ${opts.closesAt ?? new Date(Date.now() + 86_400_000)}, ${opts.published ?? true}, ${opts.blind ?? []},
              ${opts.reviewsPerApplication ?? 3})
      returning id`,
  );
  return { id: row!.id, slug };
}

export async function addQuestion(
  callId: string,
  opts: { kind?: string; required?: boolean; blind?: boolean; eligibility?: string[]; step?: number; options?: unknown[] } = {},
) {
  const [row] = await asService(
    (tx) => tx<{ id: string }[]>`
      insert into public.call_questions (call_id, kind, label_vi, label_en, required, blind, eligibility_values, step, options)
      values (${callId}, ${opts.kind ?? "text"}, 'Câu hỏi', 'Question', ${opts.required ?? false}, ${opts.blind ?? false},
              ${opts.eligibility ?? null}, ${opts.step ?? 1}, ${tx.json((opts.options ?? []) as never)})
      returning id`,
  );
  return row!.id;
}

export async function addCriterion(callId: string, weight: number, maxLevel = 5) {
  const [row] = await asService(
    (tx) => tx<{ id: string }[]>`
      insert into public.rubric_criteria (call_id, name_vi, name_en, weight, max_level)
      values (${callId}, 'Tiêu chí', 'Criterion', ${weight}, ${maxLevel}) returning id`,
  );
  return row!.id;
}

export async function createApplication(callId: string, startupId: string, founderId: string, status: "draft" | "submitted" = "submitted") {
  return asService(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      insert into public.applications (call_id, startup_id, created_by) values (${callId}, ${startupId}, ${founderId}) returning id`;
    if (status === "submitted") await tx`update public.applications set status = 'submitted' where id = ${row!.id}`;
    return row!.id;
  });
}

export async function answer(applicationId: string, questionId: string, value: unknown) {
  await asService(
    (tx) => tx`insert into public.application_answers (application_id, question_id, value)
               values (${applicationId}, ${questionId}, ${tx.json(value as never)})
               on conflict (application_id, question_id) do update set value = excluded.value`,
  );
}

export async function assign(applicationId: string, reviewerId: string) {
  await asService(
    (tx) => tx`insert into public.review_assignments (application_id, reviewer_id) values (${applicationId}, ${reviewerId})`,
  );
}

/** A submitted review: levels in the order of the criteria given. */
export async function review(applicationId: string, reviewerId: string, scores: [criterionId: string, level: number][]) {
  await asService(async (tx) => {
    await tx`insert into public.review_assignments (application_id, reviewer_id, status, submitted_at)
             values (${applicationId}, ${reviewerId}, 'submitted', now())
             on conflict (application_id, reviewer_id, round) do update set status = 'submitted', submitted_at = now()`;
    for (const [criterionId, level] of scores) {
      await tx`insert into public.review_scores (application_id, reviewer_id, round, criterion_id, level)
               values (${applicationId}, ${reviewerId}, 'review', ${criterionId}, ${level})`;
    }
  });
}
