import { asUser, type Claims } from "~/platform/db/transaction.server";
import type { AnswerValue } from "./schema";
import type { Bilingual } from "~/platform/i18n/i18n";
import type { ChoiceOption, Question } from "../types";
import { NotFoundError } from "~/platform/db/errors.server";

export type MyApplication = {
  id: string;
  code: string;
  status: "draft" | "submitted" | "withdrawn";
  decision: string | null;
  offerResponse: string | null;
  startupName: string;
  callSlug: string;
  callTitle: Bilingual;
  closesAt: string;
  submittedAt: string | null;
  updatedAt: string;
};

/** The applications of the viewer's startups (not those they review or manage), newest first. */
export function listMyApplications(claims: Claims): Promise<MyApplication[]> {
  return asUser(
    claims,
    (tx) => tx<MyApplication[]>`
      select a.id, a.code, a.status, a.decision, a.offer_response as "offerResponse", s.name as "startupName",
             c.slug as "callSlug", json_build_object('vi', c.title_vi, 'en', c.title_en) as "callTitle",
             c.closes_at as "closesAt", a.submitted_at as "submittedAt", a.updated_at as "updatedAt"
        from public.applications a
        join public.startups s on s.id = a.startup_id
        join public.calls c on c.id = a.call_id
       where a.startup_id in (select startup_id from public.startup_members where user_id = ${claims.sub})
       order by a.updated_at desc
       limit 500`,
  );
}

export type TimelineEvent = { kind: string; fromValue: string | null; toValue: string | null; at: string };
export type ReleasedReview = { reviewer: number; overall: string; scores: { criterion: Bilingual; level: number; maxLevel: number; comment: string }[] };
export type AnswerView = { id: string; step: number; kind: Question["kind"]; label: Bilingual; options: ChoiceOption[]; value: AnswerValue | null; file: { id: string; name: string } | null };

export type ApplicationView = {
  id: string;
  code: string;
  status: "draft" | "submitted" | "withdrawn";
  stage: string;
  decision: "accepted" | "waitlisted" | "rejected" | null;
  decidedAt: string | null;
  offerExpiresAt: string | null;
  offerResponse: "confirmed" | "declined" | "lapsed" | null;
  respondedAt: string | null;
  feedbackReleased: boolean;
  submittedAt: string | null;
  createdAt: string;
  startupName: string;
  startupSlug: string;
  track: Bilingual | null;
  call: { slug: string; title: Bilingual; programmeName: Bilingual; closesAt: string; timeZone: string; open: boolean };
  events: TimelineEvent[];
  answers: AnswerView[];
  reviews: ReleasedReview[];
};

/**
 * A founder's view of one application, in one statement: status, the audit trail as a timeline,
 * the answers, and, once released, the reviewers' scores and comments, numbered, never named.
 * Null when the viewer is not a founder of the startup (the page answers 404).
 */
export async function applicationForFounder(claims: Claims, id: string): Promise<ApplicationView> {
  const [row] = await asUser(
    claims,
    (tx) => tx<ApplicationView[]>`
      select a.id, a.code, a.status, a.stage, a.decision, a.decided_at as "decidedAt", a.offer_expires_at as "offerExpiresAt",
             a.offer_response as "offerResponse", a.responded_at as "respondedAt", a.feedback_released as "feedbackReleased",
             a.submitted_at as "submittedAt", a.created_at as "createdAt", s.name as "startupName", s.slug as "startupSlug",
             (select json_build_object('vi', t.name_vi, 'en', t.name_en) from public.call_tracks t where t.id = a.track_id) as track,
             json_build_object('slug', c.slug, 'title', json_build_object('vi', c.title_vi, 'en', c.title_en),
               'programmeName', json_build_object('vi', p.name_vi, 'en', p.name_en), 'closesAt', c.closes_at,
               'timeZone', c.time_zone, 'open', now() >= c.opens_at and now() < c.closes_at) as call,
             coalesce((select json_agg(json_build_object('kind', e.kind, 'fromValue', e.from_value, 'toValue', e.to_value, 'at', e.created_at)
                         order by e.created_at, e.id)
                         from public.application_events e where e.application_id = a.id), '[]') as events,
             coalesce((select json_agg(json_build_object('id', q.id, 'step', q.step, 'kind', q.kind,
                         'label', json_build_object('vi', q.label_vi, 'en', q.label_en), 'options', q.options,
                         'value', x.value, 'file', case when f.id is null then null else json_build_object('id', f.id, 'name', f.original_name) end)
                         order by q.step, q.position, q.created_at)
                         from public.call_questions q
                         left join public.application_answers x on x.application_id = a.id and x.question_id = q.id
                         left join public.application_files f on f.application_id = a.id and f.question_id = q.id
                        where q.call_id = a.call_id), '[]') as answers,
             -- exactly what the reviewer's form said founders would read: released_feedback() (SQL)
             coalesce((select json_agg(json_build_object('reviewer', r.reviewer, 'overall', r.overall, 'scores', r.scores) order by r.reviewer)
                         from public.released_feedback(a.id) r), '[]') as reviews
        from public.applications a
        join public.startups s on s.id = a.startup_id
        join public.calls c on c.id = a.call_id
        join public.programs p on p.id = c.program_id
       where a.id = ${id} and public.is_startup_member(a.startup_id)`,
  );
  if (!row) throw new NotFoundError();
  // top-level timestamps arrive as Dates; the page compares them with the ISO strings of the timeline
  const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
  return {
    ...row,
    createdAt: iso(row.createdAt)!,
    submittedAt: iso(row.submittedAt),
    decidedAt: iso(row.decidedAt),
    offerExpiresAt: iso(row.offerExpiresAt),
    respondedAt: iso(row.respondedAt),
  };
}
