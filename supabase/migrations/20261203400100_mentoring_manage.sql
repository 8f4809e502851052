-- Mentoring, managed: a programme's managers end a mentoring, and the mentor (or a manager) changes
-- where a booked session is held. Why the ended pair moves to a history table instead of a column
-- on startup_mentors: decisions/011-audit-and-ending.md.
--   mentoring_endings        the pairs that ended: who mentored whom in which programme, since and until when, who ended it
--   end_mentoring()          ends a pair: its sessions still to come are cancelled, the pair leaves startup_mentors
--   set_session_location()   the link or place of a booked session, raising its ICS SEQUENCE
--   my_mentoring_session()   one of the caller's sessions, as my_mentoring_sessions() lists them

create table public.mentoring_endings (
  id uuid primary key default gen_random_uuid(),
  program_id uuid not null references public.programs (id) on delete cascade,
  startup_id uuid not null references public.startups (id) on delete cascade,
  mentor_id uuid not null references auth.users (id) on delete cascade,
  since timestamptz not null,
  assigned_by uuid references auth.users (id) on delete set null,
  ended_at timestamptz not null default now(),
  ended_by uuid references auth.users (id) on delete set null,
  cancelled_sessions int not null default 0 check (cancelled_sessions >= 0)
);
create index mentoring_endings_program_idx on public.mentoring_endings (program_id, ended_at desc);
create index mentoring_endings_startup_idx on public.mentoring_endings (startup_id);
create index mentoring_endings_mentor_idx on public.mentoring_endings (mentor_id);
alter table public.mentoring_endings enable row level security;

-- The programme's managers, the mentor and the startup's people read it; only end_mentoring() writes it.
create policy mentoring_endings_select on public.mentoring_endings for select to authenticated
  using (mentor_id = (select auth.uid()) or public.is_startup_member(startup_id) or public.manages_program(program_id));
revoke all on public.mentoring_endings from anon;
revoke insert, update, delete, truncate on public.mentoring_endings from authenticated;

/**
 * A manager of the programme ends the startup's mentoring with the mentor: every session of the
 * pair in the programme that is booked and has not started is cancelled (SEQUENCE raised, so the
 * mailed ICS cancels it in place), the pair moves from startup_mentors to mentoring_endings, and
 * the mentor's place frees (take_mentor counts startup_mentors). Held sessions, no-shows and the
 * pair's notes stay. The mentor's profile is locked first, as take_mentor() and book_session() do,
 * so a booking racing the end either lands before it (and is cancelled) or finds the pair gone.
 * Refused by name: not_found (not a manager of the programme, or no such pair in it).
 * Returns the sessions cancelled.
 */
create function public.end_mentoring(program uuid, startup uuid, mentor uuid) returns uuid[]
language plpgsql volatile security definer set search_path = ''
as $$
declare
  pair public.startup_mentors;
  cancelled uuid[];
begin
  if (select auth.uid()) is null or not public.manages_program(program) then
    raise exception 'not_found';
  end if;
  perform 1 from public.mentor_profiles where user_id = mentor for update;
  select * into pair from public.startup_mentors sm
   where sm.startup_id = startup and sm.mentor_id = mentor and sm.program_id = program for update;
  if pair.startup_id is null then
    raise exception 'not_found';
  end if;
  with gone as (
    update public.mentoring_sessions s
       set status = 'cancelled', cancelled_at = now(), cancelled_by = (select auth.uid()), sequence = s.sequence + 1
     where s.program_id = program and s.startup_id = startup and s.mentor_id = mentor
       and s.status = 'booked' and s.starts_at > now()
    returning s.id, s.starts_at
  )
  select coalesce(array_agg(id order by starts_at), '{}') into cancelled from gone;
  insert into public.mentoring_endings (program_id, startup_id, mentor_id, since, assigned_by, ended_by, cancelled_sessions)
  values (program, startup, mentor, pair.since, pair.assigned_by, (select auth.uid()), cardinality(cancelled));
  delete from public.startup_mentors sm where sm.startup_id = startup and sm.mentor_id = mentor;
  return cancelled;
end
$$;

/**
 * The session's mentor or a manager of its programme sets where a booked session that has not
 * ended is held (a link or a place, at most 500 characters). Raises SEQUENCE, so the mailed ICS
 * replaces the event in both sides' calendars. Refused by name: not_found (not the caller's to
 * change), not_booked (cancelled, marked or over), unchanged. Returns the new SEQUENCE.
 */
create function public.set_session_location(session uuid, place text) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s public.mentoring_sessions;
begin
  select * into s from public.mentoring_sessions x where x.id = session for update;
  if (select auth.uid()) is null or s.id is null
     or not (s.mentor_id = (select auth.uid()) or public.manages_program(s.program_id)) then
    raise exception 'not_found';
  end if;
  if s.status <> 'booked' or s.ends_at <= now() then
    raise exception 'not_booked';
  end if;
  if s.location = coalesce(place, '') then
    raise exception 'unchanged';
  end if;
  update public.mentoring_sessions x set location = coalesce(place, ''), sequence = x.sequence + 1
   where x.id = session
  returning x.sequence into s.sequence;
  return s.sequence;
end
$$;

/** One of the caller's sessions (as the mentor or a founder of the startup), as my_mentoring_sessions() lists them; no row for anyone else. */
create function public.my_mentoring_session(session uuid)
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
   where s.id = session and (s.mentor_id = (select auth.uid()) or public.is_startup_member(s.startup_id))
$$;

revoke execute on function public.end_mentoring(uuid, uuid, uuid), public.set_session_location(uuid, text),
  public.my_mentoring_session(uuid) from public, anon;
grant execute on function public.end_mentoring(uuid, uuid, uuid), public.set_session_location(uuid, text),
  public.my_mentoring_session(uuid) to authenticated, service_role;
