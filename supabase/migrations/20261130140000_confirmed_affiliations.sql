-- A startup's affiliation with an organisation counts for conflicts of interest only once that
-- organisation's managers have confirmed it (decision record:
-- app/modules/startups/decisions/001-affiliations-confirmed-by-the-organisation.md).
--
-- Until now founders set `startups.org_id` freely, and every reviewer of that organisation became
-- conflicted: naming the incubator that runs a call left it without reviewers for them.
--
-- Now `affiliation_status` says where the claim stands: pending (set by a founder), confirmed or
-- declined (by a manager of that organisation, through decide_startup_affiliation()), null
-- without an organisation. A founder who changes the organisation makes it pending again; a
-- confirmed affiliation is ended by the organisation (decline), not by the founders. The service
-- path (seeding, administration) is trusted: an organisation it sets is confirmed.

alter table public.startups add column affiliation_status text
  check (affiliation_status in ('pending', 'confirmed', 'declined'));
alter table public.startups add constraint startups_affiliation_status_with_org
  check ((org_id is null) = (affiliation_status is null));
-- Affiliations set before this migration were never confirmed by anyone.
update public.startups set affiliation_status = 'pending' where org_id is not null;
create index startups_pending_affiliation_idx on public.startups (org_id) where affiliation_status = 'pending';

create function public.guard_startup_affiliation() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if current_user = 'authenticated' then
    if tg_op = 'UPDATE' and new.org_id is distinct from old.org_id and old.affiliation_status = 'confirmed' then
      raise exception 'affiliation_confirmed' using errcode = '42501';
    end if;
    if tg_op = 'INSERT' or new.org_id is distinct from old.org_id then
      new.affiliation_status := case when new.org_id is null then null else 'pending' end;
    elsif new.affiliation_status is distinct from old.affiliation_status then
      raise exception 'not_allowed' using errcode = '42501';
    end if;
  elsif new.org_id is null then
    new.affiliation_status := null;
  elsif new.affiliation_status is null or (tg_op = 'UPDATE' and new.org_id is distinct from old.org_id and new.affiliation_status is not distinct from old.affiliation_status) then
    new.affiliation_status := 'confirmed';
  end if;
  return new;
end
$$;
revoke execute on function public.guard_startup_affiliation() from public, anon, authenticated;
create trigger startups_affiliation_guard before insert or update on public.startups
  for each row execute function public.guard_startup_affiliation();

/**
 * A manager of the organisation a startup claims (or a platform admin) confirms or declines the
 * affiliation; declining also ends a confirmed one. Returns the new status; not_found for anyone else.
 */
create function public.decide_startup_affiliation(startup uuid, confirm boolean) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s public.startups;
begin
  select * into s from public.startups where id = startup for update;
  if s.id is null or s.org_id is null or not (public.has_org_role(s.org_id, '{manager}') or public.is_platform_admin()) then
    raise exception 'not_found' using errcode = 'P0002';
  end if;
  update public.startups set affiliation_status = case when confirm then 'confirmed' else 'declined' end where id = startup;
  return case when confirm then 'confirmed' else 'declined' end;
end
$$;
revoke execute on function public.decide_startup_affiliation(uuid, boolean) from public, anon;
grant execute on function public.decide_startup_affiliation(uuid, boolean) to authenticated;

-- Only a confirmed affiliation makes the organisation's members conflicted.
create or replace function public.reviewer_has_conflict(app uuid, reviewer uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.applications a
     where a.id = app and (
       exists (select 1 from public.startup_members m where m.startup_id = a.startup_id and m.user_id = reviewer)
       or exists (select 1 from public.startup_mentors m where m.startup_id = a.startup_id and m.mentor_id = reviewer)
       or exists (select 1 from public.startups s join public.memberships m on m.org_id = s.org_id
                   where s.id = a.startup_id and s.affiliation_status = 'confirmed' and m.user_id = reviewer)
     )
  )
$$;
