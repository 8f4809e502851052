-- my_mentoring_sessions() repeated my_mentoring_session()'s body (20261203400100_mentoring_manage.sql):
-- the same joins and columns twice. Now the list picks the caller's sessions (which, in what
-- order, how many) and each row is the one-session function's, so a session reads the same in
-- the list and alone. (The reverse, the one session as a filter over the list, would read up to
-- 500 rows to answer one: security definer functions are not inlined.)
create or replace function public.my_mentoring_sessions(upcoming boolean, max_rows int)
returns table (id uuid, program_id uuid, startup_id uuid, mentor_id uuid, starts_at timestamptz, ends_at timestamptz, status text,
               location text, startup_name text, mentor_name text, program_name_vi text, program_name_en text,
               cutoff_hours int, as_mentor boolean)
language sql stable security definer set search_path = ''
as $$
  select m.*
    from (select s.id, s.starts_at from public.mentoring_sessions s
           where (s.mentor_id = (select auth.uid()) or public.is_startup_member(s.startup_id))
             and (not upcoming or (s.status = 'booked' and s.ends_at > now()))
           order by case when upcoming then s.starts_at end, s.starts_at desc
           limit least(greatest(max_rows, 0), 500)) s
   cross join lateral public.my_mentoring_session(s.id) m
   order by case when upcoming then s.starts_at end, s.starts_at desc
$$;
