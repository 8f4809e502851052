-- The managers' mentoring report's two functions in PL/pgSQL (decision 008, eighth pass, report):
-- as `security definer` SQL functions PostgreSQL planned their statements anew at every call
-- (pg-statements, session 22: 2.4 + 0.75 ms of planning a request, the mentors' the larger), as
-- org_roster() and ticket_availability() were (20261209400100); PL/pgSQL keeps the plans per
-- connection. The caller is checked once, before the read, instead of in each `where` (anyone but
-- the programme's managers and platform administrators still gets no rows). And the mentors' sessions
-- are read once: each session joined to its founder's and its mentor's feedback (at most one of
-- each: the key is (session_id, side)) instead of the sessions read twice, once for the counts and
-- once joined to all the feedback. Same signatures, grants, rows and order as 20261203400300.

create or replace function public.mentoring_report_startups(program uuid)
returns table (startup_id uuid, name text, held int, upcoming int, used_hours float8, booked_hours float8,
               startup_no_shows int, mentor_no_shows int, last_session_at timestamptz, quiet boolean)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  if not public.manages_program(program) then
    return;
  end if;
  return query
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
       where m.program_id = program
       group by m.startup_id
    )
    select c.startup_id, st.name, coalesce(s.held, 0), coalesce(s.upcoming, 0), coalesce(s.used_hours, 0), coalesce(s.booked_hours, 0),
           coalesce(s.startup_no_shows, 0), coalesce(s.mentor_no_shows, 0), s.last_session_at,
           s.last_session_at is null or s.last_session_at <= now() - interval '30 days'
      from public.cohort_members c
      join public.startups st on st.id = c.startup_id
      left join s on s.startup_id = c.startup_id
     where c.program_id = program
     order by st.name, c.startup_id;
end
$$;

create or replace function public.mentoring_report_mentors(program uuid)
returns table (mentor_id uuid, name text, held int, no_shows int, rating float8, ratings int, session_rating float8)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  if not public.manages_program(program) then
    return;
  end if;
  return query
    with s as (
      select m.mentor_id,
             count(*) filter (where m.status = 'held' or (m.status = 'booked' and m.ends_at <= now()))::int as held,
             count(*) filter (where m.absent = 'mentor')::int as no_shows,
             round(avg(ff.rating), 1)::float8 as rating,
             count(ff.rating)::int as ratings,
             round(avg(fm.rating), 1)::float8 as session_rating
        from public.mentoring_sessions m
        left join public.mentoring_feedback ff on ff.session_id = m.id and ff.side = 'founder'
        left join public.mentoring_feedback fm on fm.session_id = m.id and fm.side = 'mentor'
       where m.program_id = program
       group by m.mentor_id
    )
    select pm.mentor_id, coalesce(p.display_name, '—'), coalesce(s.held, 0), coalesce(s.no_shows, 0), s.rating, coalesce(s.ratings, 0), s.session_rating
      from public.program_mentors pm
      left join public.profiles p on p.id = pm.mentor_id
      left join s on s.mentor_id = pm.mentor_id
     where pm.program_id = program
     order by 2, pm.mentor_id;
end
$$;
