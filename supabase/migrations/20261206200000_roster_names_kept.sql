-- The organisation page's roster is ordered by the members' names, which live in `profiles`: every
-- request read the name of every member (3,003 index probes, 12,000 buffers, 14–28 ms for the bench's
-- incubator) to show 100 of them. Each membership now keeps its member's name, kept equal to
-- `profiles.display_name` by triggers in the same transaction as any change (null while the member
-- has no profile, as the join gave), and the roster's page is read in that order from an index
-- (decisions 008 of the platform, fourth pass d). Same rows, same order, same total.

alter table public.memberships add column profile_name text;

update public.memberships m set profile_name = p.display_name from public.profiles p where p.id = m.user_id;

create index memberships_roster_idx on public.memberships (org_id, profile_name, user_id, role);

-- A membership takes its member's name whenever it is written: no writer (a manager adding a
-- member, the service path) can set another.
create function public.membership_profile_name() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.profile_name := (select p.display_name from public.profiles p where p.id = new.user_id);
  return new;
end
$$;
revoke execute on function public.membership_profile_name() from public, anon, authenticated;

create trigger memberships_profile_name before insert or update on public.memberships
  for each row execute function public.membership_profile_name();

-- A profile created, renamed or removed: its memberships follow (definer: a person renaming
-- themselves may not write the memberships rows under RLS).
create function public.profile_name_to_memberships() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op <> 'INSERT' and (tg_op = 'DELETE' or old.id is distinct from new.id) then
    update public.memberships m set profile_name = null where m.user_id = old.id and m.profile_name is not null;
  end if;
  if tg_op <> 'DELETE' then
    update public.memberships m set profile_name = new.display_name
     where m.user_id = new.id and m.profile_name is distinct from new.display_name;
  end if;
  return null;
end
$$;
revoke execute on function public.profile_name_to_memberships() from public, anon, authenticated;

create trigger profiles_name_to_memberships after insert or delete or update of id, display_name on public.profiles
  for each row execute function public.profile_name_to_memberships();

create or replace function public.org_roster(org uuid, page_size int, page_offset int)
returns table (user_id uuid, display_name text, role public.member_role, total int)
language sql stable security definer set search_path = ''
as $$
  -- The total counted apart (once, from the same index): `count(*) over ()` read every member before the first row.
  select m.user_id, coalesce(m.profile_name, '—'), m.role, (select count(*)::int from public.memberships c where c.org_id = org)
    from public.memberships m
   where m.org_id = org and (public.is_org_member(org) or public.is_platform_admin())
   order by m.profile_name, m.user_id, m.role
   limit least(page_size, 200) offset page_offset
$$;
