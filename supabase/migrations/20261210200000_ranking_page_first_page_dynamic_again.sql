-- Reverts 20261209400000_ranking_page_by_rank_static.sql: ranking_page() is again the body of
-- 20261207300100_ranking_page_ids_first.sql (the page's ids by a statement built per request for
-- every order and filter, then the rows' facts by a kept plan). The first page by rank as a static
-- statement did not show a gain (decision 008, eighth pass, manager): on one held bench database,
-- the page's statement as the manager, the old body created beside the new one, PostgreSQL's CPU
-- per read (tests/load/sql-pg.ts, 300–400 reads a round, 12 rounds in 3 runs, both orders): static
-- 1.83 / 2.27 / 2.54 ms against 1.76 / 2.22 / 2.58 built per request (run means; the static was
-- higher in 8 of 12 rounds), and the merged bench after it read 3.42 PG ms/req against 3.33 before.
-- One way to read a page is simpler to keep than two. Same signature, rights, check of the caller,
-- rows, order and total.

create or replace function public.ranking_page(call uuid, sort text, descending boolean, only_track uuid, only_stage public.app_stage,
                                               only_eligible boolean, only_decision public.app_decision, undecided boolean,
                                               min_score numeric, shortlist numeric, page_size int, page_offset int)
returns table (id uuid, code text, startup text, track_id uuid, track_vi text, track_en text, stage public.app_stage,
               eligible boolean, decision public.app_decision, pending_decision public.app_decision,
               offer_expires_at timestamptz, offer_response text, feedback_released boolean,
               reviews int, normalised int, pending int, recused int, abstained int,
               raw_score numeric, z_score numeric, rank int, percentile numeric, shortlisted boolean, total int)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  filters text := '';
  -- the filters on the application's facts need its row (and a decision waiting to be sent)
  facts text := '';
  ord text;
  ids uuid[];
  matching int;
begin
  if not (coalesce(auth.role(), 'service_role') = 'service_role' or public.manages_call(call)) then
    return;
  end if;
  if not exists (select 1 from public.ranking_stamps s where s.call_id = call)
     or exists (select 1 from public.ranking_changes c where c.call_id = call) then
    perform public.rank_call(call);
  end if;

  if only_track is not null then filters := filters || ' and a.track_id = $2'; end if;
  if only_stage is not null then filters := filters || ' and a.stage = $3'; end if;
  if only_eligible is not null then filters := filters || ' and a.eligible is not distinct from $4'; end if;
  if only_decision is not null then filters := filters || ' and coalesce(p.decision, a.decision) = $5'; end if;
  if undecided then filters := filters || ' and coalesce(p.decision, a.decision) is null'; end if;
  if filters <> '' then
    facts := ' join public.applications a on a.id = r.application_id
                left join public.pending_decisions p on p.application_id = r.application_id and p.call_id = $1';
  end if;
  if min_score is not null then filters := filters || ' and r.raw_score >= $6'; end if;
  -- each order matches one index of ranking_rows
  ord := case sort
    when 'raw' then case when descending then 'r.raw_score desc nulls last, r.code' else 'r.raw_score nulls first, r.code' end
    when 'z' then case when descending then 'r.z_score desc nulls last, r.code' else 'r.z_score nulls first, r.code' end
    when 'reviews' then case when descending then 'r.reviews desc, r.code' else 'r.reviews, r.code' end
    when 'startup' then case when descending then 'r.startup desc, r.code' else 'r.startup, r.code' end
    when 'code' then case when descending then 'r.code desc' else 'r.code' end
    else case when descending then 'r.rank desc, r.code' else 'r.rank, r.code' end
  end;

  execute format($q$select array(select r.application_id from public.ranking_rows r %s where r.call_id = $1 %s order by %s limit $7 offset $8)$q$,
                 facts, filters, ord)
    into ids using call, only_track, only_stage, only_eligible, only_decision, min_score, page_size, page_offset;
  -- the count of every matching row: the stamp's when nothing is filtered
  if filters = '' then
    select s.applications into matching from public.ranking_stamps s where s.call_id = call;
  else
    execute format($c$select count(*)::int from public.ranking_rows r
                        join public.applications a on a.id = r.application_id
                        left join public.pending_decisions p on p.application_id = r.application_id and p.call_id = $1
                       where r.call_id = $1 %s$c$, filters)
      into matching using call, only_track, only_stage, only_eligible, only_decision, min_score;
  end if;

  return query
    select r.application_id, r.code, r.startup, t.id, t.name_vi, t.name_en, a.stage, a.eligible, a.decision, p.decision,
           a.offer_expires_at, a.offer_response, a.feedback_released,
           r.reviews, r.normalised, r.pending, r.recused, r.abstained, r.raw_score, r.z_score, r.rank, r.percentile,
           coalesce(r.raw_score >= shortlist, false), matching
      from unnest(ids) with ordinality k(app, n)
      join public.ranking_rows r on r.call_id = ranking_page.call and r.application_id = k.app
      join public.applications a on a.id = r.application_id
      left join public.call_tracks t on t.id = a.track_id
      left join public.pending_decisions p on p.application_id = r.application_id and p.call_id = ranking_page.call
     order by k.n;
end
$$;
revoke execute on function public.ranking_page(uuid, text, boolean, uuid, public.app_stage, boolean, public.app_decision, boolean,
  numeric, numeric, int, int) from public, anon;
grant execute on function public.ranking_page(uuid, text, boolean, uuid, public.app_stage, boolean, public.app_decision, boolean,
  numeric, numeric, int, int) to authenticated, service_role;
