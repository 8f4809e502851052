-- The organisation page's roster read every profile of the platform (a hash join over a sequential
-- scan of `profiles`: 50,000 rows to keep the 3,000 names of a large incubator, about 50–90 ms of
-- each request to its page at the bench's size, and growing with every account). The names are
-- now read by key, one index probe per member of this organisation. Same rule, same rows, same
-- order: only the plan changes (decisions 008 of the platform, section 9).

create or replace function public.org_roster(org uuid, page_size int, page_offset int)
returns table (user_id uuid, display_name text, role public.member_role, total int)
language sql stable security definer set search_path = ''
as $$
  select r.user_id, coalesce(r.name, '—'), r.role, (count(*) over ())::int
    from (select m.user_id, m.role, (select p.display_name from public.profiles p where p.id = m.user_id) as name
            from public.memberships m
           where m.org_id = org and (public.is_org_member(org) or public.is_platform_admin())) r
   order by r.name, r.user_id, r.role
   limit least(page_size, 200) offset page_offset
$$;
