-- Reviewers are invited from a call's reviewers tab (issue 14). Until now a call's reviewer pool
-- was the organisation's members with the reviewer role. Now a manager can add to one call:
--   * an existing member of the organisation (any role), or
--   * anyone by email address: a guest judge for this call only. They get an invitation mail,
--     sign up or in with that address, accept, and land on their review list. They are not a
--     member of the organisation: they see the applications assigned to them (reviews_application,
--     as any reviewer) and nothing else of it.
-- A call's pool is then the organisation's reviewers plus call_reviewers of the call.

create table public.call_reviewers (
  call_id uuid not null references public.calls (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  -- a guest judge (not a member of the organisation when they accepted), rather than a member
  guest boolean not null default false,
  added_by uuid references auth.users (id) on delete set null,
  added_at timestamptz not null default now(),
  primary key (call_id, user_id)
);
create index call_reviewers_user_idx on public.call_reviewers (user_id);
alter table public.call_reviewers enable row level security;

create table public.reviewer_invitations (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references public.calls (id) on delete cascade,
  email text not null check (email = lower(email) and char_length(email) <= 254),
  token_hash text not null unique,
  invited_by uuid references auth.users (id) on delete set null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);
-- One open invitation per call and address: two managers inviting the same person at once make one.
create unique index reviewer_invitations_open_key on public.reviewer_invitations (call_id, email) where accepted_at is null;
alter table public.reviewer_invitations enable row level security;

/** Whether the user belongs to the organisation that runs the call (for the call's managers' checks). */
create function public.call_org_member(call uuid, member uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select public.manages_call(call) and exists (
    select 1 from public.calls c join public.programs p on p.id = c.program_id
      join public.memberships m on m.org_id = p.org_id
     where c.id = call and m.user_id = member)
$$;
revoke execute on function public.call_org_member(uuid, uuid) from public, anon;
grant execute on function public.call_org_member(uuid, uuid) to authenticated, service_role;

-- The call's managers see and manage its reviewers; each reviewer sees their own rows. A manager
-- adds members directly (call_org_member answers only the call's managers); guests join only by
-- accepting an invitation (accept_reviewer_invitation, below), never by a plain insert.
create policy call_reviewers_select on public.call_reviewers for select to authenticated
  using (user_id = (select auth.uid()) or public.manages_call(call_id));
create policy call_reviewers_insert on public.call_reviewers for insert to authenticated
  with check (not guest and added_by = (select auth.uid()) and public.call_org_member(call_id, user_id));
create policy call_reviewers_delete on public.call_reviewers for delete to authenticated
  using (public.manages_call(call_id));

create policy reviewer_invitations_select on public.reviewer_invitations for select to authenticated
  using (public.manages_call(call_id));
create policy reviewer_invitations_insert on public.reviewer_invitations for insert to authenticated
  with check (invited_by = (select auth.uid()) and public.manages_call(call_id));
create policy reviewer_invitations_update on public.reviewer_invitations for update to authenticated
  using (public.manages_call(call_id)) with check (public.manages_call(call_id));
create policy reviewer_invitations_delete on public.reviewer_invitations for delete to authenticated
  using (public.manages_call(call_id));
revoke all on public.call_reviewers, public.reviewer_invitations from anon;

/**
 * The invitee accepts: signed in with the invited address, they join the call's reviewers (a guest
 * unless already a member of the organisation). Returns the call. The token is the right to accept;
 * the address must match the caller's.
 */
create function public.accept_reviewer_invitation(token_hash_in text) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  inv public.reviewer_invitations;
  me uuid := (select auth.uid());
begin
  if me is null then
    raise exception 'not_signed_in' using errcode = '42501';
  end if;
  select * into inv from public.reviewer_invitations where token_hash = token_hash_in for update;
  if inv.id is null or inv.accepted_at is not null or inv.expires_at <= now() then
    raise exception 'invitation_invalid' using errcode = 'P0002';
  end if;
  if lower(coalesce((select auth.email()), '')) <> inv.email then
    raise exception 'invitation_wrong_account' using errcode = '42501';
  end if;
  insert into public.call_reviewers (call_id, user_id, guest, added_by)
  select inv.call_id, me,
         not exists (select 1 from public.calls c join public.programs p on p.id = c.program_id
                       join public.memberships m on m.org_id = p.org_id
                      where c.id = inv.call_id and m.user_id = me),
         inv.invited_by
  on conflict (call_id, user_id) do nothing;
  update public.reviewer_invitations set accepted_at = now(), accepted_by = me where id = inv.id;
  return inv.call_id;
end
$$;
revoke execute on function public.accept_reviewer_invitation(text) from public, anon;
grant execute on function public.accept_reviewer_invitation(text) to authenticated;

-- A guest judge reviews only the calls they were invited to: whoever assigns (a manager of the
-- same organisation writing review_assignments directly, too), an assignment to another call of
-- the organisation is refused. Members and people with no call_reviewers row are not concerned.
create function public.refuse_guest_elsewhere() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if exists (select 1 from public.call_reviewers g where g.user_id = new.reviewer_id and g.guest)
     and not exists (select 1 from public.call_reviewers g join public.applications a on a.call_id = g.call_id
                      where a.id = new.application_id and g.user_id = new.reviewer_id)
     and not exists (select 1 from public.applications a join public.calls c on c.id = a.call_id
                       join public.programs p on p.id = c.program_id join public.memberships m on m.org_id = p.org_id
                      where a.id = new.application_id and m.user_id = new.reviewer_id) then
    raise exception 'reviewer_not_in_call' using errcode = '23514';
  end if;
  return new;
end
$$;
revoke execute on function public.refuse_guest_elsewhere() from public, anon, authenticated;
create trigger review_assignments_guest_scope before insert or update of reviewer_id, application_id on public.review_assignments
  for each row execute function public.refuse_guest_elsewhere();
