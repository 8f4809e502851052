-- Membership policies that run once per statement, not once per row.
--
-- `memberships_select` called is_org_member(org_id) and `profiles_select` shares_org_with(id) for
-- every row they filtered: an organisation page of 3,000 members made 6,000 function calls, each
-- its own lookup, and served about 3 requests a second. The same rules written as
-- `x in (select my_…())` are evaluated once as a hashed set the planner can join against.

/** The organisations the caller belongs to (any role), or, with `roles`, in one of those roles. */
create function public.my_org_ids(roles public.member_role[] default null) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.org_id from public.memberships m
   where m.user_id = (select auth.uid()) and (roles is null or m.role = any (roles))
$$;

/** Everyone who shares an organisation or a startup with the caller, the caller included. */
create function public.my_colleague_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select b.user_id from public.memberships a join public.memberships b on b.org_id = a.org_id
   where a.user_id = (select auth.uid())
  union
  select b.user_id from public.startup_members a join public.startup_members b on b.startup_id = a.startup_id
   where a.user_id = (select auth.uid())
$$;

revoke execute on function public.my_org_ids(public.member_role[]), public.my_colleague_ids() from public, anon;
grant execute on function public.my_org_ids(public.member_role[]), public.my_colleague_ids() to authenticated, service_role;

drop policy profiles_select on public.profiles;
create policy profiles_select on public.profiles for select to authenticated
  using (id = (select auth.uid()) or id in (select public.my_colleague_ids()) or (select public.is_platform_admin()));

drop policy memberships_select on public.memberships;
create policy memberships_select on public.memberships for select to authenticated
  using (user_id = (select auth.uid()) or org_id in (select public.my_org_ids()) or (select public.is_platform_admin()));

drop policy invitations_select on public.invitations;
create policy invitations_select on public.invitations for select to authenticated
  using (org_id in (select public.my_org_ids('{manager}')) or (select public.is_platform_admin()));

-- An organisation's open invitations, newest first, page by page.
create index invitations_open_by_org_idx on public.invitations (org_id, created_at desc) where accepted_at is null;
