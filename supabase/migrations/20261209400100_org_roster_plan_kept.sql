-- org_roster() in PL/pgSQL (decision 008, seventh pass, manager): as a `security definer` SQL
-- function PostgreSQL 17 planned its statement anew at every call (pg-statements, session 21: 0.26
-- ms of planning a page for a 0.9 ms read, with its is_org_member() planned again inside); PL/pgSQL
-- keeps the plan per connection, as 20261208200000 did for the shared policy helpers. Same
-- signature, grants, rule (the organisation's members and platform administrators read it; anyone
-- else gets no rows), rows, order and total as 20261206200000_roster_names_kept.sql.

create or replace function public.org_roster(org uuid, page_size int, page_offset int)
returns table (user_id uuid, display_name text, role public.member_role, total int)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  if not (public.is_org_member(org) or public.is_platform_admin()) then
    return;
  end if;
  -- The total counted apart (once, from the same index): `count(*) over ()` read every member before the first row.
  return query
    select m.user_id, coalesce(m.profile_name, '—'), m.role, (select count(*)::int from public.memberships c where c.org_id = org)
      from public.memberships m
     where m.org_id = org
     order by m.profile_name, m.user_id, m.role
     limit least(page_size, 200) offset page_offset;
end
$$;
