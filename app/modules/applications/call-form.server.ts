import type { Statements } from "~/platform/db/transaction.server";
import type { Call, CallForm, Criterion, Question, Track } from "./types";

/**
 * A call with everything its form and rubric need, in one statement. RLS decides whether the
 * viewer may see it (published, or a manager of the call's organisation); null otherwise.
 */
export async function loadCallForm(tx: Statements, by: { slug: string } | { id: string }): Promise<CallForm | null> {
  const slug = "slug" in by ? by.slug : null;
  const id = "id" in by ? by.id : null;
  const [row] = await tx<{ call: Call; tracks: Track[]; questions: Question[]; criteria: Criterion[] }[]>`
    select
      json_build_object(
        'id', c.id, 'slug', c.slug, 'programmeId', p.id, 'programmeSlug', p.slug,
        'programmeName', json_build_object('vi', p.name_vi, 'en', p.name_en),
        'orgId', o.id, 'orgSlug', o.slug, 'orgName', json_build_object('vi', o.name_vi, 'en', o.name_en),
        'title', json_build_object('vi', c.title_vi, 'en', c.title_en),
        'description', json_build_object('vi', c.description_vi, 'en', c.description_en),
        'opensAt', c.opens_at, 'closesAt', c.closes_at, 'timeZone', c.time_zone, 'published', c.published,
        'blindFields', c.blind_fields, 'reviewsPerApplication', c.reviews_per_application,
        'shortlistThreshold', c.shortlist_threshold, 'offerDays', c.offer_days, 'stepTitles', c.step_titles) as call,
      coalesce((select json_agg(json_build_object('id', t.id, 'name', json_build_object('vi', t.name_vi, 'en', t.name_en))
                  order by t.position, t.name_en)
                  from public.call_tracks t where t.call_id = c.id), '[]') as tracks,
      coalesce((select json_agg(json_build_object(
                  'id', q.id, 'step', q.step, 'position', q.position, 'kind', q.kind,
                  'label', json_build_object('vi', q.label_vi, 'en', q.label_en),
                  'help', json_build_object('vi', q.help_vi, 'en', q.help_en),
                  'required', q.required, 'options', q.options, 'maxLength', q.max_length,
                  'minNumber', q.min_number, 'maxNumber', q.max_number, 'blind', q.blind,
                  'eligibilityValues', q.eligibility_values) order by q.step, q.position, q.created_at)
                  from public.call_questions q where q.call_id = c.id), '[]') as questions,
      coalesce((select json_agg(json_build_object(
                  'id', r.id, 'position', r.position, 'name', json_build_object('vi', r.name_vi, 'en', r.name_en),
                  'description', json_build_object('vi', r.description_vi, 'en', r.description_en),
                  'weight', r.weight, 'commentRequired', r.comment_required, 'maxLevel', r.max_level,
                  'levels', coalesce((select json_agg(json_build_object('level', l.level,
                                        'description', json_build_object('vi', l.description_vi, 'en', l.description_en))
                                        order by l.level)
                                      from public.rubric_levels l where l.criterion_id = r.id), '[]'))
                  order by r.position, r.name_en)
                  from public.rubric_criteria r where r.call_id = c.id), '[]') as criteria
    from public.calls c
    join public.programs p on p.id = c.program_id
    join public.organisations o on o.id = p.org_id
    where (${slug}::text is null or c.slug = ${slug}) and (${id}::uuid is null or c.id = ${id})`;
  if (!row) return null;
  return {
    call: { ...row.call, opensAt: new Date(row.call.opensAt), closesAt: new Date(row.call.closesAt) },
    tracks: row.tracks,
    questions: row.questions,
    criteria: row.criteria,
  };
}
