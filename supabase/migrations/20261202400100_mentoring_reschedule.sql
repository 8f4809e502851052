-- Mentoring booking, part 2: where a session is held, how late it may change, and changing it.
--   mentor_profiles.meeting_default   the link or place a new session gets (the mentor may change it per session later)
--   mentor_profiles.cancel_cutoff_hours  the mentor's rule: no reschedule or cancel closer than this to the start
--   mentoring_sessions.location       the link or place of this session
--   mentoring_sessions.sequence       the ICS SEQUENCE: every change a calendar must apply raises it
--   mentoring_sessions.reminded_*_for the start a reminder was sent for: once per start, none for a moved start
-- The checks a start must pass live in one function, session_time_refusal(), used by booking and
-- rescheduling alike; locks are taken in one order (mentor profile, then cohort row) by both.

alter table public.mentor_profiles
  add column meeting_default text not null default '' check (char_length(meeting_default) <= 500),
  add column cancel_cutoff_hours int not null default 24 check (cancel_cutoff_hours between 0 and 168);

alter table public.mentoring_sessions
  add column location text not null default '' check (char_length(location) <= 500),
  add column sequence int not null default 0 check (sequence >= 0),
  add column cancelled_by uuid references auth.users (id) on delete set null,
  add column reminded_day_for timestamptz,
  add column reminded_hour_for timestamptz;
create index mentoring_sessions_upcoming_idx on public.mentoring_sessions (starts_at) where status = 'booked';

/**
 * Why the mentor's rules refuse a session at [starts, starts + slot) for the startup, or null:
 * too_soon, too_far, outside_hours, week_full, budget_exceeded. `except_session` is left out of the
 * counts (the session being moved). The caller holds the mentor's profile lock and the startup's
 * cohort row lock. Internal: not callable by users.
 */
create function public.session_time_refusal(m public.mentor_profiles, program uuid, startup uuid, starts timestamptz, except_session uuid)
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
  select coalesce(sum(extract(epoch from s.ends_at - s.starts_at)), 0) / 3600 into used
    from public.mentoring_sessions s
   where s.program_id = program and s.startup_id = startup and s.status <> 'cancelled' and s.id is distinct from except_session;
  if used + m.slot_minutes / 60.0 > budget then
    return 'budget_exceeded';
  end if;
  return null;
end
$$;
revoke execute on function public.session_time_refusal(public.mentor_profiles, uuid, uuid, timestamptz, uuid) from public, anon, authenticated;

/**
 * A startup's member books its assigned mentor, approved for the programme the startup is in, at
 * `starts` for the mentor's slot length, at the mentor's default link or place. Refusals are raised
 * by name (the module maps them to messages): not_found (not the caller's startup, or not in the
 * programme's cohort), mentor_not_assigned, and those of session_time_refusal(); an overlap fails on
 * mentoring_sessions_no_overlap. Locks the mentor's profile, then the startup's cohort row, always
 * in that order, so the weekly cap and the hours budget hold under concurrent bookings and two
 * bookings never deadlock.
 */
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
  if not exists (select 1 from public.startup_mentors sm where sm.startup_id = startup and sm.mentor_id = mentor)
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

/**
 * The session's mentor or one of its startup's members moves it to `starts`, no later than the
 * mentor's cutoff before its current start. One update of one row: the old time is freed and the
 * new one taken in the same statement, under the exclusion constraint, so a concurrent booking or
 * reschedule gets one or the other, never both. Raises not_found (not the caller's session, or not
 * booked), past_cutoff, same_time, and those of session_time_refusal().
 */
create function public.reschedule_session(session uuid, starts timestamptz) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s public.mentoring_sessions;
  m public.mentor_profiles;
  refusal text;
begin
  select * into s from public.mentoring_sessions x where x.id = session;
  if (select auth.uid()) is null or s.id is null
     or not (s.mentor_id = (select auth.uid()) or public.is_startup_member(s.startup_id)) then
    raise exception 'not_found';
  end if;
  select * into m from public.mentor_profiles where user_id = s.mentor_id for update;
  perform 1 from public.cohort_members c where c.program_id = s.program_id and c.startup_id = s.startup_id for update;
  -- read again under the locks: a concurrent cancel or move has finished by now
  select * into s from public.mentoring_sessions x where x.id = session for update;
  if s.status <> 'booked' then
    raise exception 'not_found';
  end if;
  if s.starts_at < now() + make_interval(hours => m.cancel_cutoff_hours) then
    raise exception 'past_cutoff';
  end if;
  if s.starts_at = starts then
    raise exception 'same_time';
  end if;
  refusal := public.session_time_refusal(m, s.program_id, s.startup_id, starts, s.id);
  if refusal is not null then
    raise exception '%', refusal;
  end if;
  update public.mentoring_sessions
     set starts_at = starts, ends_at = starts + make_interval(mins => m.slot_minutes),
         blocked_from = starts - make_interval(mins => m.buffer_before_minutes),
         blocked_until = starts + make_interval(mins => m.slot_minutes + m.buffer_after_minutes),
         sequence = sequence + 1
   where id = session;
  return session;
end
$$;

/**
 * The session's mentor or one of its startup's members cancels it, no later than the mentor's
 * cutoff before its start: its time is free again (the exclusion constraint skips cancelled rows).
 * Raises not_found (not the caller's session, or not booked) and past_cutoff. Returns the session.
 */
create function public.cancel_session(session uuid) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s public.mentoring_sessions;
  cutoff int;
begin
  select * into s from public.mentoring_sessions x where x.id = session for update;
  if (select auth.uid()) is null or s.id is null
     or not (s.mentor_id = (select auth.uid()) or public.is_startup_member(s.startup_id)) or s.status <> 'booked' then
    raise exception 'not_found';
  end if;
  select p.cancel_cutoff_hours into cutoff from public.mentor_profiles p where p.user_id = s.mentor_id;
  if s.starts_at < now() + make_interval(hours => cutoff) then
    raise exception 'past_cutoff';
  end if;
  update public.mentoring_sessions
     set status = 'cancelled', cancelled_at = now(), cancelled_by = (select auth.uid()), sequence = sequence + 1
   where id = session;
  return session;
end
$$;

revoke execute on function public.reschedule_session(uuid, timestamptz), public.cancel_session(uuid) from public, anon;
grant execute on function public.reschedule_session(uuid, timestamptz), public.cancel_session(uuid) to authenticated, service_role;
