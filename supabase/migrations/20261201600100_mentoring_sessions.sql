-- Mentoring, part 2: sessions, and booking them without double bookings or spent budgets.
-- Why an exclusion constraint and two row locks: app/modules/mentoring/decisions/001-double-booking.md.

-- In schema extensions, as Supabase keeps them, not in public: its hundred support functions would
-- otherwise be part of the API (executable by anon). The exclusion constraint finds the default
-- operator classes whatever the search path.
create schema if not exists extensions;
create extension if not exists btree_gist with schema extensions;

create table public.mentoring_sessions (
  id uuid primary key default gen_random_uuid(),
  program_id uuid not null references public.programs (id) on delete cascade,
  startup_id uuid not null references public.startups (id) on delete cascade,
  mentor_id uuid not null references public.mentor_profiles (user_id) on delete cascade,
  booked_by uuid references auth.users (id) on delete set null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- the session with the mentor's buffers around it: the time no other session may touch
  blocked_from timestamptz not null,
  blocked_until timestamptz not null,
  status text not null default 'booked' check (status in ('booked', 'cancelled', 'held', 'no_show')),
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check (blocked_from <= starts_at and blocked_until >= ends_at),
  -- Half-open ranges: a session ending at 11:00 and one starting at 11:00 do not overlap.
  -- Cancelled sessions free their time.
  constraint mentoring_sessions_no_overlap exclude using gist (
    mentor_id with =, tstzrange(blocked_from, blocked_until, '[)') with &&
  ) where (status <> 'cancelled')
);
create index mentoring_sessions_startup_idx on public.mentoring_sessions (program_id, startup_id) where status <> 'cancelled';
create index mentoring_sessions_mentor_start_idx on public.mentoring_sessions (mentor_id, starts_at);
create index mentoring_sessions_startup_id_idx on public.mentoring_sessions (startup_id);
alter table public.mentoring_sessions enable row level security;

-- The mentor, the startup's people and the programme's managers see a session. Nobody writes one
-- directly: booking goes through book_session(), which checks who books what.
create policy mentoring_sessions_select on public.mentoring_sessions for select to authenticated
  using (
    mentor_id = (select auth.uid())
    or public.is_startup_member(startup_id)
    or public.manages_program(program_id)
  );
revoke all on public.mentoring_sessions from anon;
revoke insert, update, delete, truncate on public.mentoring_sessions from authenticated;

/**
 * A startup's member books its assigned mentor, approved for the programme the startup is in, at
 * `starts` for the mentor's slot length. Refusals are raised by name (the module maps them to
 * messages): not_found (not the caller's startup, or not in the programme's cohort),
 * mentor_not_assigned, too_soon, too_far, week_full, budget_exceeded; an overlap fails on
 * mentoring_sessions_no_overlap. Locks the mentor's profile, then the startup's cohort row, always
 * in that order, so the weekly cap and the hours budget hold under concurrent bookings and two
 * bookings never deadlock.
 */
create function public.book_session(program uuid, startup uuid, mentor uuid, starts timestamptz) returns uuid
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
revoke execute on function public.book_session(uuid, uuid, uuid, timestamptz) from public, anon;
grant execute on function public.book_session(uuid, uuid, uuid, timestamptz) to authenticated, service_role;

/**
 * When the mentor is busy between two instants (sessions with their buffers), without saying with
 * whom: what a founder's slot page needs. Only for callers who may see the mentor (sees_mentor).
 */
create function public.mentor_busy(mentor uuid, from_at timestamptz, until_at timestamptz)
returns table (starts_at timestamptz, ends_at timestamptz, blocked_from timestamptz, blocked_until timestamptz)
language sql stable security definer set search_path = ''
as $$
  select s.starts_at, s.ends_at, s.blocked_from, s.blocked_until
    from public.mentoring_sessions s
   where public.sees_mentor(mentor) and s.mentor_id = mentor and s.status <> 'cancelled'
     and tstzrange(s.blocked_from, s.blocked_until, '[)') && tstzrange(from_at, until_at, '[)')
   order by s.starts_at
$$;
revoke execute on function public.mentor_busy(uuid, timestamptz, timestamptz) from public, anon;
grant execute on function public.mentor_busy(uuid, timestamptz, timestamptz) to authenticated, service_role;
