-- book_session() now holds a start to the mentor's own hours: inside an interval of the date's
-- weekly hours or date overrides (a day off closes the date), read in the mentor's time zone, on
-- the slot grid (whole steps from the interval's opening). A forged post can no longer book 3 a.m.
-- slots.ts offers the same starts; why both know the rules: decisions/001-double-booking.md.

/**
 * The mentor's rules accept a session starting at `start_at`: some interval of the start's local
 * date (or the day before, for an interval reaching past midnight in exact time) opens at or before
 * it, closes at or after its end, and is a whole number of steps before it. Wall clock to instant
 * by PostgreSQL's zone database (`timestamp at time zone`), as slots.ts does with Temporal; an
 * interval edge in a daylight-saving gap or repeat is resolved the same way by both (tested).
 * Not callable by users: book_session() and reschedule_session() call it as their owner.
 */
create function public.mentor_offers_start(mentor_row public.mentor_profiles, start_at timestamptz) returns boolean
language sql stable set search_path = ''
as $$
  with days as (
    select d::date as day
      from generate_series((start_at at time zone mentor_row.time_zone)::date - 1, (start_at at time zone mentor_row.time_zone)::date, interval '1 day') d
  ), hours as (
    -- a date's own hours replace its weekly rule; a row without times is a day off and wins
    select days.day, o.starts, o.ends
      from days join public.mentor_date_overrides o on o.mentor_id = mentor_row.user_id and o.on_date = days.day
     where not exists (select 1 from public.mentor_date_overrides x
                        where x.mentor_id = mentor_row.user_id and x.on_date = days.day and x.starts is null)
    union all
    select days.day, w.starts, w.ends
      from days join public.mentor_weekly_hours w on w.mentor_id = mentor_row.user_id and w.weekday = extract(isodow from days.day)
     where not exists (select 1 from public.mentor_date_overrides x where x.mentor_id = mentor_row.user_id and x.on_date = days.day)
  )
  select exists (
    select 1
      from hours h
     cross join lateral (select (h.day + h.starts) at time zone mentor_row.time_zone as opens,
                                (h.day + h.ends) at time zone mentor_row.time_zone as closes) e
     where start_at >= e.opens
       and start_at + make_interval(mins => mentor_row.slot_minutes) <= e.closes
       and mod((extract(epoch from start_at - e.opens) * 1000)::bigint, mentor_row.step_minutes * 60000::bigint) = 0
  )
$$;
revoke execute on function public.mentor_offers_start(public.mentor_profiles, timestamptz) from public, anon, authenticated;

/**
 * A startup's member books its assigned mentor, approved for the programme the startup is in, at
 * `starts` for the mentor's slot length. Refusals are raised by name (the module maps them to
 * messages): not_found (not the caller's startup, or not in the programme's cohort),
 * mentor_not_assigned, too_soon, too_far, outside_hours (not a start the mentor's weekly hours, date
 * overrides and slot grid offer: mentor_offers_start), week_full, budget_exceeded; an overlap fails on
 * mentoring_sessions_no_overlap. Locks the mentor's profile, then the startup's cohort row, always
 * in that order, so the weekly cap and the hours budget hold under concurrent bookings and two
 * bookings never deadlock.
 */
create or replace function public.book_session(program uuid, startup uuid, mentor uuid, starts timestamptz) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  m public.mentor_profiles;
  budget numeric;
  used numeric;
  local_week timestamp;
  ends timestamptz;
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
  ends := starts + make_interval(mins => m.slot_minutes);
  if starts < now() + make_interval(mins => m.min_notice_minutes) then
    raise exception 'too_soon';
  end if;
  if starts > now() + make_interval(days => m.horizon_days) then
    raise exception 'too_far';
  end if;
  if not public.mentor_offers_start(m, starts) then
    raise exception 'outside_hours';
  end if;
  -- the week runs Monday to Monday on the mentor's clock
  local_week := date_trunc('week', starts at time zone m.time_zone);
  if (select count(*) from public.mentoring_sessions s
       where s.mentor_id = mentor and s.status <> 'cancelled'
         and s.starts_at >= local_week at time zone m.time_zone
         and s.starts_at < (local_week + interval '7 days') at time zone m.time_zone) >= m.weekly_cap then
    raise exception 'week_full';
  end if;

  perform 1 from public.cohort_members c where c.program_id = program and c.startup_id = startup for update;
  select p.mentoring_hours_per_startup into budget from public.programs p where p.id = program;
  select coalesce(sum(extract(epoch from s.ends_at - s.starts_at)), 0) / 3600 into used
    from public.mentoring_sessions s
   where s.program_id = program and s.startup_id = startup and s.status <> 'cancelled';
  if used + extract(epoch from ends - starts) / 3600 > budget then
    raise exception 'budget_exceeded';
  end if;

  insert into public.mentoring_sessions (program_id, startup_id, mentor_id, booked_by, starts_at, ends_at, blocked_from, blocked_until)
  values (program, startup, mentor, (select auth.uid()), starts, ends,
          starts - make_interval(mins => m.buffer_before_minutes), ends + make_interval(mins => m.buffer_after_minutes))
  returning id into booked;
  return booked;
end
$$;
