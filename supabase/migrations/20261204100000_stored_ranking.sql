-- The manager's ranking page ranked the whole call on every request: call_ranking()'s two window
-- sorts over 5,000 applications, the joins for code and startup, then the page's filter, sort and
-- count over all of them (npm run bench: 30–45 ms of PostgreSQL and 14 statements per request,
-- decision record app/modules/applications/decisions/ranking-speed.md). The ranking changes only
-- when scores, assignments, the submitted applications or their names change, so it is now ranked
-- once per change and stored, and each request reads one page of it through an index.
--
--   * ranking_rows: per call, each submitted application's ranking as call_ranking() gives it
--     (reviews, raw and z totals, rank, percentile), the review counts the page shows (normalised,
--     pending, recused, abstained) and the sort keys that are not scores (code, startup's name),
--     with one index per sort the page offers.
--   * ranking_stamps: one row per call whose ranking is stored.
--   * ranking_changes: one row per call and writing transaction since the ranking was stored,
--     added by statement triggers on every table the stored rows are computed from.
--
-- A stored ranking is current when its stamp exists and no change row is visible. The reader that
-- finds it stale (ranking_page(), under a per-call lock that only readers take) first deletes the
-- change rows it sees, then ranks from a later snapshot: every change it deleted is in what it
-- ranks, and a writer still running keeps its row (invisible to the delete), so the next reader
-- ranks again. Writers never wait for readers nor for each other here: each adds its own row
-- (keyed by its transaction), nothing is updated in place.
--
-- The page's other facts (track, stage, eligibility, decisions, offers, feedback) are read live
-- for the page's rows, so deciding or moving an application does not make the ranking stale.
--
-- Why a new migration: the tables, triggers and functions below; existing migrations stay as landed.

-- No foreign keys, as with the kept totals (20261125006000): rows follow their call and
-- applications through the triggers below and each ranking.
create table public.ranking_rows (
  call_id uuid not null,
  application_id uuid not null,
  code text not null,
  startup text not null,
  reviews int not null check (reviews >= 0),
  normalised int not null check (normalised >= 0 and normalised <= reviews),
  pending int not null check (pending >= 0),
  recused int not null check (recused >= 0),
  abstained int not null check (abstained >= 0),
  -- rounded as call_ranking() returns them (2 and 3 places; percentile 1)
  raw_score numeric,
  z_score numeric,
  rank int not null check (rank >= 1),
  percentile numeric not null check (percentile between 0 and 100),
  primary key (call_id, application_id)
);
-- One index per sort of the page and direction (the code breaks ties, always ascending).
create index ranking_rows_rank_idx on public.ranking_rows (call_id, rank, code);
create index ranking_rows_rank_desc_idx on public.ranking_rows (call_id, rank desc, code);
create index ranking_rows_raw_idx on public.ranking_rows (call_id, raw_score nulls first, code);
create index ranking_rows_raw_desc_idx on public.ranking_rows (call_id, raw_score desc nulls last, code);
create index ranking_rows_z_idx on public.ranking_rows (call_id, z_score nulls first, code);
create index ranking_rows_z_desc_idx on public.ranking_rows (call_id, z_score desc nulls last, code);
create index ranking_rows_reviews_idx on public.ranking_rows (call_id, reviews, code);
create index ranking_rows_reviews_desc_idx on public.ranking_rows (call_id, reviews desc, code);
create index ranking_rows_startup_idx on public.ranking_rows (call_id, startup, code);
create index ranking_rows_startup_desc_idx on public.ranking_rows (call_id, startup desc, code);
create index ranking_rows_code_idx on public.ranking_rows (call_id, code);
alter table public.ranking_rows enable row level security;

create table public.ranking_stamps (
  call_id uuid primary key,
  ranked_at timestamptz not null default now(),
  applications int not null check (applications >= 0)
);
alter table public.ranking_stamps enable row level security;

create table public.ranking_changes (
  call_id uuid not null,
  xact xid8 not null default pg_current_xact_id(),
  primary key (call_id, xact)
);
alter table public.ranking_changes enable row level security;

-- The call's managers may read them (as they read the kept totals); only the functions below write.
create policy ranking_rows_select on public.ranking_rows for select to authenticated using (public.manages_call(call_id));
create policy ranking_stamps_select on public.ranking_stamps for select to authenticated using (public.manages_call(call_id));
create policy ranking_changes_select on public.ranking_changes for select to authenticated using (public.manages_call(call_id));
revoke all on public.ranking_rows, public.ranking_stamps, public.ranking_changes from anon;
revoke insert, update, delete, truncate, references, trigger on public.ranking_rows, public.ranking_stamps, public.ranking_changes from authenticated;

-- ---------------------------------------------------------------------------------------------
-- Changes

/** Marks the stored rankings of these calls stale (calls deleted meanwhile are left alone). */
create function public.ranking_changed(calls uuid[]) returns void
language sql volatile security definer set search_path = ''
as $$
  insert into public.ranking_changes (call_id)
  select c.id from public.calls c where c.id = any (calls)
  on conflict do nothing
$$;
revoke execute on function public.ranking_changed(uuid[]) from public, anon, authenticated;

-- Each trigger below names its transition tables new_rows (insert, update) and old_rows (update,
-- delete); a statement reads only those its event has, hence the branches on tg_op.

-- Kept totals (reviews, normalised, raw and z): every score, assignment, weight, scale or minimum
-- change that moves them writes these rows (triggers of 20261125006000 and 20261201200000).
create function public.application_scores_ranking_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform public.ranking_changed(array_agg(distinct call_id)) from new_rows;
  elsif tg_op = 'DELETE' then
    perform public.ranking_changed(array_agg(distinct call_id)) from old_rows;
  else
    perform public.ranking_changed(array_agg(distinct x.call_id))
       from (select call_id from new_rows union select call_id from old_rows) x;
  end if;
  return null;
end
$$;

-- Assignments: the pending, recused and abstained counts (an assignment's status or round).
create function public.review_assignments_ranking_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform public.ranking_changed(array_agg(distinct a.call_id))
       from new_rows n join public.applications a on a.id = n.application_id;
  elsif tg_op = 'DELETE' then
    perform public.ranking_changed(array_agg(distinct a.call_id))
       from old_rows o join public.applications a on a.id = o.application_id;
  else
    perform public.ranking_changed(array_agg(distinct a.call_id))
       from new_rows n
       full join old_rows o using (application_id, reviewer_id, round)
       join public.applications a on a.id = coalesce(n.application_id, o.application_id)
      where n.status is distinct from o.status;
  end if;
  return null;
end
$$;

-- Applications: which are ranked (status, call), and their sort keys (code, startup).
create function public.applications_ranking_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform public.ranking_changed(array_agg(distinct call_id)) from new_rows where status = 'submitted';
  elsif tg_op = 'DELETE' then
    perform public.ranking_changed(array_agg(distinct call_id)) from old_rows where status = 'submitted';
  else
    perform public.ranking_changed(array_agg(distinct x.call_id))
       from new_rows n
       join old_rows o using (id),
            lateral (values (n.call_id), (o.call_id)) x(call_id)
      where (n.status, n.call_id, n.code, n.startup_id) is distinct from (o.status, o.call_id, o.code, o.startup_id)
        and (n.status = 'submitted' or o.status = 'submitted');
  end if;
  return null;
end
$$;

-- A startup renamed: its name sorts its submitted applications. (Every update fires it: a trigger
-- with transition tables cannot name columns.)
create function public.startups_ranking_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform public.ranking_changed(array_agg(distinct a.call_id))
     from new_rows n
     join old_rows o using (id)
     join public.applications a on a.startup_id = n.id and a.status = 'submitted'
    where n.name is distinct from o.name;
  return null;
end
$$;

-- A call deleted: its stored ranking goes with it.
create function public.calls_ranking_gone() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  delete from public.ranking_rows r using old_rows o where r.call_id = o.id;
  delete from public.ranking_stamps r using old_rows o where r.call_id = o.id;
  delete from public.ranking_changes r using old_rows o where r.call_id = o.id;
  return null;
end
$$;

revoke execute on function public.application_scores_ranking_changed(), public.review_assignments_ranking_changed(),
  public.applications_ranking_changed(), public.startups_ranking_changed(), public.calls_ranking_gone()
  from public, anon, authenticated;

create trigger application_scores_ranking_changed_insert after insert on public.application_scores
  referencing new table as new_rows for each statement execute function public.application_scores_ranking_changed();
create trigger application_scores_ranking_changed_update after update on public.application_scores
  referencing old table as old_rows new table as new_rows for each statement execute function public.application_scores_ranking_changed();
create trigger application_scores_ranking_changed_delete after delete on public.application_scores
  referencing old table as old_rows for each statement execute function public.application_scores_ranking_changed();

create trigger review_assignments_ranking_changed_insert after insert on public.review_assignments
  referencing new table as new_rows for each statement execute function public.review_assignments_ranking_changed();
create trigger review_assignments_ranking_changed_update after update on public.review_assignments
  referencing old table as old_rows new table as new_rows for each statement execute function public.review_assignments_ranking_changed();
create trigger review_assignments_ranking_changed_delete after delete on public.review_assignments
  referencing old table as old_rows for each statement execute function public.review_assignments_ranking_changed();

create trigger applications_ranking_changed_insert after insert on public.applications
  referencing new table as new_rows for each statement execute function public.applications_ranking_changed();
create trigger applications_ranking_changed_update after update on public.applications
  referencing old table as old_rows new table as new_rows for each statement execute function public.applications_ranking_changed();
create trigger applications_ranking_changed_delete after delete on public.applications
  referencing old table as old_rows for each statement execute function public.applications_ranking_changed();

create trigger startups_ranking_changed after update on public.startups
  referencing old table as old_rows new table as new_rows for each statement execute function public.startups_ranking_changed();

create trigger calls_ranking_gone after delete on public.calls
  referencing old table as old_rows for each statement execute function public.calls_ranking_gone();

-- ---------------------------------------------------------------------------------------------
-- Ranking and reading

/**
 * Ranks the call again and stores it, unless another reader did while this one waited for the
 * lock. Readers of one call take turns; writers never wait for this lock. Called by
 * ranking_page() after its check of the caller.
 */
create function public.rank_call(call uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform pg_advisory_xact_lock(hashtextextended('ranking-page:' || call::text, 0));
  if exists (select 1 from public.ranking_stamps where call_id = call)
     and not exists (select 1 from public.ranking_changes where call_id = call) then
    return;
  end if;
  -- Forget the changes this statement sees; the next statement ranks from a later snapshot, which
  -- holds every one of them. A writer still running keeps its row for the next reader.
  delete from public.ranking_changes where call_id = call;

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
end
$$;
revoke execute on function public.rank_call(uuid) from public, anon, authenticated;

/**
 * One page of the call's ranking for its managers (nobody else gets a row), exactly as the page
 * computed it from ranked_applications() per request: filtered by track, stage, eligibility and
 * decision (a decision waiting to be sent counts), sorted by rank, totals, reviews, startup or
 * code with the code breaking ties, with the count of all matching rows in `total`. Ranks the
 * call first when a change made its stored ranking stale. Each sort reads its own index.
 */
create function public.ranking_page(call uuid, sort text, descending boolean, only_track uuid, only_stage public.app_stage,
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
  ord text;
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

  return query execute format($q$
    select r.application_id, r.code, r.startup, t.id, t.name_vi, t.name_en, a.stage, a.eligible, a.decision, p.decision,
           a.offer_expires_at, a.offer_response, a.feedback_released,
           r.reviews, r.normalised, r.pending, r.recused, r.abstained, r.raw_score, r.z_score, r.rank, r.percentile,
           coalesce(r.raw_score >= $7, false),
           %s
      from public.ranking_rows r
      join public.applications a on a.id = r.application_id
      left join public.call_tracks t on t.id = a.track_id
      left join public.pending_decisions p on p.application_id = r.application_id and p.call_id = $1
     where r.call_id = $1 %s
     order by %s
     limit $8 offset $9 $q$,
    -- the count of every matching row: the stamp's when nothing is filtered
    case when filters = '' then '(select s.applications from public.ranking_stamps s where s.call_id = $1)'
         else format($c$(select count(*)::int from public.ranking_rows r
                          join public.applications a on a.id = r.application_id
                          left join public.pending_decisions p on p.application_id = r.application_id and p.call_id = $1
                         where r.call_id = $1 %s)$c$, filters)
    end,
    filters, ord)
  using call, only_track, only_stage, only_eligible, only_decision, min_score, shortlist, page_size, page_offset;
end
$$;
revoke execute on function public.ranking_page(uuid, text, boolean, uuid, public.app_stage, boolean, public.app_decision, boolean,
  numeric, numeric, int, int) from public, anon;
grant execute on function public.ranking_page(uuid, text, boolean, uuid, public.app_stage, boolean, public.app_decision, boolean,
  numeric, numeric, int, int) to authenticated, service_role;
