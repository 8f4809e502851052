-- The shared policy helpers in PL/pgSQL, same bodies (decision 008, sixth pass, policies). As in
-- 20261207100200: PostgreSQL 17 plans a `language sql` function it cannot inline (security definer
-- ones never are, and an `exists` body never is) anew in every statement that reaches it, once per
-- call site; PL/pgSQL's statements keep their plans per connection. These are read by the policies
-- of most tables and by the pages' own statements (/review, the application page, call settings,
-- /manage: 1–3 ms of planning a request). Same rules, same rows; none of them checks a caller
-- beyond the auth.uid() it reads, and none starts to.

create or replace function public.is_platform_admin() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (select 1 from public.platform_admins where user_id = (select auth.uid()));
end
$$;

create or replace function public.has_org_role(org uuid, roles public.member_role[]) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.memberships m
    where m.org_id = org and m.user_id = (select auth.uid()) and m.role = any (roles)
  );
end
$$;

create or replace function public.is_org_member(org uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (select 1 from public.memberships m where m.org_id = org and m.user_id = (select auth.uid()));
end
$$;

create or replace function public.is_startup_member(startup uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (select 1 from public.startup_members s where s.startup_id = startup and s.user_id = (select auth.uid()));
end
$$;

create or replace function public.my_org_ids(roles public.member_role[] default null) returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select m.org_id from public.memberships m
   where m.user_id = (select auth.uid()) and (roles is null or m.role = any (roles));
end
$$;

create or replace function public.manages_call(call uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.calls c join public.programs p on p.id = c.program_id
     where c.id = call and (public.has_org_role(p.org_id, '{manager}') or public.is_platform_admin())
  );
end
$$;

create or replace function public.manages_program(program uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.programs p
     where p.id = program and (public.has_org_role(p.org_id, '{manager}') or public.is_platform_admin())
  );
end
$$;

create or replace function public.manages_application(app uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (select 1 from public.applications a where a.id = app and public.manages_call(a.call_id));
end
$$;

create or replace function public.call_is_public(call uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (select 1 from public.calls where id = call and published);
end
$$;

create or replace function public.reviews_call(call uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.review_assignments r join public.applications a on a.id = r.application_id
     where a.call_id = call and r.reviewer_id = (select auth.uid()) and r.status <> 'recused'
  );
end
$$;

create or replace function public.reviews_application(app uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.review_assignments r
     where r.application_id = app and r.reviewer_id = (select auth.uid()) and r.status <> 'recused'
  );
end
$$;

create or replace function public.founds_application(app uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.applications a join public.startup_members m on m.startup_id = a.startup_id
     where a.id = app and m.user_id = (select auth.uid())
  );
end
$$;

-- assigned_applications() and my_review_assignment_refs() are PL/pgSQL too, with the caller read into a
-- variable first: 20261208100100_review_list_plans_kept.sql.
