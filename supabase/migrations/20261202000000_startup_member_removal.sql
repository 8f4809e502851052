-- Who may remove a startup's member. Until now any member could delete any membership of their
-- startup: a team member could remove the founders, and the last founder could leave, orphaning
-- the startup (nobody could edit it or invite anyone again).
--
-- Now: a member may leave; a founder may remove anyone; nobody removes the last founder. Cascades
-- (a deleted startup or account) bypass RLS and are unaffected.

/**
 * Whether the caller may remove `member` from `startup`. Volatile because it locks the startup's
 * row first: two founders removing each other at once are serialised, and the second one then sees
 * that the first removal left it the last founder.
 */
create function public.may_remove_startup_member(startup uuid, member uuid) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null
     or not exists (select 1 from public.startup_members me
                     where me.startup_id = startup and me.user_id = (select auth.uid())
                       and (me.role = 'founder' or me.user_id = member)) then
    return false;
  end if;
  perform 1 from public.startups s where s.id = startup for update;
  return exists (
    select 1 from public.startup_members m
     where m.startup_id = startup and m.user_id = member
       and (m.role <> 'founder'
            or exists (select 1 from public.startup_members f
                        where f.startup_id = startup and f.role = 'founder' and f.user_id <> member)));
end
$$;
revoke execute on function public.may_remove_startup_member(uuid, uuid) from public, anon;
grant execute on function public.may_remove_startup_member(uuid, uuid) to authenticated;

drop policy startup_members_delete on public.startup_members;
create policy startup_members_delete on public.startup_members for delete to authenticated
  using (public.may_remove_startup_member(startup_id, user_id));
