-- Booking follows the rules the other parts of mentoring settled on:
-- - the hours budget is held against the one hours rule, mentoring_hours_committed()
--   (decisions/003-hours-used.md): a session the mentor missed no longer uses the startup's hours;
-- - a mentor is bookable in the programme that matched them (startup_mentors.program_id), not in
--   any programme that happens to approve them too. Pairs recorded before matching existed have
--   no programme and stay bookable.

create or replace function public.session_time_refusal(m public.mentor_profiles, program uuid, startup uuid, starts timestamptz, except_session uuid)
returns text
language plpgsql stable set search_path = ''
as $$
declare
  local_week timestamp;
  budget numeric;
  used numeric;
begin
  if starts < now() + make_interval(mins => m.min_notice_minutes) then
    return 'too_soon';
  end if;
  if starts > now() + make_interval(days => m.horizon_days) then
    return 'too_far';
  end if;
  if not public.mentor_offers_start(m, starts) then
    return 'outside_hours';
  end if;
  -- the week runs Monday to Monday on the mentor's clock
  local_week := date_trunc('week', starts at time zone m.time_zone);
  if (select count(*) from public.mentoring_sessions s
       where s.mentor_id = m.user_id and s.status <> 'cancelled' and s.id is distinct from except_session
         and s.starts_at >= local_week at time zone m.time_zone
         and s.starts_at < (local_week + interval '7 days') at time zone m.time_zone) >= m.weekly_cap then
    return 'week_full';
  end if;
  select p.mentoring_hours_per_startup into budget from public.programs p where p.id = program;
  -- the one hours rule (decisions/003-hours-used.md), less the session being moved if it counts
  used := coalesce(public.mentoring_hours_committed(program, startup), 0)
        - coalesce((select extract(epoch from s.ends_at - s.starts_at) / 3600 from public.mentoring_sessions s
                     where s.id = except_session and public.mentoring_session_counts(s.status, s.absent)), 0);
  if used + m.slot_minutes / 60.0 > budget then
    return 'budget_exceeded';
  end if;
  return null;
end
$$;

create or replace function public.book_session(program uuid, startup uuid, mentor uuid, starts timestamptz) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  m public.mentor_profiles;
  refusal text;
  booked uuid;
begin
  -- the caller first, before any lock: only the startup's people book for it
  if (select auth.uid()) is null or not public.is_startup_member(startup)
     or not exists (select 1 from public.cohort_members c where c.program_id = program and c.startup_id = startup) then
    raise exception 'not_found';
  end if;
  if not exists (select 1 from public.startup_mentors sm
                  where sm.startup_id = startup and sm.mentor_id = mentor and (sm.program_id = program or sm.program_id is null))
     or not exists (select 1 from public.program_mentors pm where pm.program_id = program and pm.mentor_id = mentor) then
    raise exception 'mentor_not_assigned';
  end if;

  select * into m from public.mentor_profiles where user_id = mentor for update;
  perform 1 from public.cohort_members c where c.program_id = program and c.startup_id = startup for update;
  refusal := public.session_time_refusal(m, program, startup, starts, null);
  if refusal is not null then
    raise exception '%', refusal;
  end if;

  insert into public.mentoring_sessions (program_id, startup_id, mentor_id, booked_by, starts_at, ends_at, blocked_from, blocked_until, location)
  values (program, startup, mentor, (select auth.uid()), starts, starts + make_interval(mins => m.slot_minutes),
          starts - make_interval(mins => m.buffer_before_minutes),
          starts + make_interval(mins => m.slot_minutes + m.buffer_after_minutes), m.meeting_default)
  returning id into booked;
  return booked;
end
$$;
