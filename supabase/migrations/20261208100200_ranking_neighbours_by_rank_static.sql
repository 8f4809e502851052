-- The application page's previous and next (ranking_neighbours(), 20261205100000) were read by a
-- statement built per request and run with EXECUTE, so PostgreSQL planned it on every page: about a
-- third of application_dossier()'s CPU once the dossier's own statements kept their plans
-- (tests/load/dossier-sql.ts, session 20). For the ranking page's own order (by rank, no filter:
-- where the page's links come from unless the manager sorted or filtered), the same reads are now a
-- static statement whose plan the function keeps. Every other order and filter is read as before.
-- Same signature, rights, check of the caller and answers (tests/integration/ranking-neighbours.test.ts).
--
-- Why a new migration: the function is redefined (20261205100000 stays as landed).

create or replace function public.ranking_neighbours(call uuid, application uuid, sort text, descending boolean, only_track uuid,
                                                     only_stage public.app_stage, only_eligible boolean, only_decision public.app_decision,
                                                     undecided boolean, min_score numeric)
returns table (prev uuid, next uuid)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  cur public.ranking_rows;
  filters text := '';
  source text := 'public.ranking_rows r';
  k text;            -- the sort's column (none when sorting by code)
  kp text;           -- the parameter holding this application's value of it
  nullable boolean;
  up text;           -- ascending, as the indexes are built
  down text;         -- descending, as the indexes are built
  before_key text[]; -- the reads for the previous row, nearest first
  after_key text[];  -- and for the next
begin
  if not (coalesce(auth.role(), 'service_role') = 'service_role' or public.manages_call(call)) then
    return;
  end if;
  if not exists (select 1 from public.ranking_stamps s where s.call_id = call)
     or exists (select 1 from public.ranking_changes c where c.call_id = call) then
    perform public.rank_call(call);
  end if;
  select * into cur from public.ranking_rows r where r.call_id = call and r.application_id = application;
  if not found then
    return;
  end if;

  -- the filters of ranking_page()
  if only_track is not null then filters := filters || ' and a.track_id = $2'; end if;
  if only_stage is not null then filters := filters || ' and a.stage = $3'; end if;
  if only_eligible is not null then filters := filters || ' and a.eligible is not distinct from $4'; end if;
  if only_decision is not null then filters := filters || ' and coalesce(p.decision, a.decision) = $5'; end if;
  if undecided then filters := filters || ' and coalesce(p.decision, a.decision) is null'; end if;
  if min_score is not null then filters := filters || ' and r.raw_score >= $6'; end if;
  -- The ranking page's own order (by rank, no filter), where the application page's links most
  -- often come from: the same reads as the dynamic statement below builds, static, so their plan is kept.
  if filters = '' and sort = 'rank' then
    return query select
      coalesce((select r.application_id from public.ranking_rows r
                 where r.call_id = call and r.rank = cur.rank and r.code < cur.code order by r.code desc limit 1),
               case when descending
                    then (select r.application_id from public.ranking_rows r
                           where r.call_id = call and r.rank > cur.rank order by r.rank asc, r.code desc limit 1)
                    else (select r.application_id from public.ranking_rows r
                           where r.call_id = call and r.rank < cur.rank order by r.rank desc, r.code desc limit 1) end),
      coalesce((select r.application_id from public.ranking_rows r
                 where r.call_id = call and r.rank = cur.rank and r.code > cur.code order by r.code asc limit 1),
               case when descending
                    then (select r.application_id from public.ranking_rows r
                           where r.call_id = call and r.rank < cur.rank order by r.rank desc, r.code asc limit 1)
                    else (select r.application_id from public.ranking_rows r
                           where r.call_id = call and r.rank > cur.rank order by r.rank asc, r.code asc limit 1) end);
    return;
  end if;
  if filters <> '' then
    source := source || ' join public.applications a on a.id = r.application_id'
                     || ' left join public.pending_decisions p on p.application_id = r.application_id and p.call_id = $1';
  end if;

  if sort = 'code' then
    before_key := array[format('r.code %s $12 order by r.code %s', case when descending then '>' else '<' end,
                               case when descending then 'asc' else 'desc' end)];
    after_key := array[format('r.code %s $12 order by r.code %s', case when descending then '<' else '>' end,
                              case when descending then 'desc' else 'asc' end)];
  else
    k := case sort when 'raw' then 'r.raw_score' when 'z' then 'r.z_score' when 'reviews' then 'r.reviews'
                   when 'startup' then 'r.startup' else 'r.rank' end;
    kp := case sort when 'raw' then '$8' when 'z' then '$9' when 'reviews' then '$10' when 'startup' then '$11' else '$7' end;
    nullable := sort in ('raw', 'z');
    -- the indexes order nullable totals nulls first ascending and nulls last descending
    up := k || case when nullable then ' asc nulls first' else ' asc' end;
    down := k || case when nullable then ' desc nulls last' else ' desc' end;
    declare
      key_is_null boolean := case sort when 'raw' then cur.raw_score is null when 'z' then cur.z_score is null else false end;
      same text := case when key_is_null then k || ' is null' else k || ' = ' || kp end;
      -- rows whose key is greater (a null being the smallest), nearest first
      greater text[] := array[format('%s order by %s', case when key_is_null then k || ' is not null' else k || ' > ' || kp end, up)];
      -- rows whose key is smaller, nearest first: then the nulls
      smaller text[] := case when key_is_null then array[]::text[]
                             when nullable then array[format('%s < %s order by %s', k, kp, down), format('%s is null order by %s', k, up)]
                             else array[format('%s < %s order by %s', k, kp, down)] end;
    begin
      -- Within one key the code always ascends, so earlier rows have a smaller code.
      before_key := array[same || ' and r.code < $12 order by r.code desc']
                    || array(select x || ', r.code desc' from unnest(case when descending then greater else smaller end) x);
      after_key := array[same || ' and r.code > $12 order by r.code asc']
                   || array(select x || ', r.code asc' from unnest(case when descending then smaller else greater end) x);
    end;
  end if;

  return query execute format(
    'select coalesce(%s) as prev, coalesce(%s) as next',
    (select string_agg(format('(select r.application_id from %s where r.call_id = $1 %s and %s limit 1)', source, filters, x), ', ')
       from unnest(before_key) x),
    (select string_agg(format('(select r.application_id from %s where r.call_id = $1 %s and %s limit 1)', source, filters, x), ', ')
       from unnest(after_key) x))
  using call, only_track, only_stage, only_eligible, only_decision, min_score,
        cur.rank, cur.raw_score, cur.z_score, cur.reviews, cur.startup, cur.code;
end
$$;
