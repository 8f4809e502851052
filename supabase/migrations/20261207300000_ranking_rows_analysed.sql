-- The ranking page's plan did not depend on the call's rows until autovacuum analysed them
-- (decision 008, fifth pass, ranking): rank_call() analyses ranking_rows after a call's first
-- ranking. Same body as in 20261204100000_stored_ranking.sql otherwise; same rights (definer,
-- executable by nobody: ranking_page() and ranking_neighbours() call it after checking the caller).

create or replace function public.rank_call(call uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  first boolean;
begin
  perform pg_advisory_xact_lock(hashtextextended('ranking-page:' || call::text, 0));
  if exists (select 1 from public.ranking_stamps where call_id = call)
     and not exists (select 1 from public.ranking_changes where call_id = call) then
    return;
  end if;
  -- Forget the changes this statement sees; the next statement ranks from a later snapshot, which
  -- holds every one of them. A writer still running keeps its row for the next reader.
  delete from public.ranking_changes where call_id = call;
  first := not exists (select 1 from public.ranking_stamps where call_id = call);

  with fresh as materialized (
    select call as call_id, r.application_id, a.code, s.name as startup, r.reviews,
           coalesce(k.normalised, 0) as normalised, coalesce(w.pending, 0) as pending,
           coalesce(w.recused, 0) as recused, coalesce(w.abstained, 0) as abstained,
           r.raw_score, r.z_score, r.rank, r.percentile
      from public.call_ranking(call) r
      join public.applications a on a.id = r.application_id
      join public.startups s on s.id = a.startup_id
      left join public.application_scores k on k.application_id = r.application_id and k.round = 'review'
      left join (
        select x.application_id,
               count(*) filter (where x.status = 'assigned')::int as pending,
               count(*) filter (where x.status = 'recused')::int as recused,
               count(*) filter (where x.status = 'abstained')::int as abstained
          from public.review_assignments x
          join public.applications b on b.id = x.application_id
         where b.call_id = call and x.round = 'review'
         group by x.application_id
      ) w on w.application_id = r.application_id
  ), gone as (
    delete from public.ranking_rows o
     where o.call_id = call and not exists (select 1 from fresh f where f.application_id = o.application_id)
  ), written as (
    -- only the rows that moved are rewritten (numerics compared as text: scale included)
    insert into public.ranking_rows as o
      (call_id, application_id, code, startup, reviews, normalised, pending, recused, abstained, raw_score, z_score, rank, percentile)
    select call_id, application_id, code, startup, reviews, normalised, pending, recused, abstained, raw_score, z_score, rank, percentile
      from fresh
    on conflict (call_id, application_id) do update
      set code = excluded.code, startup = excluded.startup, reviews = excluded.reviews, normalised = excluded.normalised,
          pending = excluded.pending, recused = excluded.recused, abstained = excluded.abstained,
          raw_score = excluded.raw_score, z_score = excluded.z_score, rank = excluded.rank, percentile = excluded.percentile
      where (o.code, o.startup, o.reviews, o.normalised, o.pending, o.recused, o.abstained,
             o.raw_score::text, o.z_score::text, o.rank, o.percentile::text)
            is distinct from
            (excluded.code, excluded.startup, excluded.reviews, excluded.normalised, excluded.pending, excluded.recused,
             excluded.abstained, excluded.raw_score::text, excluded.z_score::text, excluded.rank, excluded.percentile::text)
  )
  insert into public.ranking_stamps (call_id, ranked_at, applications)
  select call, now(), count(*)::int from fresh
  on conflict (call_id) do update set ranked_at = excluded.ranked_at, applications = excluded.applications;
  -- A call's first ranking writes all its rows at once. Until the table's statistics know them, the
  -- planner takes the call for a handful of rows and reads every one of them, with their applications,
  -- to sort them for one page (5,000 rows and 15,000 buffers instead of an index range of 50), until
  -- autovacuum's next analyse. So they are analysed here, once per call (a sample: bounded cost).
  if first then
    analyze public.ranking_rows;
  end if;
end
$$;
revoke execute on function public.rank_call(uuid) from public, anon, authenticated;
