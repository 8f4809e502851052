-- The managers' mentoring report (500 startups × a year of monthly sessions) took about 1.5 s a
-- request. Two causes, both fixed here without changing what the report says:
-- - mentoring_session_counts(), the one hours rule, had `set search_path`, which keeps PostgreSQL
--   from inlining a SQL function: it ran as a function call, with a search_path switch, for every
--   session row of every report and every hours sum. It now has no SET clause and names every
--   operator and type by schema (pg_catalog), so a caller's search_path cannot change it, and it
--   is inlined into the statements that use it.
-- - Both report functions grouped the joined rows (startups × sessions, mentors × sessions ×
--   feedback, with count(distinct)); they now aggregate sessions and feedback once, per startup or
--   per mentor, and join the small results. Indexes serve the programme's rows.

/** The one hours rule (decisions/003-hours-used.md), unchanged: booked, held, or a no-show of the startup. Inlined by the planner. */
create or replace function public.mentoring_session_counts(status text, absent text) returns boolean
language sql immutable
as $$
  select status operator(pg_catalog.=) any (array['booked', 'held']::pg_catalog.text[])
      or (status operator(pg_catalog.=) 'no_show' and coalesce(absent operator(pg_catalog.=) 'startup', false))
$$;

create index mentoring_sessions_program_startup_idx on public.mentoring_sessions (program_id, startup_id);
create index mentoring_sessions_program_mentor_idx on public.mentoring_sessions (program_id, mentor_id);

create or replace function public.mentoring_report_startups(program uuid)
returns table (startup_id uuid, name text, held int, upcoming int, used_hours float8, booked_hours float8,
               startup_no_shows int, mentor_no_shows int, last_session_at timestamptz, quiet boolean)
language sql stable security definer set search_path = ''
as $$
  with s as (
    select m.startup_id,
           count(*) filter (where m.status = 'held' or (m.status = 'booked' and m.ends_at <= now()))::int as held,
           count(*) filter (where m.status = 'booked' and m.ends_at > now())::int as upcoming,
           coalesce(sum(date_part('epoch', m.ends_at - m.starts_at) / 3600)
                      filter (where public.mentoring_session_counts(m.status, m.absent) and m.ends_at <= now()), 0)::float8 as used_hours,
           coalesce(sum(date_part('epoch', m.ends_at - m.starts_at) / 3600)
                      filter (where public.mentoring_session_counts(m.status, m.absent) and m.ends_at > now()), 0)::float8 as booked_hours,
           count(*) filter (where m.absent = 'startup')::int as startup_no_shows,
           count(*) filter (where m.absent = 'mentor')::int as mentor_no_shows,
           max(m.starts_at) filter (where public.mentoring_session_counts(m.status, m.absent) and m.starts_at <= now()) as last_session_at
      from public.mentoring_sessions m
     where m.program_id = program and (select public.manages_program(program))
     group by m.startup_id
  )
  select c.startup_id, st.name, coalesce(s.held, 0), coalesce(s.upcoming, 0), coalesce(s.used_hours, 0), coalesce(s.booked_hours, 0),
         coalesce(s.startup_no_shows, 0), coalesce(s.mentor_no_shows, 0), s.last_session_at,
         s.last_session_at is null or s.last_session_at <= now() - interval '30 days'
    from public.cohort_members c
    join public.startups st on st.id = c.startup_id
    left join s on s.startup_id = c.startup_id
   where c.program_id = program and (select public.manages_program(program))
   order by st.name, c.startup_id
$$;

create or replace function public.mentoring_report_mentors(program uuid)
returns table (mentor_id uuid, name text, held int, no_shows int, rating float8, ratings int, session_rating float8)
language sql stable security definer set search_path = ''
as $$
  with s as (
    select m.mentor_id,
           count(*) filter (where m.status = 'held' or (m.status = 'booked' and m.ends_at <= now()))::int as held,
           count(*) filter (where m.absent = 'mentor')::int as no_shows
      from public.mentoring_sessions m
     where m.program_id = program and (select public.manages_program(program))
     group by m.mentor_id
  ), f as (
    select m.mentor_id,
           round(avg(f.rating) filter (where f.side = 'founder'), 1)::float8 as rating,
           count(*) filter (where f.side = 'founder')::int as ratings,
           round(avg(f.rating) filter (where f.side = 'mentor'), 1)::float8 as session_rating
      from public.mentoring_feedback f join public.mentoring_sessions m on m.id = f.session_id
     where m.program_id = program and (select public.manages_program(program))
     group by m.mentor_id
  )
  select pm.mentor_id, coalesce(p.display_name, '—'), coalesce(s.held, 0), coalesce(s.no_shows, 0), f.rating, coalesce(f.ratings, 0), f.session_rating
    from public.program_mentors pm
    left join public.profiles p on p.id = pm.mentor_id
    left join s on s.mentor_id = pm.mentor_id
    left join f on f.mentor_id = pm.mentor_id
   where pm.program_id = program and (select public.manages_program(program))
   order by 2, pm.mentor_id
$$;
