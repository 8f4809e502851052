-- The first founder of a startup is set by the statement that creates it, never claimed later.
--
-- Until now `startup_members_insert` let any signed-in user insert themselves as founder of a
-- startup that had no member yet (the "first founder" rule, 20261125002000_startup_profiles.sql),
-- so a stranger could take over every startup whose founders had left, then edit it. It also let
-- any member add anyone else to their startup, which forges relations the platform trusts (a
-- reviewer made a "member" is conflicted out of reviewing it).
--
-- Now: inserting a startup as a signed-in user makes that user its founder, in the same statement
-- (an after-insert trigger). Everyone else joins through an accepted invitation
-- (accept_startup_invitation(), security definer). No policy lets anyone insert a membership.
-- The service path (seeding, tests' factories) has no signed-in user and adds members itself.

create function public.add_creator_as_founder() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is not null then
    insert into public.startup_members (startup_id, user_id, role) values (new.id, (select auth.uid()), 'founder');
  end if;
  return null;
end
$$;
-- Only the trigger calls it.
revoke execute on function public.add_creator_as_founder() from public, anon, authenticated;

create trigger startups_creator_is_founder after insert on public.startups
  for each row execute function public.add_creator_as_founder();

drop policy startup_members_insert on public.startup_members;
-- Nothing reads it any more, and it told anyone whether a startup had members.
drop function public.startup_has_members(uuid);
