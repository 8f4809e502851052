-- Identity: profiles, organisations, memberships, startups, invitations, platform admins.
-- Policies go through small security-definer helpers so they stay readable and indexed.

create type public.org_kind as enum ('innovation_centre', 'incubator', 'university', 'business', 'government_agency', 'investor');
create type public.member_role as enum ('manager', 'reviewer', 'mentor', 'researcher', 'partner', 'staff');

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null check (char_length(display_name) between 1 and 120),
  avatar_path text,
  languages text[] not null default '{vi}' check (languages <@ array['vi', 'en']::text[]),
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  time_zone text not null default 'Asia/Ho_Chi_Minh' check (char_length(time_zone) between 1 and 64),
  bio text not null default '' check (char_length(bio) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.profiles enable row level security;

create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  kind public.org_kind not null,
  name_vi text not null check (char_length(name_vi) between 1 and 200),
  name_en text not null check (char_length(name_en) between 1 and 200),
  description_vi text not null default '' check (char_length(description_vi) <= 4000),
  description_en text not null default '' check (char_length(description_en) <= 4000),
  parent_id uuid references public.organisations (id) on delete set null,
  time_zone text not null default 'Asia/Ho_Chi_Minh',
  created_at timestamptz not null default now()
);
create index organisations_parent_id_idx on public.organisations (parent_id);
alter table public.organisations enable row level security;

create table public.memberships (
  org_id uuid not null references public.organisations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.member_role not null,
  created_at timestamptz not null default now(),
  primary key (org_id, user_id, role)
);
create index memberships_user_id_idx on public.memberships (user_id, org_id);
alter table public.memberships enable row level security;

create table public.platform_admins (
  user_id uuid primary key references auth.users (id) on delete cascade,
  created_at timestamptz not null default now()
);
alter table public.platform_admins enable row level security;

create table public.startups (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null check (char_length(name) between 1 and 200),
  description_vi text not null default '' check (char_length(description_vi) <= 4000),
  description_en text not null default '' check (char_length(description_en) <= 4000),
  sector text not null default '' check (char_length(sector) <= 80),
  stage text not null default 'idea' check (stage in ('idea', 'prototype', 'mvp', 'seed', 'growth')),
  website text check (website is null or website ~ '^https?://'),
  created_at timestamptz not null default now()
);
alter table public.startups enable row level security;

create table public.startup_members (
  startup_id uuid not null references public.startups (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null default 'founder' check (role in ('founder', 'team')),
  created_at timestamptz not null default now(),
  primary key (startup_id, user_id)
);
create index startup_members_user_id_idx on public.startup_members (user_id);
alter table public.startup_members enable row level security;

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organisations (id) on delete cascade,
  email text not null check (email = lower(email) and char_length(email) <= 254),
  role public.member_role not null,
  token_hash text not null unique,
  invited_by uuid references auth.users (id) on delete set null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);
-- One open invitation per person and role: a second invite re-sends instead of duplicating.
create unique index invitations_open_key on public.invitations (org_id, email, role) where accepted_at is null;
create index invitations_email_idx on public.invitations (email);
alter table public.invitations enable row level security;

-- Role helpers used by policies. security definer so a policy on memberships can read memberships.
create function public.is_platform_admin() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.platform_admins where user_id = (select auth.uid()))
$$;

create function public.has_org_role(org uuid, roles public.member_role[]) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.org_id = org and m.user_id = (select auth.uid()) and m.role = any (roles)
  )
$$;

create function public.is_org_member(org uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.memberships m where m.org_id = org and m.user_id = (select auth.uid()))
$$;

create function public.is_startup_member(startup uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.startup_members s where s.startup_id = startup and s.user_id = (select auth.uid()))
$$;

-- Two people "share an organisation" when both belong to one; used to show colleagues' profiles.
create function public.shares_org_with(other uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.memberships a join public.memberships b on b.org_id = a.org_id
    where a.user_id = (select auth.uid()) and b.user_id = other
  ) or exists (
    select 1 from public.startup_members a join public.startup_members b on b.startup_id = a.startup_id
    where a.user_id = (select auth.uid()) and b.user_id = other
  )
$$;

revoke execute on function public.is_platform_admin(), public.has_org_role(uuid, public.member_role[]),
  public.is_org_member(uuid), public.is_startup_member(uuid), public.shares_org_with(uuid) from public, anon;
grant execute on function public.is_platform_admin(), public.has_org_role(uuid, public.member_role[]),
  public.is_org_member(uuid), public.is_startup_member(uuid), public.shares_org_with(uuid) to authenticated, service_role;

-- profiles: yourself, colleagues, admins read; only yourself writes.
create policy profiles_select on public.profiles for select to authenticated
  using (id = (select auth.uid()) or public.shares_org_with(id) or (select public.is_platform_admin()));
create policy profiles_insert on public.profiles for insert to authenticated
  with check (id = (select auth.uid()));
create policy profiles_update on public.profiles for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));

-- organisations: a public directory; managers edit their own; admins create.
create policy organisations_select on public.organisations for select to anon, authenticated using (true);
create policy organisations_insert on public.organisations for insert to authenticated
  with check ((select public.is_platform_admin()));
create policy organisations_update on public.organisations for update to authenticated
  using (public.has_org_role(id, '{manager}') or (select public.is_platform_admin()))
  with check (public.has_org_role(id, '{manager}') or (select public.is_platform_admin()));

-- memberships: members see their organisation's roster; managers and admins change it.
create policy memberships_select on public.memberships for select to authenticated
  using (user_id = (select auth.uid()) or public.is_org_member(org_id) or (select public.is_platform_admin()));
create policy memberships_insert on public.memberships for insert to authenticated
  with check (public.has_org_role(org_id, '{manager}') or (select public.is_platform_admin()));
create policy memberships_delete on public.memberships for delete to authenticated
  using (public.has_org_role(org_id, '{manager}') or (select public.is_platform_admin()));

create policy platform_admins_select on public.platform_admins for select to authenticated
  using (user_id = (select auth.uid()));

-- startups: a public directory of names and stages; founders edit theirs.
create policy startups_select on public.startups for select to anon, authenticated using (true);
create policy startups_insert on public.startups for insert to authenticated with check (true);
create policy startups_update on public.startups for update to authenticated
  using (public.is_startup_member(id)) with check (public.is_startup_member(id));

create policy startup_members_select on public.startup_members for select to authenticated
  using (user_id = (select auth.uid()) or public.is_startup_member(startup_id) or (select public.is_platform_admin()));
create policy startup_members_insert on public.startup_members for insert to authenticated
  with check (
    public.is_startup_member(startup_id)
    -- the creator of a startup with no members yet becomes its first founder
    or (user_id = (select auth.uid()) and not exists (select 1 from public.startup_members s where s.startup_id = startup_members.startup_id))
  );
create policy startup_members_delete on public.startup_members for delete to authenticated
  using (public.is_startup_member(startup_id));

-- invitations: only the organisation's managers see and create them; accepting goes through accept_invitation().
create policy invitations_select on public.invitations for select to authenticated
  using (public.has_org_role(org_id, '{manager}') or (select public.is_platform_admin()));
create policy invitations_insert on public.invitations for insert to authenticated
  with check ((public.has_org_role(org_id, '{manager}') or (select public.is_platform_admin())) and invited_by = (select auth.uid()));
create policy invitations_update on public.invitations for update to authenticated
  using (public.has_org_role(org_id, '{manager}') or (select public.is_platform_admin()));

-- Accepting an invitation: the token proves possession of the mail, the signed-in email must match.
create function public.accept_invitation(token_hash_in text) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  inv public.invitations;
begin
  select * into inv from public.invitations where token_hash = token_hash_in for update;
  if inv.id is null or inv.accepted_at is not null or inv.expires_at <= now() then
    raise exception 'invitation_invalid' using errcode = 'P0002';
  end if;
  if lower(coalesce((select auth.email()), '')) <> inv.email then
    raise exception 'invitation_wrong_account' using errcode = '42501';
  end if;
  insert into public.memberships (org_id, user_id, role)
    values (inv.org_id, (select auth.uid()), inv.role) on conflict do nothing;
  update public.invitations set accepted_at = now(), accepted_by = (select auth.uid()) where id = inv.id;
  return inv.org_id;
end
$$;
revoke execute on function public.accept_invitation(text) from public, anon;
grant execute on function public.accept_invitation(text) to authenticated;
