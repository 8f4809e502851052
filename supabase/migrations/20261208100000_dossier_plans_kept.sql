-- The manager's application page spent most of its PostgreSQL time planning, not reading
-- (tests/load/page-statements.ts, session 20: 34 ms a request for application_dossier() with 3
-- reviews): PostgreSQL 17 plans a `language sql` function it cannot inline (every security definer
-- one) anew in each statement, per call. application_dossier() planned its whole read each time
-- (2 ms), application_warnings() its three rules, and reviewer_has_conflict() its rule once per
-- assignment (8.6 ms of planning for 3 reviews). In PL/pgSQL the same statements keep their plans
-- for the connection.
--
-- - reviewers_in_conflict(app, reviewers): the conflict-of-interest rule once, for a list of people
--   (one statement for an application's reviewers, where the warnings asked it once per assignment).
--   reviewer_has_conflict() keeps its signature and answers through it, so the rule stays in one place.
-- - application_warnings(), acceptance_warnings(), application_dossier(): the same statements,
--   checks and answers, in PL/pgSQL. application_dossier() checks its caller once, before the read.
--
-- Why a new migration: the functions are redefined (their earlier migrations stay as landed).

/** The people among `reviewers` with a conflict of interest with the startup behind `app`, unchecked: callers check who asks first. */
create function public.reviewers_in_conflict(app uuid, reviewers uuid[]) returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select x.person
      from unnest(reviewers) x(person) join public.applications a on a.id = app
     where exists (select 1 from public.startup_members m where m.startup_id = a.startup_id and m.user_id = x.person)
        or exists (select 1 from public.startup_mentors m where m.startup_id = a.startup_id and m.mentor_id = x.person)
        or exists (select 1 from public.startups s join public.memberships m on m.org_id = s.org_id
                    where s.id = a.startup_id and s.affiliation_status = 'confirmed' and m.user_id = x.person);
end
$$;
revoke execute on function public.reviewers_in_conflict(uuid, uuid[]) from public, anon, authenticated;

-- Only a confirmed affiliation makes the organisation's members conflicted (20261130140000): same answers.
create or replace function public.reviewer_has_conflict(app uuid, reviewer uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (select 1 from public.reviewers_in_conflict(app, array[reviewer]));
end
$$;

/** The acceptance warnings of one application, unchecked: callers check who asks first (20261205100200). */
create or replace function public.application_warnings(app uuid) returns text[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (
    select array_remove(array[
             case when (select count(*) from public.review_assignments r
                         where r.application_id = a.id and r.round = 'review' and r.status = 'submitted') < c.reviews_per_application
                  then 'few_reviews' end,
             case when c.shortlist_threshold is not null
                   and coalesce((select s.raw_score from public.application_scores s where s.application_id = a.id and s.round = 'review')
                                < c.shortlist_threshold, true)
                  then 'below_threshold' end,
             case when exists (select 1 from public.reviewers_in_conflict(a.id, array(
                                 select r.reviewer_id from public.review_assignments r
                                  where r.application_id = a.id and r.status <> 'recused')))
                  then 'conflict' end], null)
      from public.applications a join public.calls c on c.id = a.call_id
     where a.id = app);
end
$$;

-- still checking its caller first (20261205100200)
create or replace function public.acceptance_warnings(app uuid) returns text[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if public.manages_application(app) then
    return public.application_warnings(app);
  end if;
  return null;
end
$$;

-- One application of the call as its managers see it (20261205100100): the caller checked once, then one read.
create or replace function public.application_dossier(call uuid, application uuid, sort text, descending boolean, only_track uuid,
                                                      only_stage public.app_stage, only_eligible boolean, only_decision public.app_decision,
                                                      undecided boolean, min_score numeric)
returns json
language plpgsql volatile security definer set search_path = ''
as $$
declare
  dossier json;
begin
  if not (coalesce(auth.role(), 'service_role') = 'service_role' or public.manages_call(application_dossier.call)) then
    return null;
  end if;
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
                                from public.ranking_neighbours(
                                       application_dossier.call, a.id, application_dossier.sort, application_dossier.descending,
                                       application_dossier.only_track, application_dossier.only_stage, application_dossier.only_eligible,
                                       application_dossier.only_decision, application_dossier.undecided, application_dossier.min_score) w),
                             json_build_object('prev', null, 'next', null)),
      'decide', json_build_object(
          'pending', (select json_build_object('decision', p.decision, 'offerExpiresAt', p.offer_expires_at, 'decidedAt', p.decided_at)
                        from public.pending_decisions p where p.application_id = a.id),
          'warnings', coalesce(to_json(public.application_warnings(a.id)), '[]'::json)))
    into dossier
      from public.applications a
      join public.startups s on s.id = a.startup_id
      left join public.call_tracks t on t.id = a.track_id
     where a.id = application_dossier.application and a.call_id = application_dossier.call;
  return dossier;
end
$$;
