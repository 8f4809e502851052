-- An organisation's roster, a page at a time, for its members and platform admins.
--
-- Through RLS the roster joined `memberships` to `profiles`, whose policy (colleague or admin)
-- is an OR the planner cannot drive from an index: it read every profile of the platform to keep
-- the 3,000 of a large incubator (about 70 ms of the organisation page at 50,000 accounts). The
-- rule here is the same (a member sees the names of the other members) but checked once, so the
-- names are read by key.

/** One page of the organisation's members by name, with the total; no rows for anyone else. */
create function public.org_roster(org uuid, page_size int, page_offset int)
returns table (user_id uuid, display_name text, role public.member_role, total int)
language sql stable security definer set search_path = ''
as $$
  select m.user_id, coalesce(p.display_name, '—'), m.role, (count(*) over ())::int
    from public.memberships m left join public.profiles p on p.id = m.user_id
   where m.org_id = org and (public.is_org_member(org) or public.is_platform_admin())
   order by p.display_name, m.user_id, m.role
   limit least(page_size, 200) offset page_offset
$$;
revoke execute on function public.org_roster(uuid, int, int) from public, anon;
grant execute on function public.org_roster(uuid, int, int) to authenticated, service_role;
