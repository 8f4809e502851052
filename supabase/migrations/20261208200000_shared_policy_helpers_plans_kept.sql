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

-- the reviewer's own assignments (/review's list and its policies); the OUT columns' names are
-- the table's, so the columns win where a name is both
create or replace function public.assigned_applications()
returns table (id uuid, call_id uuid, track_id uuid, code text, status public.app_status, stage public.app_stage, submitted_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  select a.id, a.call_id, a.track_id, a.code, a.status, a.stage, a.submitted_at
    from public.applications a
   where a.id in (select r.application_id from public.review_assignments r
                   where r.reviewer_id = (select auth.uid()) and r.status <> 'recused');
end
$$;

create or replace function public.my_review_assignment_refs()
returns table (application_id uuid, round public.app_stage, code text, call_id uuid)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  select r.application_id, r.round, a.code, a.call_id
    from public.review_assignments r join public.applications a on a.id = r.application_id
   where r.reviewer_id = (select auth.uid());
end
$$;
