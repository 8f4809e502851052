-- Startup profiles: a logo, and invitations of co-founders by email. A co-founder accepts after
-- signing in with the invited address and becomes a founder member of the startup.

alter table public.startups add column logo_path text check (logo_path is null or logo_path ~ '^startup-logos/[0-9a-f-]{36}\.(jpg|png|webp)$');

create table public.startup_invitations (
  id uuid primary key default gen_random_uuid(),
  startup_id uuid not null references public.startups (id) on delete cascade,
  email text not null check (email = lower(email) and char_length(email) <= 254),
  token_hash text not null unique,
  invited_by uuid references auth.users (id) on delete set null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);
-- One open invitation per person and startup: inviting again renews and re-sends it.
create unique index startup_invitations_open_key on public.startup_invitations (startup_id, email) where accepted_at is null;
create index startup_invitations_email_idx on public.startup_invitations (email);
alter table public.startup_invitations enable row level security;

-- Only the startup's members see and send its invitations; accepting goes through the function below.
create policy startup_invitations_select on public.startup_invitations for select to authenticated
  using (public.is_startup_member(startup_id));
create policy startup_invitations_insert on public.startup_invitations for insert to authenticated
  with check (public.is_startup_member(startup_id) and invited_by = (select auth.uid()));
create policy startup_invitations_update on public.startup_invitations for update to authenticated
  using (public.is_startup_member(startup_id)) with check (public.is_startup_member(startup_id));
create policy startup_invitations_delete on public.startup_invitations for delete to authenticated
  using (public.is_startup_member(startup_id));

-- The token proves possession of the mail; the signed-in address must be the invited one.
create function public.accept_startup_invitation(token_hash_in text) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  inv public.startup_invitations;
begin
  select * into inv from public.startup_invitations where token_hash = token_hash_in for update;
  if inv.id is null or inv.accepted_at is not null or inv.expires_at <= now() then
    raise exception 'invitation_invalid' using errcode = 'P0002';
  end if;
  if lower(coalesce((select auth.email()), '')) <> inv.email then
    raise exception 'invitation_wrong_account' using errcode = '42501';
  end if;
  insert into public.startup_members (startup_id, user_id, role)
    values (inv.startup_id, (select auth.uid()), 'founder') on conflict do nothing;
  update public.startup_invitations set accepted_at = now(), accepted_by = (select auth.uid()) where id = inv.id;
  return inv.startup_id;
end
$$;
revoke execute on function public.accept_startup_invitation(text) from public, anon;
grant execute on function public.accept_startup_invitation(text) to authenticated;

-- Fix: the first-founder rule of startup_members_insert (20261125000000_identity.sql) read
-- startup_members inside its own policy, which PostgreSQL refuses as infinite recursion, so no
-- one could create a startup. The same rule, through a security-definer helper.
create function public.startup_has_members(startup uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.startup_members s where s.startup_id = startup)
$$;
revoke execute on function public.startup_has_members(uuid) from public, anon;
grant execute on function public.startup_has_members(uuid) to authenticated, service_role;

drop policy startup_members_insert on public.startup_members;
create policy startup_members_insert on public.startup_members for insert to authenticated
  with check (
    public.is_startup_member(startup_id)
    -- the creator of a startup with no members yet becomes its first founder
    or (user_id = (select auth.uid()) and role = 'founder' and not public.startup_has_members(startup_id))
  );
