-- The manager's ranking page took seconds for a call of 5,000 applications with three reviews
-- each (npm run bench: 1.5 req/s, p50 4.5 s). EXPLAIN (ANALYZE, BUFFERS) as the manager showed
-- two costs, both paid on every request:
--   * the page joined call_ranking() to `applications` through RLS, whose policy ran
--     is_startup_member(), reviews_application() and manages_call() for each of the 5,000 rows
--     (75,000 buffer hits; about 860 ms of the statement's 1,100 ms CPU);
--   * call_ranking() aggregated all 60,000 score rows (numeric, spilling to disk), then a window
--     per reviewer and an aggregate per application (about 240 ms CPU).
--
-- Now the totals are kept, in the same transaction as each change, by triggers:
--   * review_totals: each submitted review's weighted total (0–100) and its z-score against the
--     reviewer's mean and spread in that call and round;
--   * application_scores: each application's number of counted reviews, mean total, mean z-score.
-- call_ranking() keeps its signature and only ranks them, and ranked_applications() gives the page
-- the ranking with each application's facts behind the same one-time check, so no policy runs per
-- row. The numbers are those call_ranking() computed before: the same expressions over the same
-- values (numeric sums and averages are exact, so the order of the rows does not matter).
--
-- Concurrency: every change that can move a total takes the call's ranking lock (a transaction
-- advisory lock) before it reads anything and keeps it to commit. Two reviewers submitting at once,
-- a weight changed while someone submits, a recusal during a submission: the refreshes run one
-- after another and each reads what the previous one committed (read committed, the app's level),
-- so the kept rows always equal a computation from scratch over what has been committed.
--
-- Why a new migration: the tables, triggers and functions below; existing migrations stay as landed.

-- Rows derived from the scores and kept only by the triggers below, which also remove them (no
-- foreign keys: a refresh checking them would lock application rows while holding its call's
-- lock, and deadlock with an application being moved, which locks them the other way round).
create table public.review_totals (
  application_id uuid not null,
  reviewer_id uuid not null,
  round public.app_stage not null,
  -- the application's call, kept here so a call's rows are read through one index
  call_id uuid not null,
  -- sum(weight · level / max_level) · 100 / sum(weight) over the review's scores
  total numeric not null,
  -- (total − reviewer's mean) / reviewer's population standard deviation, 0 when that is 0;
  -- set by the same refresh that writes the total
  z numeric,
  primary key (application_id, reviewer_id, round)
);
create index review_totals_call_reviewer_idx on public.review_totals (call_id, round, reviewer_id);
alter table public.review_totals enable row level security;

create table public.application_scores (
  application_id uuid not null,
  round public.app_stage not null,
  call_id uuid not null,
  reviews int not null check (reviews > 0),
  raw_score numeric not null,
  z_score numeric,
  primary key (application_id, round)
);
create index application_scores_call_idx on public.application_scores (call_id, round);
alter table public.application_scores enable row level security;

-- Scores are visible to the call's managers; nobody writes these rows but the triggers below.
create policy review_totals_select on public.review_totals for select to authenticated
  using (public.manages_call(call_id));
create policy application_scores_select on public.application_scores for select to authenticated
  using (public.manages_call(call_id));
revoke all on public.review_totals, public.application_scores from anon;
revoke insert, update, delete, truncate, references, trigger on public.review_totals, public.application_scores from authenticated;

-- ---------------------------------------------------------------------------------------------
-- Maintenance

/**
 * Brings the kept rows of the given reviews (apps[i], reviewers[i]) of a call's round up to date:
 * their totals, then, for every reviewer whose totals changed, the z-scores of all their reviews in
 * the call's round, then the scores of every application those reviews belong to. Reviews that no
 * longer count (not submitted, no scores, application gone or moved) lose their rows.
 */
create function public.refresh_ranking(call uuid, in_round public.app_stage, apps uuid[], reviewers uuid[])
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  changed uuid[];
begin
  -- One writer per call at a time, to the end of the transaction; each statement below then reads
  -- what every earlier writer committed.
  perform pg_advisory_xact_lock(hashtextextended('ranking:' || call::text, 0));

  with k as (
    select distinct k.app, k.reviewer from unnest(apps, reviewers) as k(app, reviewer)
  ), fresh as (
    select k.app, k.reviewer, sum(c.weight * s.level::numeric / c.max_level) * 100 / sum(c.weight) as total
      from k
      join public.applications a on a.id = k.app and a.call_id = call
      join public.review_assignments r
        on r.application_id = k.app and r.reviewer_id = k.reviewer and r.round = in_round and r.status = 'submitted'
      join public.review_scores s on s.application_id = k.app and s.reviewer_id = k.reviewer and s.round = in_round
      join public.rubric_criteria c on c.id = s.criterion_id
     group by k.app, k.reviewer
  ), f as (
    select k.app, k.reviewer, t.total as stored, fresh.total as fresh
      from k
      left join fresh on fresh.app = k.app and fresh.reviewer = k.reviewer
      left join public.review_totals t
        on t.application_id = k.app and t.reviewer_id = k.reviewer and t.round = in_round and t.call_id = call
  ), removed as (
    delete from public.review_totals t using f
     where f.fresh is null and f.stored is not null
       and t.application_id = f.app and t.reviewer_id = f.reviewer and t.round = in_round
    returning t.reviewer_id
  ), written as (
    insert into public.review_totals as t (application_id, reviewer_id, round, call_id, total)
    select f.app, f.reviewer, in_round, call, f.fresh from f
     where f.fresh is not null and (f.stored is null or f.fresh <> f.stored or scale(f.fresh) <> scale(f.stored))
    on conflict (application_id, reviewer_id, round) do update set call_id = excluded.call_id, total = excluded.total
    returning t.reviewer_id
  )
  select coalesce(array_agg(distinct x.reviewer_id), '{}') into changed
    from (select reviewer_id from removed union all select reviewer_id from written) x;

  if cardinality(changed) = 0 then
    return;
  end if;

  -- A reviewer who gave everyone the same total has no spread: z = 0. (Materialised: the rows
  -- were just written, and the planner must not re-aggregate them once per row.)
  with s as materialized (
    select reviewer_id, avg(total) as mean, stddev_pop(total) as sd
      from public.review_totals
     where call_id = call and round = in_round and reviewer_id = any (changed)
     group by reviewer_id
  )
  update public.review_totals t
     set z = case when s.sd > 0 then (t.total - s.mean) / s.sd else 0 end
    from s
   where t.call_id = call and t.round = in_round and t.reviewer_id = s.reviewer_id;

  with x as materialized (
    select application_id from public.review_totals
     where call_id = call and round = in_round and reviewer_id = any (changed)
    union
    select unnest(apps)
  ), agg as (
    select x.application_id, count(t.total)::int as reviews, avg(t.total) as raw_score, avg(t.z) as z_score
      from x
      left join public.review_totals t on t.application_id = x.application_id and t.round = in_round and t.call_id = call
     group by x.application_id
  ), removed as (
    delete from public.application_scores s using agg
     where agg.reviews = 0 and s.application_id = agg.application_id and s.round = in_round and s.call_id = call
  )
  insert into public.application_scores (application_id, round, call_id, reviews, raw_score, z_score)
  select application_id, in_round, call, reviews, raw_score, z_score from agg where reviews > 0
  on conflict (application_id, round) do update
    set call_id = excluded.call_id, reviews = excluded.reviews, raw_score = excluded.raw_score, z_score = excluded.z_score;
end
$$;

/** Recomputes a call's kept rows from scratch: after a weight or scale change, a deletion, a move. */
create function public.rebuild_call_ranking(call uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  g record;
begin
  perform pg_advisory_xact_lock(hashtextextended('ranking:' || call::text, 0));
  delete from public.application_scores where call_id = call;
  delete from public.review_totals where call_id = call;
  for g in
    select k.round, array_agg(k.application_id) as apps, array_agg(k.reviewer_id) as reviewers
      from (select distinct s.application_id, s.reviewer_id, s.round
              from public.review_scores s join public.applications a on a.id = s.application_id
             where a.call_id = call) k
     group by k.round
     order by k.round
  loop
    perform public.refresh_ranking(call, g.round, g.apps, g.reviewers);
  end loop;
end
$$;

/**
 * Refreshes the given reviews in their applications' calls, call by call in a fixed order (so two
 * writers never take two calls' locks in opposite orders). Once those locks are held, the calls
 * are read again: an application moved to another call meanwhile is refreshed there too.
 */
create function public.refresh_ranking_of(apps uuid[], reviewers uuid[], rounds public.app_stage[]) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  done uuid[] := '{}';
  passed uuid[];
  g record;
begin
  loop
    passed := '{}';
    for g in
      select a.call_id, k.round, array_agg(k.app) as apps, array_agg(k.reviewer) as reviewers
        from unnest(apps, reviewers, rounds) as k(app, reviewer, round)
        -- an application deleted by this statement: its own trigger rebuilds its call
        join public.applications a on a.id = k.app
       where a.call_id <> all (done)
       group by a.call_id, k.round
       order by a.call_id, k.round
    loop
      perform public.refresh_ranking(g.call_id, g.round, g.apps, g.reviewers);
      passed := passed || g.call_id;
    end loop;
    exit when cardinality(passed) = 0;
    done := done || passed;
  end loop;
end
$$;

revoke execute on function public.refresh_ranking(uuid, public.app_stage, uuid[], uuid[]), public.rebuild_call_ranking(uuid),
  public.refresh_ranking_of(uuid[], uuid[], public.app_stage[]) from public, anon, authenticated;
grant execute on function public.rebuild_call_ranking(uuid) to service_role;

-- Scores: a level, a criterion or a review key changed (a comment alone moves nothing).
create function public.review_scores_ranking() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    perform public.refresh_ranking_of(array_agg(k.application_id), array_agg(k.reviewer_id), array_agg(k.round))
       from (select distinct application_id, reviewer_id, round
               from changed_rows n
               -- a row whose key or criterion changed has no partner: its level compares with null
               full join old_rows o using (application_id, reviewer_id, round, criterion_id)
              where n.level is distinct from o.level) k;
  else
    perform public.refresh_ranking_of(array_agg(k.application_id), array_agg(k.reviewer_id), array_agg(k.round))
       from (select distinct application_id, reviewer_id, round from changed_rows) k;
  end if;
  return null;
end
$$;

-- Assignments: a review submitted, withdrawn from the count (abstained, recused, reopened) or removed.
create function public.review_assignments_ranking() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    perform public.refresh_ranking_of(array_agg(k.application_id), array_agg(k.reviewer_id), array_agg(k.round))
       from (select application_id, reviewer_id, round
               from changed_rows n
               full join old_rows o using (application_id, reviewer_id, round)
              where n.status is distinct from o.status) k;
  else
    perform public.refresh_ranking_of(array_agg(k.application_id), array_agg(k.reviewer_id), array_agg(k.round))
       from (select distinct application_id, reviewer_id, round from changed_rows) k;
  end if;
  return null;
end
$$;

-- A criterion's weight or scale weighs every review of its call: rebuild the call (both, if moved).
create function public.rubric_criteria_ranking() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  c uuid;
begin
  for c in select distinct x from unnest(array[old.call_id, new.call_id]) x order by x loop
    perform public.rebuild_call_ranking(c);
  end loop;
  return null;
end
$$;

-- Applications deleted (with a startup or a call, too) or moved to another call: the reviewers'
-- means and spreads in those calls change, so rebuild them; on deletion, only the calls where the
-- applications had totals (the rebuild removes the deleted applications' rows).
create function public.applications_ranking() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  c uuid;
begin
  if tg_op = 'DELETE' then
    for c in
      select distinct t.call_id from public.review_totals t join gone_rows g on g.id = t.application_id order by t.call_id
    loop
      perform public.rebuild_call_ranking(c);
    end loop;
  else
    -- The old call first: a score writer that found the application there locks that call first
    -- too, then the new one (refresh_ranking_of), so the two do not deadlock.
    perform public.rebuild_call_ranking(old.call_id);
    perform public.rebuild_call_ranking(new.call_id);
  end if;
  return null;
end
$$;

revoke execute on function public.review_scores_ranking(), public.review_assignments_ranking(),
  public.rubric_criteria_ranking(), public.applications_ranking() from public, anon, authenticated;

create trigger review_scores_ranking_insert after insert on public.review_scores
  referencing new table as changed_rows for each statement execute function public.review_scores_ranking();
create trigger review_scores_ranking_update after update on public.review_scores
  referencing old table as old_rows new table as changed_rows for each statement execute function public.review_scores_ranking();
create trigger review_scores_ranking_delete after delete on public.review_scores
  referencing old table as changed_rows for each statement execute function public.review_scores_ranking();

create trigger review_assignments_ranking_update after update on public.review_assignments
  referencing old table as old_rows new table as changed_rows for each statement execute function public.review_assignments_ranking();
create trigger review_assignments_ranking_delete after delete on public.review_assignments
  referencing old table as changed_rows for each statement execute function public.review_assignments_ranking();

create trigger rubric_criteria_ranking after update of weight, max_level, call_id on public.rubric_criteria
  for each row
  when (old.weight::text is distinct from new.weight::text or old.max_level is distinct from new.max_level
        or old.call_id is distinct from new.call_id)
  execute function public.rubric_criteria_ranking();

create trigger applications_ranking_delete after delete on public.applications
  referencing old table as gone_rows for each statement execute function public.applications_ranking();
create trigger applications_ranking_move after update of call_id on public.applications
  for each row when (old.call_id is distinct from new.call_id) execute function public.applications_ranking();

-- What was scored before this migration; then statistics, so the planner knows the new tables.
select public.rebuild_call_ranking(id) from public.calls order by id;
analyze public.review_totals, public.application_scores;

-- ---------------------------------------------------------------------------------------------
-- Reading

/**
 * One row per submitted application of a call: weighted total on a 0–100 scale (each criterion's
 * level over its maximum, weighted), and the mean of per-reviewer z-scores, which removes each
 * reviewer's leniency or severity. A reviewer who gave everyone the same total contributes z = 0.
 * Reads the kept scores and ranks them: one statement, about as cheap as reading the applications.
 * The call's managers (and the service path) get the rows; anyone else gets none.
 */
create or replace function public.call_ranking(call uuid, in_round public.app_stage default 'review')
returns table (application_id uuid, reviews int, raw_score numeric, z_score numeric, rank int, percentile numeric)
language sql stable security definer set search_path = ''
as $$
  with per_app as (
    select a.id as application_id, coalesce(s.reviews, 0) as reviews, s.raw_score, s.z_score
      from public.applications a
      left join public.application_scores s on s.application_id = a.id and s.round = in_round
     where a.call_id = call and a.status = 'submitted'
       and (select coalesce(auth.role(), 'service_role') = 'service_role' or public.manages_call(call))
  )
  select application_id, reviews, round(raw_score, 2), round(z_score, 3),
         (rank() over (order by z_score desc nulls last, raw_score desc nulls last))::int,
         round((100 * percent_rank() over (order by z_score nulls first, raw_score nulls first))::numeric, 1)
    from per_app
$$;

/**
 * The ranking with what the manager's pages show of each application (code, startup, track, stage,
 * eligibility, decision, offer, feedback), read as the owner after call_ranking()'s one check of the
 * caller, so no row policy runs per application. Nothing for anyone but the call's managers.
 */
create function public.ranked_applications(call uuid, in_round public.app_stage default 'review')
returns table (application_id uuid, code text, startup text, track_id uuid, track_vi text, track_en text,
               stage public.app_stage, eligible boolean, decision public.app_decision, submitted_at timestamptz,
               offer_expires_at timestamptz, offer_response text, feedback_released boolean,
               reviews int, raw_score numeric, z_score numeric, rank int, percentile numeric)
language sql stable security definer set search_path = ''
as $$
  select a.id, a.code, s.name, t.id, t.name_vi, t.name_en, a.stage, a.eligible, a.decision, a.submitted_at,
         a.offer_expires_at, a.offer_response, a.feedback_released,
         r.reviews, r.raw_score, r.z_score, r.rank, r.percentile
    from public.call_ranking(call, in_round) r
    join public.applications a on a.id = r.application_id
    join public.startups s on s.id = a.startup_id
    left join public.call_tracks t on t.id = a.track_id
$$;

revoke execute on function public.ranked_applications(uuid, public.app_stage) from public, anon;
grant execute on function public.ranked_applications(uuid, public.app_stage) to authenticated, service_role;
