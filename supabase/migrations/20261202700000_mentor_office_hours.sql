-- Group office hours: a mentor opens a time with N seats; founders of startups in a cohort of a
-- programme the mentor is approved for take a seat (one per startup) and may leave it.
-- Seats are counted on the office-hours row itself (seats_taken, checked against seats): a taker
-- increments it with one guarded update, which row-locks, so concurrent takers never pass N.
-- The mentor's time stays exclusive against 1:1 sessions (decision 005): opening office hours and
-- booking a session both hold the mentor's profile row lock (book_session() and
-- reschedule_session() take it first), and each side checks the other under it.
create table public.mentor_office_hours (
  id uuid primary key default gen_random_uuid(),
  mentor_id uuid not null references public.mentor_profiles (user_id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  seats integer not null check (seats between 1 and 50),
  seats_taken integer not null default 0,
  location text not null default '' check (length(location) <= 300),
  status text not null default 'open' check (status in ('open', 'cancelled')),
  created_at timestamptz not null default now(),
  check (ends_at > starts_at),
  constraint mentor_office_hours_seats_taken check (seats_taken between 0 and seats),
  constraint mentor_office_hours_no_overlap exclude using gist (
    mentor_id with =, tstzrange(starts_at, ends_at, '[)') with &&
  ) where (status = 'open')
);
create index mentor_office_hours_mentor_idx on public.mentor_office_hours (mentor_id, starts_at);

create table public.office_hours_seats (
  office_hours_id uuid not null references public.mentor_office_hours (id) on delete cascade,
  startup_id uuid not null references public.startups (id) on delete cascade,
  taken_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (office_hours_id, startup_id)
);
create index office_hours_seats_startup_idx on public.office_hours_seats (startup_id);

/** Whether the caller founds a startup in a cohort of a programme the mentor is approved for. */
create or replace function public.office_hours_open_to(mentor uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select (select auth.uid()) is not null and exists (
    select 1 from public.program_mentors pm
      join public.cohort_members cm on cm.program_id = pm.program_id
      join public.startup_members sm on sm.startup_id = cm.startup_id
     where pm.mentor_id = mentor and sm.user_id = (select auth.uid()))
$$;

alter table public.mentor_office_hours enable row level security;
alter table public.office_hours_seats enable row level security;
create policy mentor_office_hours_select on public.mentor_office_hours for select to authenticated
  using (mentor_id = (select auth.uid()) or public.office_hours_open_to(mentor_id) or public.is_platform_admin());
-- a seat: its startup's people and the office hours' mentor
create policy office_hours_seats_select on public.office_hours_seats for select to authenticated
  using (
    public.is_startup_member(startup_id)
    or exists (select 1 from public.mentor_office_hours o where o.id = office_hours_id and o.mentor_id = (select auth.uid()))
    or public.is_platform_admin()
  );
revoke all on public.mentor_office_hours, public.office_hours_seats from anon;
revoke insert, update, delete, truncate on public.mentor_office_hours, public.office_hours_seats from authenticated;

/** The calling mentor opens office hours; refused by name when the time touches a booked session. */
create or replace function public.open_office_hours(starts timestamptz, minutes integer, seat_count integer, place text) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  ends timestamptz := starts + make_interval(mins => minutes);
  opened uuid;
begin
  if me is null or not exists (select 1 from public.program_mentors pm where pm.mentor_id = me) then
    raise exception 'not_found';
  end if;
  if starts < now() then
    raise exception 'too_soon';
  end if;
  -- the lock book_session() and reschedule_session() take first: no session slips in meanwhile
  perform 1 from public.mentor_profiles where user_id = me for update;
  if exists (select 1 from public.mentoring_sessions s
              where s.mentor_id = me and s.status <> 'cancelled'
                and tstzrange(s.blocked_from, s.blocked_until, '[)') && tstzrange(starts, ends, '[)'))
     or exists (select 1 from public.mentor_office_hours o
                 where o.mentor_id = me and o.status = 'open' and tstzrange(o.starts_at, o.ends_at, '[)') && tstzrange(starts, ends, '[)')) then
    raise exception 'slot_taken';
  end if;
  insert into public.mentor_office_hours (mentor_id, starts_at, ends_at, seats, location)
  values (me, starts, ends, seat_count, coalesce(place, '')) returning id into opened;
  return opened;
end
$$;

/** The mentor cancels their office hours (the seats go with them). */
create or replace function public.cancel_office_hours(office uuid) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
begin
  update public.mentor_office_hours set status = 'cancelled'
   where id = office and mentor_id = (select auth.uid()) and status = 'open';
  if not found then
    raise exception 'not_found';
  end if;
  return true;
end
$$;

/** A founder takes one seat for their startup; the guarded update counts under the row's lock. Returns the seats taken. */
create or replace function public.take_office_hours_seat(office uuid, startup uuid) returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  o public.mentor_office_hours;
  taken integer;
begin
  select * into o from public.mentor_office_hours where id = office;
  if (select auth.uid()) is null or o.id is null or not public.is_startup_member(startup)
     or not exists (select 1 from public.program_mentors pm join public.cohort_members cm on cm.program_id = pm.program_id
                     where pm.mentor_id = o.mentor_id and cm.startup_id = startup) then
    raise exception 'not_found';
  end if;
  if o.status <> 'open' or o.starts_at <= now() then
    raise exception 'not_open';
  end if;
  update public.mentor_office_hours set seats_taken = seats_taken + 1
   where id = office and status = 'open' and seats_taken < seats
  returning seats_taken into taken;
  if taken is null then
    raise exception 'full';
  end if;
  -- the row lock is held from here: a second seat for the same startup waits, then finds this one
  if exists (select 1 from public.office_hours_seats where office_hours_id = office and startup_id = startup) then
    raise exception 'already_seated';
  end if;
  insert into public.office_hours_seats (office_hours_id, startup_id, taken_by) values (office, startup, (select auth.uid()));
  return taken;
end
$$;

/** A founder gives their startup's seat back. */
create or replace function public.leave_office_hours_seat(office uuid, startup uuid) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null or not public.is_startup_member(startup) then
    raise exception 'not_found';
  end if;
  update public.mentor_office_hours set seats_taken = seats_taken - 1
   where id = office and exists (select 1 from public.office_hours_seats where office_hours_id = office and startup_id = startup);
  if not found then
    raise exception 'not_found';
  end if;
  delete from public.office_hours_seats where office_hours_id = office and startup_id = startup;
  return true;
end
$$;

/** A session may not touch the mentor's open office hours (the other side of open_office_hours()). */
create or replace function public.mentoring_sessions_clear_of_office_hours() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status <> 'cancelled' and exists (
    select 1 from public.mentor_office_hours o
     where o.mentor_id = new.mentor_id and o.status = 'open'
       and tstzrange(o.starts_at, o.ends_at, '[)') && tstzrange(new.blocked_from, new.blocked_until, '[)')) then
    raise exception 'slot_taken';
  end if;
  return new;
end
$$;
create trigger mentoring_sessions_clear_of_office_hours before insert or update of blocked_from, blocked_until, status
  on public.mentoring_sessions for each row execute function public.mentoring_sessions_clear_of_office_hours();

revoke execute on function public.mentoring_sessions_clear_of_office_hours() from public, anon, authenticated;
revoke execute on function public.office_hours_open_to(uuid), public.open_office_hours(timestamptz, integer, integer, text),
  public.cancel_office_hours(uuid), public.take_office_hours_seat(uuid, uuid), public.leave_office_hours_seat(uuid, uuid) from public, anon;
grant execute on function public.office_hours_open_to(uuid), public.open_office_hours(timestamptz, integer, integer, text),
  public.cancel_office_hours(uuid), public.take_office_hours_seat(uuid, uuid), public.leave_office_hours_seat(uuid, uuid) to authenticated;
