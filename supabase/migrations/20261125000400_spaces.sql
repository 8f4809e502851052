-- Spaces (meeting rooms, hot desks, labs, halls, equipment): the base the spaces capability builds
-- on. Bookings, with their exclusion constraint, come with that capability.

create table public.spaces (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organisations (id) on delete cascade,
  kind text not null check (kind in ('meeting_room', 'hot_desk', 'lab', 'hall', 'equipment')),
  name_vi text not null check (char_length(name_vi) between 1 and 200),
  name_en text not null check (char_length(name_en) between 1 and 200),
  description_vi text not null default '' check (char_length(description_vi) <= 4000),
  description_en text not null default '' check (char_length(description_en) <= 4000),
  capacity int not null check (capacity > 0),
  -- whole đồng per hour; 0 for free spaces
  hourly_price_vnd bigint not null default 0 check (hourly_price_vnd >= 0),
  -- members only: bookable by members of the organisation (and its startups) rather than anyone signed in
  members_only boolean not null default true,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create index spaces_org_id_idx on public.spaces (org_id);
alter table public.spaces enable row level security;

-- The list of spaces is public (people choose an incubator partly by its rooms); managers edit.
create policy spaces_select_public on public.spaces for select to anon using (active);
create policy spaces_select on public.spaces for select to authenticated using (active or public.has_org_role(org_id, '{manager,staff}'));
create policy spaces_insert on public.spaces for insert to authenticated with check (public.has_org_role(org_id, '{manager}'));
create policy spaces_update on public.spaces for update to authenticated
  using (public.has_org_role(org_id, '{manager}')) with check (public.has_org_role(org_id, '{manager}'));
create policy spaces_delete on public.spaces for delete to authenticated using (public.has_org_role(org_id, '{manager}'));
