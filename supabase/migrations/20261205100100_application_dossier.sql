-- The manager's application page read its application under RLS: every row of its answers, files,
-- assignments, kept totals, scores, timeline and notes ran its table's policy, and each policy calls
-- manages_application() (a function PostgreSQL cannot inline, itself calling manages_call()). On
-- the bench dataset that was about 140 function executions for an application with 3 reviews and
-- 1,180 with 40 (auto_explain, tests/load/dossier-sql.ts): 23 and 99 ms of PostgreSQL CPU per page.
-- Then the reviewers', actors' and authors' names through the service path (4 statements) and the
-- decide controls (1 more).
--
-- application_dossier() reads all of it in one statement, as ranking_page() reads the ranking: a
-- definer function that checks its caller once (a manager of the call, or the service path), then
-- reads only the application of that call. RLS still guards every table for any other reader.
--
-- Why a new migration: a new function; the tables and their policies stay as they are.

/**
 * One application of the call as its managers see it (nobody else gets a row): the application,
 * every answer (blind ones included, marked), the rubric's criteria, each review with its scores,
 * comments, reasons, totals and the reviewer's name, the kept totals, the timeline with its actors'
 * names, the internal notes with their authors' names, its neighbours in the ranking page's order
 * and filters (ranking_neighbours(), same arguments) and the decide controls (the pending decision
 * and the acceptance warnings). The JSON keys are the page's (app/modules/applications/select/dossier.server.ts).
 */
create function public.application_dossier(call uuid, application uuid, sort text, descending boolean, only_track uuid,
                                           only_stage public.app_stage, only_eligible boolean, only_decision public.app_decision,
                                           undecided boolean, min_score numeric)
returns json
language sql volatile security definer set search_path = ''
as $$
  select json_build_object(
    'application', json_build_object('id', a.id, 'code', a.code, 'startup', s.name, 'status', a.status, 'stage', a.stage,
        'eligible', a.eligible, 'decision', a.decision, 'offerExpiresAt', a.offer_expires_at,
        'offerResponse', a.offer_response, 'submittedAt', a.submitted_at,
        'track', case when t.id is null then null else json_build_object('vi', t.name_vi, 'en', t.name_en) end),
    'answers', coalesce((select json_agg(json_build_object(
                  'questionId', q.id, 'kind', q.kind, 'label', json_build_object('vi', q.label_vi, 'en', q.label_en),
                  'blind', q.blind, 'options', q.options, 'value', ans.value,
                  'file', case when f.id is null then null
                               else json_build_object('id', f.id, 'name', f.original_name, 'sizeBytes', f.size_bytes) end)
                  order by q.step, q.position, q.created_at)
                  from public.call_questions q
                  left join public.application_answers ans on ans.application_id = a.id and ans.question_id = q.id
                  left join public.application_files f on f.application_id = a.id and f.question_id = q.id
                 where q.call_id = a.call_id), '[]'),
    'criteria', coalesce((select json_agg(json_build_object('id', k.id, 'name', json_build_object('vi', k.name_vi, 'en', k.name_en),
                  'weight', k.weight, 'maxLevel', k.max_level) order by k.position, k.name_en)
                  from public.rubric_criteria k where k.call_id = a.call_id), '[]'),
    'reviews', coalesce((select json_agg(json_build_object(
                  'reviewerId', r.reviewer_id, 'reviewer', coalesce(pr.display_name, '—'), 'status', r.status,
                  'reason', r.recusal_reason, 'comment', r.comment, 'internal', r.internal_comment,
                  'submittedAt', r.submitted_at, 'total', rt.total, 'z', rt.z,
                  'scores', coalesce((select json_agg(json_build_object('criterionId', sc.criterion_id, 'level', sc.level, 'comment', sc.comment))
                                        from public.review_scores sc
                                       where sc.application_id = r.application_id and sc.reviewer_id = r.reviewer_id
                                         and sc.round = r.round), '[]'))
                  order by r.assigned_at, r.reviewer_id)
                  from public.review_assignments r
                  left join public.review_totals rt
                    on rt.application_id = r.application_id and rt.reviewer_id = r.reviewer_id and rt.round = r.round
                  left join public.profiles pr on pr.id = r.reviewer_id
                 where r.application_id = a.id and r.round = 'review'), '[]'),
    'totals', (select json_build_object('reviews', x.reviews, 'raw', x.raw_score, 'z', x.z_score)
                 from public.application_scores x where x.application_id = a.id and x.round = 'review'),
    'events', coalesce((select json_agg(json_build_object('kind', e.kind, 'from', e.from_value, 'to', e.to_value,
                  'actor', pe.display_name, 'at', e.created_at) order by e.created_at, e.id)
                  from public.application_events e left join public.profiles pe on pe.id = e.actor_id
                 where e.application_id = a.id), '[]'),
    'notes', coalesce((select json_agg(json_build_object('id', n.id, 'author', coalesce(pn.display_name, '—'), 'body', n.body,
                  'at', n.created_at) order by n.created_at)
                  from public.application_notes n left join public.profiles pn on pn.id = n.author_id
                 where n.application_id = a.id), '[]'),
    'neighbours', coalesce((select json_build_object('prev', w.prev, 'next', w.next)
                              from public.ranking_neighbours(call, a.id, sort, descending, only_track, only_stage, only_eligible,
                                                             only_decision, undecided, min_score) w),
                           json_build_object('prev', null, 'next', null)),
    'decide', json_build_object(
        'pending', (select json_build_object('decision', p.decision, 'offerExpiresAt', p.offer_expires_at, 'decidedAt', p.decided_at)
                      from public.pending_decisions p where p.application_id = a.id),
        'warnings', coalesce(to_json(public.acceptance_warnings(a.id)), '[]'::json)))
    from public.applications a
    join public.startups s on s.id = a.startup_id
    left join public.call_tracks t on t.id = a.track_id
   where a.id = application and a.call_id = call
     and (coalesce(auth.role(), 'service_role') = 'service_role' or public.manages_call(call))
$$;
revoke execute on function public.application_dossier(uuid, uuid, text, boolean, uuid, public.app_stage, boolean, public.app_decision,
  boolean, numeric) from public, anon;
grant execute on function public.application_dossier(uuid, uuid, text, boolean, uuid, public.app_stage, boolean, public.app_decision,
  boolean, numeric) to authenticated, service_role;
