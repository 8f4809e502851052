-- The reviewer's list (/review) joins two set-returning definer functions, which PostgreSQL 17 plans
-- anew in every statement (a security definer `language sql` function is never inlined):
-- tests/load/pg-statements.ts, session 20, 1.8 + 1.0 ms of the list's 6.3 ms a request. In PL/pgSQL
-- the same statements keep their plans for the connection. And each read the whole applications
-- table (a seq scan of 5,000 rows and a hash, EXPLAIN under pg-statements.ts EXPLAIN=1): the caller
-- was `(select auth.uid())`, unknown to the planner, which took every reviewer for 247 assignments;
-- read into a variable first, it is the plan's parameter, and the planner probes the applications by
-- key for the caller's few assignments. Same rows, same rule (the caller's own assignments); the
-- review page and scoring, which join assigned_applications() too, profit alike.
--
-- Why a new migration: the functions are redefined (20261125003000 and 20261125005000 stay as landed).

create or replace function public.my_review_assignment_refs()
returns table (application_id uuid, round public.app_stage, code text, call_id uuid)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  me uuid := auth.uid();
begin
  return query
    select r.application_id, r.round, a.code, a.call_id
      from public.review_assignments r join public.applications a on a.id = r.application_id
     where r.reviewer_id = me;
end
$$;

create or replace function public.assigned_applications()
returns table (id uuid, call_id uuid, track_id uuid, code text, status public.app_status, stage public.app_stage, submitted_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  me uuid := auth.uid();
begin
  return query
    select a.id, a.call_id, a.track_id, a.code, a.status, a.stage, a.submitted_at
      from public.applications a
     where a.id in (select r.application_id from public.review_assignments r
                     where r.reviewer_id = me and r.status <> 'recused');
end
$$;
