-- Mentoring, part 3: after the session, and the mentor's calendar feed.
--   mentoring_sessions.absent   who did not come, when a session is marked no_show (mark_no_show())
--   mentoring_session_counts()  the hours rule: which sessions count against a startup's budget
--   mentoring_hours_committed() a startup's hours in a programme under that rule (what budgets are held against)
--   mentoring_notes             one shared text per session
--   mentoring_action_items      its action items, done or not
--   mentoring_feedback          a rating and a comment from each side, by its author
--   mentor_calendar_feeds       the hash of each mentor's secret feed token
-- Why: app/modules/mentoring/decisions/003-hours-used.md and 004-calendar-feed.md.

-- ---------------------------------------------------------------------------------------------
-- No-shows

alter table public.mentoring_sessions
  add column absent text check (absent in ('startup', 'mentor')),
  add column absent_marked_by uuid references auth.users (id) on delete set null,
  add column absent_marked_at timestamptz,
  add constraint mentoring_sessions_absent_named check ((status = 'no_show') = (absent is not null));

/**
 * The one hours rule (decisions/003-hours-used.md): a session counts against its startup's budget
 * while booked, once held, and when the startup did not come; not when cancelled, nor when the
 * mentor did not come.
 */
create function public.mentoring_session_counts(status text, absent text) returns boolean
language sql immutable set search_path = ''
as $$
  select status in ('booked', 'held') or (status = 'no_show' and absent is not distinct from 'startup')
$$;

/**
 * A startup's hours in a programme under the rule above, booked ones included: what the budget is
 * held against. Security invoker: a caller sees only the sessions RLS shows them (null when none);
 * a security definer caller such as book_session() sees all of them.
 */
create function public.mentoring_hours_committed(program uuid, startup uuid) returns numeric
language sql stable set search_path = ''
as $$
  select sum(extract(epoch from s.ends_at - s.starts_at)) / 3600
    from public.mentoring_sessions s
   where s.program_id = program and s.startup_id = startup and public.mentoring_session_counts(s.status, s.absent)
$$;

/**
 * Either side marks the other absent, once the session has started: the mentor marks the startup,
 * the startup's people mark the mentor. Only a booked session is marked, once. Refusals by name:
 * not_found (not the caller's session), not_started, already_marked.
 */
create function public.mark_no_show(session uuid) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s public.mentoring_sessions;
  who text;
begin
  -- the caller first, before any lock: only the session's mentor and the startup's people
  if (select auth.uid()) is null or not exists (
    select 1 from public.mentoring_sessions x
     where x.id = session and (x.mentor_id = (select auth.uid()) or public.is_startup_member(x.startup_id))
  ) then
    raise exception 'not_found';
  end if;
  select * into s from public.mentoring_sessions where id = session for update;
  if s.mentor_id = (select auth.uid()) then
    who := 'startup';
  elsif public.is_startup_member(s.startup_id) then
    who := 'mentor';
  else
    raise exception 'not_found';
  end if;
  if s.starts_at > now() then
    raise exception 'not_started';
  end if;
  if s.status <> 'booked' then
    raise exception 'already_marked';
  end if;
  update public.mentoring_sessions
     set status = 'no_show', absent = who, absent_marked_by = (select auth.uid()), absent_marked_at = now()
   where id = session;
  return who;
end
$$;

revoke execute on function public.mentoring_session_counts(text, text), public.mentoring_hours_committed(uuid, uuid),
  public.mark_no_show(uuid) from public, anon;
grant execute on function public.mentoring_session_counts(text, text), public.mentoring_hours_committed(uuid, uuid),
  public.mark_no_show(uuid) to authenticated, service_role;

/**
 * The names of a session's people (its mentor, the startup's people), for whoever sees the session:
 * profiles show a person only to their colleagues, and a founder is not the mentor's colleague.
 */
create function public.mentoring_session_people(session uuid) returns table (user_id uuid, display_name text, side text)
language sql stable security definer set search_path = ''
as $$
  select p.id, p.display_name, x.side
    from public.mentoring_sessions s
    cross join lateral (
      select s.mentor_id as id, 'mentor' as side
      union all
      select m.user_id, 'founder' from public.startup_members m where m.startup_id = s.startup_id
    ) x
    join public.profiles p on p.id = x.id
   where s.id = session
     and (s.mentor_id = (select auth.uid()) or public.is_startup_member(s.startup_id) or public.manages_program(s.program_id))
   order by x.side desc, p.display_name
$$;
revoke execute on function public.mentoring_session_people(uuid) from public, anon;
grant execute on function public.mentoring_session_people(uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Notes, action items, feedback. Who shares a session is whoever sees it: the policies ask
-- mentoring_sessions, whose own policy names the mentor, the startup's people and the programme's
-- managers.

/** Stamps who changed a row and when, so neither can be forged. */
create function public.stamp_mentoring_change() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := now();
  if tg_table_name = 'mentoring_notes' then
    new.updated_by := (select auth.uid());
  end if;
  return new;
end
$$;
revoke execute on function public.stamp_mentoring_change() from public, anon, authenticated;

create table public.mentoring_notes (
  session_id uuid primary key references public.mentoring_sessions (id) on delete cascade,
  body text not null default '' check (char_length(body) <= 10000),
  updated_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now()
);
alter table public.mentoring_notes enable row level security;
create trigger mentoring_notes_stamp before insert or update on public.mentoring_notes
  for each row execute function public.stamp_mentoring_change();

create policy mentoring_notes_select on public.mentoring_notes for select to authenticated
  using (exists (select 1 from public.mentoring_sessions s where s.id = session_id));
create policy mentoring_notes_insert on public.mentoring_notes for insert to authenticated
  with check (exists (select 1 from public.mentoring_sessions s where s.id = session_id));
create policy mentoring_notes_update on public.mentoring_notes for update to authenticated
  using (exists (select 1 from public.mentoring_sessions s where s.id = session_id))
  with check (exists (select 1 from public.mentoring_sessions s where s.id = session_id));

create table public.mentoring_action_items (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.mentoring_sessions (id) on delete cascade,
  body text not null check (char_length(body) between 1 and 500),
  done boolean not null default false,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index mentoring_action_items_session_idx on public.mentoring_action_items (session_id, created_at);
alter table public.mentoring_action_items enable row level security;
create trigger mentoring_action_items_stamp before update on public.mentoring_action_items
  for each row execute function public.stamp_mentoring_change();

create policy mentoring_action_items_select on public.mentoring_action_items for select to authenticated
  using (exists (select 1 from public.mentoring_sessions s where s.id = session_id));
create policy mentoring_action_items_insert on public.mentoring_action_items for insert to authenticated
  with check (exists (select 1 from public.mentoring_sessions s where s.id = session_id));
create policy mentoring_action_items_update on public.mentoring_action_items for update to authenticated
  using (exists (select 1 from public.mentoring_sessions s where s.id = session_id))
  with check (exists (select 1 from public.mentoring_sessions s where s.id = session_id));
create policy mentoring_action_items_delete on public.mentoring_action_items for delete to authenticated
  using (exists (select 1 from public.mentoring_sessions s where s.id = session_id));

-- One rating a side: the mentor about the session, a founder about the mentor. A side's feedback
-- is read by its own side and the programme's managers, never by the other side (so it can be
-- candid), and changed only by its author, for seven days.
create table public.mentoring_feedback (
  session_id uuid not null references public.mentoring_sessions (id) on delete cascade,
  side text not null check (side in ('mentor', 'founder')),
  author_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  rating int not null check (rating between 1 and 5),
  comment text not null default '' check (char_length(comment) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (session_id, side)
);
alter table public.mentoring_feedback enable row level security;
create trigger mentoring_feedback_stamp before update on public.mentoring_feedback
  for each row execute function public.stamp_mentoring_change();

/** The caller speaks for this side of the session (the mentor, or one of the startup's people). Invoker: RLS on sessions applies. */
create function public.speaks_for(session uuid, side text) returns boolean
language sql stable set search_path = ''
as $$
  select exists (
    select 1 from public.mentoring_sessions s
     where s.id = session
       and case side when 'mentor' then s.mentor_id = (select auth.uid()) when 'founder' then public.is_startup_member(s.startup_id) else false end
  )
$$;
revoke execute on function public.speaks_for(uuid, text) from public, anon;
grant execute on function public.speaks_for(uuid, text) to authenticated, service_role;

create policy mentoring_feedback_select on public.mentoring_feedback for select to authenticated
  using (
    author_id = (select auth.uid())
    or public.speaks_for(session_id, side)
    or exists (select 1 from public.mentoring_sessions s where s.id = session_id and public.manages_program(s.program_id))
  );
-- given once the session has started, for a session not cancelled, by someone who speaks for the side
create policy mentoring_feedback_insert on public.mentoring_feedback for insert to authenticated
  with check (
    author_id = (select auth.uid())
    and public.speaks_for(session_id, side)
    and exists (select 1 from public.mentoring_sessions s where s.id = session_id and s.starts_at <= now() and s.status <> 'cancelled')
  );
create policy mentoring_feedback_update on public.mentoring_feedback for update to authenticated
  using (author_id = (select auth.uid()) and created_at > now() - interval '7 days')
  with check (author_id = (select auth.uid()));

-- Column grants: who wrote it and when are the database's to say.
revoke insert, update on public.mentoring_notes, public.mentoring_action_items, public.mentoring_feedback from authenticated;
grant insert (session_id, body) on public.mentoring_notes to authenticated;
grant update (body) on public.mentoring_notes to authenticated;
grant insert (session_id, body) on public.mentoring_action_items to authenticated;
grant update (body, done) on public.mentoring_action_items to authenticated;
grant insert (session_id, side, rating, comment) on public.mentoring_feedback to authenticated;
grant update (rating, comment) on public.mentoring_feedback to authenticated;
revoke delete on public.mentoring_notes, public.mentoring_feedback from authenticated;

-- ---------------------------------------------------------------------------------------------
-- The mentor's calendar feed: only a SHA-256 of the token is kept; the feed route finds the
-- mentor by it through the service path (calendar apps send no cookies).

create table public.mentor_calendar_feeds (
  mentor_id uuid primary key references public.mentor_profiles (user_id) on delete cascade,
  token_hash bytea not null unique check (length(token_hash) = 32),
  created_at timestamptz not null default now()
);
alter table public.mentor_calendar_feeds enable row level security;
create policy mentor_calendar_feeds_own on public.mentor_calendar_feeds for all to authenticated
  using (mentor_id = (select auth.uid())) with check (mentor_id = (select auth.uid()));

revoke all on public.mentoring_notes, public.mentoring_action_items, public.mentoring_feedback, public.mentor_calendar_feeds from anon;

-- ---------------------------------------------------------------------------------------------
-- The managers' report. Security definer, for the programme's managers only (checked once, as an
-- init plan, before any row): under RLS every session and feedback row would pay its own policy
-- check (manages_program, is_startup_member), which made a year of a 500-startup cohort time out.

/** Per startup of the programme's cohort: sessions held and to come, hours under the one rule, no-shows, the last session. */
create function public.mentoring_report_startups(program uuid)
returns table (startup_id uuid, name text, held int, upcoming int, used_hours float8, booked_hours float8,
               startup_no_shows int, mentor_no_shows int, last_session_at timestamptz, quiet boolean)
language sql stable security definer set search_path = ''
as $$
  with s as (
    select m.startup_id, m.status, m.absent, m.starts_at, m.ends_at,
           public.mentoring_session_counts(m.status, m.absent) as counts,
           extract(epoch from m.ends_at - m.starts_at) / 3600 as hours
      from public.mentoring_sessions m where m.program_id = program
  )
  select c.startup_id, st.name,
         count(s.*) filter (where s.status = 'held' or (s.status = 'booked' and s.ends_at <= now()))::int,
         count(s.*) filter (where s.status = 'booked' and s.ends_at > now())::int,
         coalesce(sum(s.hours) filter (where s.counts and s.ends_at <= now()), 0)::float8,
         coalesce(sum(s.hours) filter (where s.counts and s.ends_at > now()), 0)::float8,
         count(s.*) filter (where s.absent = 'startup')::int,
         count(s.*) filter (where s.absent = 'mentor')::int,
         max(s.starts_at) filter (where s.counts and s.starts_at <= now()),
         not coalesce(bool_or(s.counts and s.starts_at <= now() and s.starts_at > now() - interval '30 days'), false)
    from public.cohort_members c
    join public.startups st on st.id = c.startup_id
    left join s on s.startup_id = c.startup_id
   where c.program_id = program and (select public.manages_program(program))
   group by c.startup_id, st.name
   order by st.name, c.startup_id
$$;

/** Per mentor approved for the programme: sessions held, their no-shows, the founders' and their own average ratings. */
create function public.mentoring_report_mentors(program uuid)
returns table (mentor_id uuid, name text, held int, no_shows int, rating float8, ratings int, session_rating float8)
language sql stable security definer set search_path = ''
as $$
  select pm.mentor_id, coalesce(p.display_name, '—'),
         count(distinct m.id) filter (where m.status = 'held' or (m.status = 'booked' and m.ends_at <= now()))::int,
         count(distinct m.id) filter (where m.absent = 'mentor')::int,
         round(avg(f.rating) filter (where f.side = 'founder'), 1)::float8,
         count(f.rating) filter (where f.side = 'founder')::int,
         round(avg(f.rating) filter (where f.side = 'mentor'), 1)::float8
    from public.program_mentors pm
    left join public.profiles p on p.id = pm.mentor_id
    left join public.mentoring_sessions m on m.program_id = pm.program_id and m.mentor_id = pm.mentor_id
    left join public.mentoring_feedback f on f.session_id = m.id
   where pm.program_id = program and (select public.manages_program(program))
   group by pm.mentor_id, p.display_name
   order by 2, pm.mentor_id
$$;
revoke execute on function public.mentoring_report_startups(uuid), public.mentoring_report_mentors(uuid) from public, anon;
grant execute on function public.mentoring_report_startups(uuid), public.mentoring_report_mentors(uuid) to authenticated, service_role;
