import { randomUUID } from "node:crypto";
import { NotFoundError } from "~/platform/db/errors.server";
import { audit } from "~/platform/audit/audit.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { parseInput, type Outcome } from "~/platform/http/form.server";
import { requireId } from "~/platform/ids.server";
import { SLUG_MAX } from "~/platform/slug";
import { assertManagesCall, assertManagesProgramme } from "../access.server";
import { IdSchema } from "./schema";

// A call cloned from an earlier one of the same programme: its settings, form, rubric (with the
// anchored levels), tracks and decision templates, as a new unpublished draft. Never its
// applications, reviews, reviewers or decisions. One transaction as the manager, so RLS checks
// every row written: only someone who manages the call can copy it.

const COPY = { vi: " (bản sao)", en: " (copy)" } as const;
const TITLE_MAX = 200;

/** `slug-copy`, `slug-copy-2`, … cut so that each fits an address. */
export function copySlugs(slug: string, tries = 9): string[] {
  return Array.from({ length: tries }, (_, i) => {
    const suffix = i === 0 ? "-copy" : `-copy-${i + 1}`;
    return `${slug.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
  });
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "23505";

/** The new call row, under the first free address (a taken one may belong to a call we cannot see). */
async function insertCall(tx: Tx, sourceId: string, newId: string): Promise<void> {
  const [source] = await tx<{ slug: string }[]>`select slug from public.calls where id = ${sourceId}`;
  if (!source) throw new NotFoundError();
  const candidates = [...copySlugs(source.slug), `${source.slug.slice(0, SLUG_MAX - 14).replace(/-+$/, "")}-copy-${newId.slice(0, 8)}`];
  for (const slug of candidates) {
    try {
      // A savepoint: a taken address rolls back this attempt only.
      // No RETURNING: the new row is not yet visible to the select policy's check.
      await tx.savepoint(
        (sp) => sp`
          insert into public.calls (id, program_id, slug, title_vi, title_en, description_vi, description_en, opens_at, closes_at,
                                    time_zone, published, blind_fields, reviews_per_application, shortlist_threshold, offer_days,
                                    review_due_at, z_min_reviews, step_titles)
          select ${newId}, c.program_id, ${slug},
                 left(c.title_vi, ${TITLE_MAX - COPY.vi.length}) || ${COPY.vi}, left(c.title_en, ${TITLE_MAX - COPY.en.length}) || ${COPY.en},
                 c.description_vi, c.description_en, c.opens_at, c.closes_at, c.time_zone, false, c.blind_fields,
                 c.reviews_per_application, c.shortlist_threshold, c.offer_days, c.review_due_at, c.z_min_reviews, c.step_titles
            from public.calls c where c.id = ${sourceId}`,
      );
      return;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error("no free address for the copied call");
}

/** Form, rubric with levels, tracks and templates of `sourceId`, copied to `newId`. */
async function copyContents(tx: Tx, sourceId: string, newId: string): Promise<void> {
  await tx`
    insert into public.call_tracks (call_id, position, name_vi, name_en)
    select ${newId}, position, name_vi, name_en from public.call_tracks where call_id = ${sourceId}`;
  await tx`
    insert into public.call_questions (call_id, step, position, kind, label_vi, label_en, help_vi, help_en, required, options,
                                       max_length, min_number, max_number, blind, eligibility_values)
    select ${newId}, step, position, kind, label_vi, label_en, help_vi, help_en, required, options,
           max_length, min_number, max_number, blind, eligibility_values
      from public.call_questions where call_id = ${sourceId}`;
  const criteria = await tx<{ id: string }[]>`select id from public.rubric_criteria where call_id = ${sourceId} order by position, id`;
  const oldIds = criteria.map((c) => c.id);
  const newIds = criteria.map(() => randomUUID());
  if (oldIds.length > 0) {
    await tx`
      insert into public.rubric_criteria (id, call_id, position, name_vi, name_en, description_vi, description_en, weight, comment_required, max_level)
      select m.new_id, ${newId}, r.position, r.name_vi, r.name_en, r.description_vi, r.description_en, r.weight, r.comment_required, r.max_level
        from unnest(${oldIds}::uuid[], ${newIds}::uuid[]) as m(old_id, new_id) join public.rubric_criteria r on r.id = m.old_id`;
    await tx`
      insert into public.rubric_levels (criterion_id, level, description_vi, description_en)
      select m.new_id, l.level, l.description_vi, l.description_en
        from unnest(${oldIds}::uuid[], ${newIds}::uuid[]) as m(old_id, new_id) join public.rubric_levels l on l.criterion_id = m.old_id`;
  }
  await tx`
    insert into public.decision_templates (call_id, decision, body_vi, body_en)
    select ${newId}, decision, body_vi, body_en from public.decision_templates where call_id = ${sourceId}`;
}

/** A draft copy of one of the programme's calls; only its managers may make one. */
export async function cloneCall(claims: Claims, programmeId: string, input: unknown): Promise<Outcome<{ id: string }>> {
  const programme = requireId(programmeId);
  const form = parseInput(IdSchema, input);
  if (!form.ok) return form;
  const sourceId = form.data.id;
  return asUser(claims, async (tx) => {
    await assertManagesProgramme(tx, programme);
    await assertManagesCall(tx, sourceId);
    const [inProgramme] = await tx`select 1 from public.calls where id = ${sourceId} and program_id = ${programme}`;
    if (!inProgramme) throw new NotFoundError();
    const newId = randomUUID();
    await insertCall(tx, sourceId, newId);
    await copyContents(tx, sourceId, newId);
    // The copy's log starts by saying where it came from (its copied rows follow as "added").
    const [source] = await tx<{ orgId: string; title: { vi: string; en: string } }[]>`
      select p.org_id as "orgId", json_build_object('vi', c.title_vi, 'en', c.title_en) as title
        from public.calls c join public.programs p on p.id = c.program_id where c.id = ${sourceId}`;
    await audit(tx, { orgId: source!.orgId, scopeId: newId, subjectType: "call", subjectId: newId, kind: "cloned", detail: { from: sourceId, label: source!.title } });
    return { ok: true as const, value: { id: newId } };
  });
}
