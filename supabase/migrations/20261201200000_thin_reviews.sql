-- An honest ranking (issue 14). A reviewer's z-score compares each of their totals with their own
-- mean and spread; with one or two scored applications that "spread" is noise (one review always
-- gets z = 0, two always ±1), and such z-scores moved thinly reviewed applications above better
-- scored ones without a word. Now:
--   * calls.z_min_reviews (default 3): a reviewer with fewer submitted reviews in a call's round
--     is not normalised; their reviews keep their totals and get no z (null);
--   * application_scores.normalised: how many of an application's reviews have a z-score, so the
--     page can say which z-scores rest on fewer reviews than they count;
--   * an application's z-score is the mean over its normalised reviews (null when none).
-- The totals stay kept by the triggers of 20261125006000_ranking_totals.sql; only refresh_ranking()
-- changes, and a change of the minimum rebuilds the call, as a weight change does.
-- Decision record: app/modules/applications/decisions/thin-reviews.md.

alter table public.calls
  add column z_min_reviews int not null default 3 check (z_min_reviews between 1 and 50);

alter table public.application_scores
  add column normalised int not null default 0 check (normalised >= 0 and normalised <= reviews);

create or replace function public.refresh_ranking(call uuid, in_round public.app_stage, apps uuid[], reviewers uuid[])
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  changed uuid[];
  min_reviews int;
begin
  -- One writer per call at a time, to the end of the transaction; each statement below then reads
  -- what every earlier writer committed.
  perform pg_advisory_xact_lock(hashtextextended('ranking:' || call::text, 0));
  select coalesce((select c.z_min_reviews from public.calls c where c.id = call), 3) into min_reviews;

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

  -- A reviewer with fewer reviews than the call's minimum is not normalised (z null); one who gave
  -- everyone the same total has no spread: z = 0. (Materialised: the rows were just written, and
  -- the planner must not re-aggregate them once per row.)
  with s as materialized (
    select reviewer_id, count(*) as n, avg(total) as mean, stddev_pop(total) as sd
      from public.review_totals
     where call_id = call and round = in_round and reviewer_id = any (changed)
     group by reviewer_id
  )
  update public.review_totals t
     set z = case when s.n < min_reviews then null when s.sd > 0 then (t.total - s.mean) / s.sd else 0 end
    from s
   where t.call_id = call and t.round = in_round and t.reviewer_id = s.reviewer_id;

  with x as materialized (
    select application_id from public.review_totals
     where call_id = call and round = in_round and reviewer_id = any (changed)
    union
    select unnest(apps)
  ), agg as (
    select x.application_id, count(t.total)::int as reviews, count(t.z)::int as normalised,
           avg(t.total) as raw_score, avg(t.z) as z_score
      from x
      left join public.review_totals t on t.application_id = x.application_id and t.round = in_round and t.call_id = call
     group by x.application_id
  ), removed as (
    delete from public.application_scores s using agg
     where agg.reviews = 0 and s.application_id = agg.application_id and s.round = in_round and s.call_id = call
  )
  insert into public.application_scores (application_id, round, call_id, reviews, normalised, raw_score, z_score)
  select application_id, in_round, call, reviews, normalised, raw_score, z_score from agg where reviews > 0
  on conflict (application_id, round) do update
    set call_id = excluded.call_id, reviews = excluded.reviews, normalised = excluded.normalised,
        raw_score = excluded.raw_score, z_score = excluded.z_score;
end
$$;

revoke execute on function public.refresh_ranking(uuid, public.app_stage, uuid[], uuid[]) from public, anon, authenticated;

-- The minimum decides every reviewer's z-scores in the call: rebuild it, as a weight change does.
create function public.calls_ranking() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform public.rebuild_call_ranking(new.id);
  return null;
end
$$;
revoke execute on function public.calls_ranking() from public, anon, authenticated;

create trigger calls_ranking after update of z_min_reviews on public.calls
  for each row when (old.z_min_reviews is distinct from new.z_min_reviews)
  execute function public.calls_ranking();

-- Every kept row again under the new rule.
select public.rebuild_call_ranking(id) from public.calls order by id;
