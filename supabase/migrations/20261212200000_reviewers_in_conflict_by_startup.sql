-- reviewers_in_conflict() reads the application's startup (and, when its affiliation is confirmed,
-- its organisation) first, then checks each person by index (decision 008, tenth pass, manager).
-- The single statement of 20261208100000 ORed three correlated EXISTS on the application's row;
-- PostgreSQL ran them as hashed subplans over whole tables (every startup for the confirmed
-- affiliation, 5,003 rows; every startup member in a custom plan, 7,502) and planned it anew at each
-- call (3.3 ms of planning a request in pg-statements under load). 0.13-0.29 ms a call now against
-- 1.5-3.4 on the load dataset. Same rule, same rows in the same order (unnest's), same signature,
-- grants and callers (reviewer_has_conflict(), application_warnings()); still unchecked: callers check.

create or replace function public.reviewers_in_conflict(app uuid, reviewers uuid[]) returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  startup uuid;
  affiliated uuid; -- the startup's organisation, only while the affiliation is confirmed (20261130140000)
begin
  select a.startup_id, case when s.affiliation_status = 'confirmed' then s.org_id end
    into startup, affiliated
    from public.applications a join public.startups s on s.id = a.startup_id
   where a.id = app;
  if not found then
    return;
  end if;
  return query
    select x.person
      from unnest(reviewers) x(person)
     where exists (select 1 from public.startup_members m where m.startup_id = startup and m.user_id = x.person)
        or exists (select 1 from public.startup_mentors m where m.startup_id = startup and m.mentor_id = x.person)
        or (affiliated is not null
            and exists (select 1 from public.memberships m where m.org_id = affiliated and m.user_id = x.person));
end
$$;
revoke execute on function public.reviewers_in_conflict(uuid, uuid[]) from public, anon, authenticated;
