-- Events (innovation forums, tech fairs): the base the events capability builds on. Tickets,
-- capacity, waitlist and check-in come with that capability; this holds what the public sees.

create table public.events (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organisations (id) on delete cascade,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  kind text not null default 'forum' check (kind in ('forum', 'tech_fair', 'workshop', 'demo_day')),
  title_vi text not null check (char_length(title_vi) between 1 and 200),
  title_en text not null check (char_length(title_en) between 1 and 200),
  summary_vi text not null default '' check (char_length(summary_vi) <= 4000),
  summary_en text not null default '' check (char_length(summary_en) <= 4000),
  venue text not null default '' check (char_length(venue) <= 300),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  capacity int not null check (capacity > 0),
  published boolean not null default false,
  created_at timestamptz not null default now(),
  check (ends_at > starts_at)
);
create index events_org_id_idx on public.events (org_id);
create index events_upcoming_idx on public.events (starts_at) where published;
alter table public.events enable row level security;

-- Published events are public; drafts only for the organising organisation's managers and staff.
create policy events_select_public on public.events for select to anon using (published);
create policy events_select on public.events for select to authenticated
  using (published or public.has_org_role(org_id, '{manager,staff}') or (select public.is_platform_admin()));
create policy events_insert on public.events for insert to authenticated
  with check (public.has_org_role(org_id, '{manager,staff}'));
create policy events_update on public.events for update to authenticated
  using (public.has_org_role(org_id, '{manager,staff}')) with check (public.has_org_role(org_id, '{manager,staff}'));
create policy events_delete on public.events for delete to authenticated
  using (public.has_org_role(org_id, '{manager}'));
