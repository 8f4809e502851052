-- /review's two assignment functions planned once per connection, not once per page (decision 008,
-- eighth pass, policies). 20261208100100 made them PL/pgSQL with the caller read into `me`, so
-- PostgreSQL's plan cache saw `me` as a parameter and kept choosing a custom plan for each call:
-- the generic plan (a reviewer estimated at ~250 assignments: a hash join over a seq scan of every
-- application) always looked dearer than a custom one for the demo reviewer's single row, so each
-- call planned again (pg-statements, session 22: 0.37 + 0.49 ms of planning a /review page, against
-- 0.06 + 0.02 ms of execution). Now:
-- - each application is probed by its key from a lateral `limit 1` subquery (the key is unique, so
--   the same rows), which no plan turns into a hash join over the whole table;
-- - `plan_cache_mode = force_generic_plan` for the function's own statement: planned at the first
--   call of a connection and kept. EXPLAIN as the demo reviewer (1 assignment) and a load reviewer
--   (251): index probes either way; 251 rows 1.0 ms against the custom hash join's 4.3 + 0.6.
-- Same signatures, rights (`security definer`, the caller's own assignments only, as before), rows.
-- The rows come in no particular order, as before (the callers join them).

create or replace function public.my_review_assignment_refs()
returns table (application_id uuid, round public.app_stage, code text, call_id uuid)
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_generic_plan
as $$
#variable_conflict use_column
declare
  me uuid := auth.uid();
begin
  return query
    select r.application_id, r.round, a.code, a.call_id
      from public.review_assignments r
      cross join lateral (select a.code, a.call_id from public.applications a where a.id = r.application_id limit 1) a
     where r.reviewer_id = me;
end
$$;

create or replace function public.assigned_applications()
returns table (id uuid, call_id uuid, track_id uuid, code text, status public.app_status, stage public.app_stage, submitted_at timestamptz)
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_generic_plan
as $$
#variable_conflict use_column
declare
  me uuid := auth.uid();
begin
  -- each application once, as `a.id in (…)` gave it: a reviewer may hold several rounds of one
  return query
    select a.id, a.call_id, a.track_id, a.code, a.status, a.stage, a.submitted_at
      from (select distinct r.application_id from public.review_assignments r
             where r.reviewer_id = me and r.status <> 'recused') mine
      cross join lateral (select a.id, a.call_id, a.track_id, a.code, a.status, a.stage, a.submitted_at
                            from public.applications a where a.id = mine.application_id limit 1) a;
end
$$;

-- review_assignments' managers' policy for writes only, as 20261207100100 did for call_tracks:
-- being `for all`, it ORed `manages_application(application_id)` once more into every read's
-- select policy, which already grants the application's managers (`reviewer_id = auth.uid() or
-- manages_application(application_id)`): reads keep the same rows, and a row no policy shows no
-- longer asks manages_application twice. Writes keep the same USING and WITH CHECK.
drop policy review_assignments_manage on public.review_assignments;
create policy review_assignments_insert on public.review_assignments for insert to authenticated
  with check (public.manages_application(application_id));
create policy review_assignments_update on public.review_assignments for update to authenticated
  using (public.manages_application(application_id)) with check (public.manages_application(application_id));
create policy review_assignments_delete on public.review_assignments for delete to authenticated
  using (public.manages_application(application_id));
