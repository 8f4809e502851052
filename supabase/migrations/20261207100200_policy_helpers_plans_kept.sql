-- Policy helpers of the event page, /manage and the week of slots in PL/pgSQL, same bodies
-- (decision 008, fifth pass, rls). PostgreSQL 17 parses and plans a `language sql` function that
-- it cannot inline (security definer ones never are) anew in every statement that calls it, once
-- per call site: sees_mentor() cost about 3 ms of planning each time a statement of the week of
-- slots reached it (six statements a page), against about 0.3 ms as PL/pgSQL, whose statements'
-- plans a connection keeps. Same rules, same rows, same callers' checks.

/** sees_mentor() with its helpers written out (is_platform_admin, my_org_ids: the same tables, read as they read them). */
create or replace function public.sees_mentor(mentor uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (
    select mentor = (select auth.uid())
        or exists (select 1 from public.platform_admins a where a.user_id = (select auth.uid()))
        or exists (select 1 from public.memberships m join public.memberships me on me.org_id = m.org_id
                    where m.user_id = mentor and me.user_id = (select auth.uid()))
        or exists (
          select 1 from public.program_mentors pm join public.programs p on p.id = pm.program_id
           where pm.mentor_id = mentor
             and (exists (select 1 from public.memberships me where me.org_id = p.org_id and me.user_id = (select auth.uid()))
                  or exists (select 1 from public.cohort_members c join public.startup_members s on s.startup_id = c.startup_id
                              where c.program_id = pm.program_id and s.user_id = (select auth.uid())))
        )
        or exists (select 1 from public.startup_mentors sm join public.startup_members s on s.startup_id = sm.startup_id
                    where sm.mentor_id = mentor and s.user_id = (select auth.uid())));
end
$$;

create or replace function public.manages_event(event uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (select 1 from public.events e where e.id = event and public.has_org_role(e.org_id, '{manager,staff}'));
end
$$;

create or replace function public.mentor_busy(mentor uuid, from_at timestamptz, until_at timestamptz)
returns table (starts_at timestamptz, ends_at timestamptz, blocked_from timestamptz, blocked_until timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select s.starts_at, s.ends_at, s.blocked_from, s.blocked_until
    from public.mentoring_sessions s
   where public.sees_mentor(mentor) and s.mentor_id = mentor and s.status <> 'cancelled'
     and tstzrange(s.blocked_from, s.blocked_until, '[)') && tstzrange(from_at, until_at, '[)')
   order by s.starts_at;
end
$$;

create or replace function public.mentor_office_busy(mentor uuid, from_at timestamptz, until_at timestamptz)
returns table (starts_at timestamptz, ends_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select o.starts_at, o.ends_at
    from public.mentor_office_hours o
   where public.sees_mentor(mentor) and o.mentor_id = mentor and o.status = 'open'
     and tstzrange(o.starts_at, o.ends_at, '[)') && tstzrange(from_at, until_at, '[)')
   order by o.starts_at;
end
$$;

create or replace function public.mentor_names(mentors uuid[]) returns table (id uuid, name text)
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select p.id, p.display_name from public.profiles p
   where p.id = any (mentors) and cardinality(mentors) <= 200 and public.sees_mentor(p.id);
end
$$;

create or replace function public.call_application_counts(call uuid) returns table (drafts int, submitted int)
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select (count(*) filter (where a.status = 'draft'))::int, (count(*) filter (where a.status = 'submitted'))::int
    from public.applications a
   where a.call_id = call
  having public.manages_call(call);
end
$$;
