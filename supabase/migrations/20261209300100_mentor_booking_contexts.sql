-- The week of slots' booking contexts in one definer call (decision 008, seventh pass, member).
-- The page read them under RLS, where startup_mentors', program_mentors' and mentoring_sessions'
-- select policies each ran is_startup_member() again per row, and program_mentors' ran my_org_ids(),
-- planned anew on every page (pg_stat_statements: about 0.8 ms of planning a page). The rule is
-- the same: the caller's own startups (is_startup_member), in a programme's cohort, with the mentor
-- assigned to the startup and approved for the programme. Every row the statement reads is one RLS
-- already shows a member of that startup (the startup's mentors and sessions by is_startup_member,
-- the programme's mentors through the startup's cohort row), so the answers are the same.

/**
 * The programmes and startups in which the caller may book `mentor`: their startups in a cohort,
 * with the mentor assigned (startup_mentors) and approved for the programme (program_mentors), the
 * programme's hours per startup and the hours of the startup's sessions in it not cancelled.
 */
create function public.mentor_booking_contexts(mentor uuid)
returns table (program_id uuid, startup_id uuid, startup_name text, program_name_vi text, program_name_en text, budget_hours float8, used_hours float8)
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select c.program_id, c.startup_id, st.name, pr.name_vi, pr.name_en, pr.mentoring_hours_per_startup::float8,
         coalesce((select sum(extract(epoch from s.ends_at - s.starts_at)) / 3600 from public.mentoring_sessions s
                    where s.program_id = c.program_id and s.startup_id = c.startup_id and s.status <> 'cancelled'), 0)::float8
    from public.cohort_members c
    join public.startups st on st.id = c.startup_id
    join public.programs pr on pr.id = c.program_id
   where public.is_startup_member(c.startup_id)
     and exists (select 1 from public.startup_mentors sm where sm.startup_id = c.startup_id and sm.mentor_id = mentor)
     and exists (select 1 from public.program_mentors pm where pm.program_id = c.program_id and pm.mentor_id = mentor)
   order by c.joined_at desc;
end
$$;
revoke execute on function public.mentor_booking_contexts(uuid) from public, anon;
grant execute on function public.mentor_booking_contexts(uuid) to authenticated, service_role;
