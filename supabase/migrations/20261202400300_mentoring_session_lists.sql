-- What the founders' and mentors' mentoring pages read, in one statement each: names that the
-- profile policy would hide from a founder who shares no organisation with the mentor, and one's
-- own sessions with the names of both sides. Each answers only about the caller.

/** Display names of mentors the caller may see (sees_mentor): the founders' mentor cards. */
create function public.mentor_names(mentors uuid[]) returns table (id uuid, name text)
language sql stable security definer set search_path = ''
as $$
  select p.id, p.display_name from public.profiles p
   where p.id = any (mentors) and cardinality(mentors) <= 200 and public.sees_mentor(p.id)
$$;

/**
 * The caller's sessions, as the mentor or as a founder of the startup: upcoming booked ones only,
 * or all (newest first), at most `max_rows`.
 */
create function public.my_mentoring_sessions(upcoming boolean, max_rows int)
returns table (id uuid, program_id uuid, startup_id uuid, mentor_id uuid, starts_at timestamptz, ends_at timestamptz, status text,
               location text, startup_name text, mentor_name text, program_name_vi text, program_name_en text,
               cutoff_hours int, as_mentor boolean)
language sql stable security definer set search_path = ''
as $$
  select s.id, s.program_id, s.startup_id, s.mentor_id, s.starts_at, s.ends_at, s.status, s.location, st.name,
         coalesce(p.display_name, ''), pr.name_vi, pr.name_en, mp.cancel_cutoff_hours, s.mentor_id = (select auth.uid())
    from public.mentoring_sessions s
    join public.startups st on st.id = s.startup_id
    join public.programs pr on pr.id = s.program_id
    join public.mentor_profiles mp on mp.user_id = s.mentor_id
    left join public.profiles p on p.id = s.mentor_id
   where (s.mentor_id = (select auth.uid()) or public.is_startup_member(s.startup_id))
     and (not upcoming or (s.status = 'booked' and s.ends_at > now()))
   order by case when upcoming then s.starts_at end, s.starts_at desc
   limit least(greatest(max_rows, 0), 500)
$$;

revoke execute on function public.mentor_names(uuid[]), public.my_mentoring_sessions(boolean, int) from public, anon;
grant execute on function public.mentor_names(uuid[]), public.my_mentoring_sessions(boolean, int) to authenticated, service_role;
