-- Every security-definer function checks its caller, or nobody but the owner may execute it.
--
-- PostgreSQL grants EXECUTE to PUBLIC on every new function, and Supabase grants it to anon and
-- authenticated explicitly, so a function is part of the API unless revoked. Audit of public:
--   * reviewer_conflicted(app, reviewer) told any signed-in user whether any person was a member,
--     a mentor or (through the affiliation) a colleague of the startup behind any application. It
--     now answers only the call's managers and the service path (null for everyone else); the
--     rule itself moves to reviewer_has_conflict(), which only the owner executes, and the trigger
--     that refuses conflicted assignments runs as the owner to use it.
--   * shares_org_with(other) is no longer used by any policy (my_colleague_ids() replaced it):
--     not executable by anyone.
--   * trigger functions (audit_application() and the guards) are no one's to call: EXECUTE
--     revoked from public, anon and authenticated on every function returning trigger. Triggers
--     still fire (PostgreSQL checks EXECUTE on a trigger function only when the trigger is created).
-- The other definer functions answer only about the caller (is_*, has_org_role, manages_*,
-- founds_*, reviews_*, my_*), check the caller before returning anything (application_identity,
-- call_ranking, ranked_applications, org_roster, respond_to_offer, withdraw_application, the
-- invitation functions, reviewer_files), or return public facts (call_is_public). All pin
-- search_path. tests/integration/rls-matrix.test.ts holds each one to its row in the spec.

/** The rule: the reviewer is a member or mentor of the startup, or belongs to its organisation. */
create function public.reviewer_has_conflict(app uuid, reviewer uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.applications a
     where a.id = app and (
       exists (select 1 from public.startup_members m where m.startup_id = a.startup_id and m.user_id = reviewer)
       or exists (select 1 from public.startup_mentors m where m.startup_id = a.startup_id and m.mentor_id = reviewer)
       or exists (select 1 from public.startups s join public.memberships m on m.org_id = s.org_id
                   where s.id = a.startup_id and m.user_id = reviewer)
     )
  )
$$;
revoke execute on function public.reviewer_has_conflict(uuid, uuid) from public, anon, authenticated;

/** Whether the reviewer is conflicted on the application: for the call's managers and the service path; null for anyone else. */
create or replace function public.reviewer_conflicted(app uuid, reviewer uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select case when (select coalesce(auth.role(), 'service_role')) = 'service_role' or public.manages_application(app)
              then public.reviewer_has_conflict(app, reviewer) end
$$;

create or replace function public.refuse_conflicted_assignment() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if public.reviewer_has_conflict(new.application_id, new.reviewer_id) then
    raise exception 'reviewer_conflicted' using errcode = '23514';
  end if;
  return new;
end
$$;

revoke execute on function public.shares_org_with(uuid) from public, anon, authenticated;

do $$
declare
  f regprocedure;
begin
  for f in
    select p.oid::regprocedure from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.prorettype = 'trigger'::regtype
  loop
    execute format('revoke execute on function %s from public, anon, authenticated', f);
  end loop;
end
$$;
