-- Mentoring, part 1: who mentors, what startups need, and when mentors are free.
--   expertise_tags        the shared bilingual taxonomy both sides pick from
--   mentor_profiles       one per mentor: expertise, sectors, languages, bio, zone, capacity, booking rules
--   program_mentors       a programme's managers approve a mentor for their programme
--   startup_needs         what a startup wants from mentoring (sector and stage stay on startups)
--   mentor_weekly_hours   weekly availability, wall-clock times in the mentor's own time zone
--   mentor_date_overrides a date's own hours, or a day off, replacing the weekly rule on that date
-- Sessions and booking are in the next migration.

-- ---------------------------------------------------------------------------------------------
-- Taxonomy

create table public.expertise_tags (
  slug text primary key check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name_vi text not null check (char_length(name_vi) between 1 and 120),
  name_en text not null check (char_length(name_en) between 1 and 120),
  created_at timestamptz not null default now()
);
alter table public.expertise_tags enable row level security;

-- Public (the words on a mentor's card); platform admins keep the list. Tags are never deleted:
-- profiles and needs hold them in arrays, which a foreign key cannot guard.
create policy expertise_tags_select on public.expertise_tags for select to anon, authenticated using (true);
create policy expertise_tags_insert on public.expertise_tags for insert to authenticated with check ((select public.is_platform_admin()));
create policy expertise_tags_update on public.expertise_tags for update to authenticated
  using ((select public.is_platform_admin())) with check ((select public.is_platform_admin()));

/** Refuses a tag that is not in the taxonomy (as a foreign key would, errcode 23503: the sender's input). */
create function public.check_expertise_tags() returns trigger
language plpgsql set search_path = ''
as $$
declare
  unknown text;
begin
  select t into unknown from unnest(new.expertise) t
   where not exists (select 1 from public.expertise_tags e where e.slug = t) limit 1;
  if unknown is not null then
    raise exception 'unknown_expertise' using errcode = '23503', detail = unknown;
  end if;
  return new;
end
$$;

/** Refuses a time zone PostgreSQL does not know (22023: the sender's input), so slots are never computed in a guessed zone. */
create function public.check_time_zone() returns trigger
language plpgsql set search_path = ''
as $$
begin
  perform now() at time zone new.time_zone;
  return new;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Mentors

create table public.mentor_profiles (
  user_id uuid primary key references auth.users (id) on delete cascade,
  -- the organisation the mentor works for: its founders are a conflict of interest
  org_id uuid references public.organisations (id) on delete set null,
  bio text not null default '' check (char_length(bio) <= 2000),
  expertise text[] not null default '{}' check (cardinality(expertise) <= 20),
  sectors text[] not null default '{}' check (cardinality(sectors) <= 20 and char_length(array_to_string(sectors, '')) <= 800),
  -- ISO 639-1 codes of the languages the mentor can hold a session in
  languages text[] not null default '{vi}'
    check (cardinality(languages) between 1 and 10 and array_to_string(languages, ',') ~ '^[a-z]{2}(,[a-z]{2})*$'),
  -- the startup stages the mentor helps best (empty: any)
  stages text[] not null default '{}' check (stages <@ array['idea', 'prototype', 'mvp', 'seed', 'growth']::text[]),
  time_zone text not null default 'Asia/Ho_Chi_Minh' check (char_length(time_zone) between 1 and 64),
  -- capacity: startups mentored at once, hours a month
  max_startups int not null default 3 check (max_startups between 0 and 50),
  hours_per_month numeric(5, 1) not null default 8 check (hours_per_month between 0 and 200),
  -- booking rules (app/modules/mentoring/availability/slots.ts reads them)
  slot_minutes int not null default 60 check (slot_minutes between 15 and 240),
  step_minutes int not null default 30 check (step_minutes between 5 and 240),
  buffer_before_minutes int not null default 0 check (buffer_before_minutes between 0 and 120),
  buffer_after_minutes int not null default 0 check (buffer_after_minutes between 0 and 120),
  min_notice_minutes int not null default 720 check (min_notice_minutes between 0 and 43200),
  horizon_days int not null default 60 check (horizon_days between 1 and 365),
  weekly_cap int not null default 10 check (weekly_cap between 0 and 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index mentor_profiles_org_idx on public.mentor_profiles (org_id);
alter table public.mentor_profiles enable row level security;
create trigger mentor_profiles_expertise before insert or update of expertise on public.mentor_profiles
  for each row execute function public.check_expertise_tags();
create trigger mentor_profiles_time_zone before insert or update of time_zone on public.mentor_profiles
  for each row execute function public.check_time_zone();

create table public.program_mentors (
  program_id uuid not null references public.programs (id) on delete cascade,
  mentor_id uuid not null references public.mentor_profiles (user_id) on delete cascade,
  approved_by uuid default auth.uid() references auth.users (id) on delete set null,
  approved_at timestamptz not null default now(),
  primary key (program_id, mentor_id)
);
create index program_mentors_mentor_idx on public.program_mentors (mentor_id);
alter table public.program_mentors enable row level security;

-- The hours of mentoring each startup of a programme may book (the budget book_session() holds).
alter table public.programs add column mentoring_hours_per_startup numeric(5, 1) not null default 10
  check (mentoring_hours_per_startup between 0 and 500);

create table public.startup_needs (
  startup_id uuid primary key references public.startups (id) on delete cascade,
  expertise text[] not null default '{}' check (cardinality(expertise) <= 20),
  languages text[] not null default '{vi}'
    check (cardinality(languages) between 1 and 10 and array_to_string(languages, ',') ~ '^[a-z]{2}(,[a-z]{2})*$'),
  note text not null default '' check (char_length(note) <= 2000),
  updated_at timestamptz not null default now()
);
alter table public.startup_needs enable row level security;
create trigger startup_needs_expertise before insert or update of expertise on public.startup_needs
  for each row execute function public.check_expertise_tags();

-- ---------------------------------------------------------------------------------------------
-- Availability: wall-clock times in mentor_profiles.time_zone, turned into instants by Temporal
-- (slots.ts), never by adding offsets.

create table public.mentor_weekly_hours (
  id uuid primary key default gen_random_uuid(),
  mentor_id uuid not null references public.mentor_profiles (user_id) on delete cascade,
  weekday int not null check (weekday between 1 and 7), -- ISO: 1 is Monday
  starts time not null,
  ends time not null,
  check (ends > starts)
);
create index mentor_weekly_hours_mentor_idx on public.mentor_weekly_hours (mentor_id, weekday);
alter table public.mentor_weekly_hours enable row level security;

-- Rows on a date replace the weekly rule for that date; a row without times is a day off.
create table public.mentor_date_overrides (
  id uuid primary key default gen_random_uuid(),
  mentor_id uuid not null references public.mentor_profiles (user_id) on delete cascade,
  on_date date not null,
  starts time,
  ends time,
  check ((starts is null) = (ends is null) and (ends is null or ends > starts))
);
create index mentor_date_overrides_mentor_idx on public.mentor_date_overrides (mentor_id, on_date);
alter table public.mentor_date_overrides enable row level security;

-- ---------------------------------------------------------------------------------------------
-- Helpers for policies (security definer: they read tables the caller may not; each answers only
-- about the caller).

/** The caller manages the programme (a manager of its organisation) or is a platform admin. */
create function public.manages_program(program uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.programs p
     where p.id = program and (public.has_org_role(p.org_id, '{manager}') or public.is_platform_admin())
  )
$$;

/**
 * The caller may see the mentor's profile and availability: the mentor, platform admins, members
 * of an organisation the mentor belongs to or whose programme approved the mentor, founders of a
 * startup in such a programme's cohort, and founders of a startup the mentor mentors.
 */
create function public.sees_mentor(mentor uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select mentor = (select auth.uid())
      or public.is_platform_admin()
      or exists (select 1 from public.memberships m where m.user_id = mentor and m.org_id in (select public.my_org_ids()))
      or exists (
        select 1 from public.program_mentors pm join public.programs p on p.id = pm.program_id
         where pm.mentor_id = mentor
           and (p.org_id in (select public.my_org_ids())
                or exists (select 1 from public.cohort_members c join public.startup_members s on s.startup_id = c.startup_id
                            where c.program_id = pm.program_id and s.user_id = (select auth.uid())))
      )
      or exists (select 1 from public.startup_mentors sm join public.startup_members s on s.startup_id = sm.startup_id
                  where sm.mentor_id = mentor and s.user_id = (select auth.uid()))
$$;

revoke execute on function public.manages_program(uuid), public.sees_mentor(uuid) from public, anon;
grant execute on function public.manages_program(uuid), public.sees_mentor(uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Policies

-- A profile is the mentor's own; anyone with the mentor role in some organisation may create
-- theirs (for themselves only, naming only an organisation they belong to).
create policy mentor_profiles_select on public.mentor_profiles for select to authenticated
  using (public.sees_mentor(user_id));
create policy mentor_profiles_insert on public.mentor_profiles for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.my_org_ids('{mentor}'))
    and (org_id is null or org_id in (select public.my_org_ids()))
  );
create policy mentor_profiles_update on public.mentor_profiles for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()) and (org_id is null or org_id in (select public.my_org_ids())));

-- Approvals: the programme's managers approve mentors who belong to the programme's organisation;
-- the programme's people see who is approved.
create policy program_mentors_select on public.program_mentors for select to authenticated
  using (
    mentor_id = (select auth.uid())
    or exists (select 1 from public.programs p where p.id = program_id and p.org_id in (select public.my_org_ids()))
    or exists (select 1 from public.cohort_members c where c.program_id = program_mentors.program_id and public.is_startup_member(c.startup_id))
    or (select public.is_platform_admin())
  );
create policy program_mentors_insert on public.program_mentors for insert to authenticated
  with check (
    public.manages_program(program_id)
    and exists (select 1 from public.programs p join public.memberships m on m.org_id = p.org_id
                 where p.id = program_id and m.user_id = mentor_id)
  );
create policy program_mentors_delete on public.program_mentors for delete to authenticated
  using (public.manages_program(program_id));
revoke update on public.program_mentors from authenticated;

-- Needs: the startup's founders write them; its mentors and its programmes' managers read them.
create policy startup_needs_select on public.startup_needs for select to authenticated
  using (
    public.is_startup_member(startup_id)
    or exists (select 1 from public.startup_mentors sm where sm.startup_id = startup_needs.startup_id and sm.mentor_id = (select auth.uid()))
    or exists (select 1 from public.cohort_members c where c.startup_id = startup_needs.startup_id and public.manages_program(c.program_id))
  );
create policy startup_needs_insert on public.startup_needs for insert to authenticated
  with check (public.is_startup_member(startup_id));
create policy startup_needs_update on public.startup_needs for update to authenticated
  using (public.is_startup_member(startup_id)) with check (public.is_startup_member(startup_id));

-- Availability: whoever sees the mentor sees when they are free; only the mentor changes it.
create policy mentor_weekly_hours_select on public.mentor_weekly_hours for select to authenticated
  using (public.sees_mentor(mentor_id));
create policy mentor_weekly_hours_write on public.mentor_weekly_hours for all to authenticated
  using (mentor_id = (select auth.uid())) with check (mentor_id = (select auth.uid()));
create policy mentor_date_overrides_select on public.mentor_date_overrides for select to authenticated
  using (public.sees_mentor(mentor_id));
create policy mentor_date_overrides_write on public.mentor_date_overrides for all to authenticated
  using (mentor_id = (select auth.uid())) with check (mentor_id = (select auth.uid()));

revoke all on public.mentor_profiles, public.program_mentors, public.startup_needs,
  public.mentor_weekly_hours, public.mentor_date_overrides from anon;
revoke execute on function public.check_expertise_tags(), public.check_time_zone() from public, anon, authenticated;
