-- Mentoring, part 3: matching startups to mentors, three ways a programme chooses.
--   programs.match_mode    'manager' (a manager assigns), 'requests' (startups rank mentors and ask),
--                          'cohort' (a cohort-wide assignment the manager reviews and publishes)
--   mentor_requests        a startup's ranked choices; one at a time is pending with the mentor
--   mentor_proposals       the cohort-wide assignment a manager is editing, before it is published
-- Every way ends in take_mentor(), the one writer of startup_mentors: it locks the mentor's profile,
-- so capacity (max_startups) holds however many accepts and assignments race. Why requests work as
-- they do: app/modules/mentoring/decisions/006-mentor-requests.md.

alter table public.programs
  add column match_mode text not null default 'manager' check (match_mode in ('manager', 'requests', 'cohort')),
  add column request_days int not null default 7 check (request_days between 1 and 60);

-- Which programme a mentoring belongs to (null: recorded before matching existed) and who made it.
alter table public.startup_mentors
  add column program_id uuid references public.programs (id) on delete set null,
  add column assigned_by uuid references auth.users (id) on delete set null;
create index startup_mentors_program_idx on public.startup_mentors (program_id);

create table public.mentor_requests (
  id uuid primary key default gen_random_uuid(),
  program_id uuid not null references public.programs (id) on delete cascade,
  startup_id uuid not null references public.startups (id) on delete cascade,
  mentor_id uuid not null references public.mentor_profiles (user_id) on delete cascade,
  rank int not null check (rank between 1 and 10),
  status text not null default 'waiting' check (status in ('waiting', 'pending', 'accepted', 'declined', 'expired', 'withdrawn')),
  sent_at timestamptz,
  due_at timestamptz,
  answered_at timestamptz,
  created_at timestamptz not null default now(),
  unique (program_id, startup_id, mentor_id),
  unique (program_id, startup_id, rank),
  check ((status = 'waiting') = (sent_at is null))
);
-- one choice at a time waits on a mentor
create unique index mentor_requests_one_pending on public.mentor_requests (program_id, startup_id) where status = 'pending';
create index mentor_requests_mentor_idx on public.mentor_requests (mentor_id) where status = 'pending';
create index mentor_requests_due_idx on public.mentor_requests (due_at) where status = 'pending';
alter table public.mentor_requests enable row level security;

create table public.mentor_proposals (
  program_id uuid not null references public.programs (id) on delete cascade,
  startup_id uuid not null references public.startups (id) on delete cascade,
  mentor_id uuid not null references public.mentor_profiles (user_id) on delete cascade,
  score int not null default 0 check (score between 0 and 100),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (program_id, startup_id, mentor_id)
);
create index mentor_proposals_mentor_idx on public.mentor_proposals (mentor_id);
create index mentor_proposals_startup_idx on public.mentor_proposals (startup_id);
alter table public.mentor_proposals enable row level security;

-- ---------------------------------------------------------------------------------------------
-- Conflicts and the one writer of startup_mentors (internal: not executable by users)

/**
 * Why the mentor must not mentor the startup, or null: 'organisation' (a founder belongs to the
 * mentor's organisation, or the startup is affiliated with it), 'reviewed' (the mentor was assigned
 * to review one of its applications).
 */
create function public.mentor_conflict(mentor uuid, startup uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select case
    when exists (select 1 from public.mentor_profiles p
                  where p.user_id = mentor and p.org_id is not null
                    and (exists (select 1 from public.startups s where s.id = startup and s.org_id = p.org_id)
                         or exists (select 1 from public.startup_members sm join public.memberships m on m.user_id = sm.user_id
                                     where sm.startup_id = startup and m.org_id = p.org_id)))
      then 'organisation'
    when exists (select 1 from public.review_assignments ra join public.applications a on a.id = ra.application_id
                  where ra.reviewer_id = mentor and a.startup_id = startup)
      then 'reviewed'
  end
$$;

/**
 * Makes the mentor the startup's mentor in the programme. Refusals by name: not_in_cohort,
 * mentor_not_approved, conflict_of_interest, mentor_full. Locks the mentor's profile first, so
 * the count of their startups and the insert are one step for every writer. True when a row was
 * added, false when the pair already existed.
 */
create function public.take_mentor(program uuid, startup uuid, mentor uuid) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
declare
  cap int;
  added int;
begin
  if not exists (select 1 from public.cohort_members c where c.program_id = program and c.startup_id = startup) then
    raise exception 'not_in_cohort';
  end if;
  if not exists (select 1 from public.program_mentors pm where pm.program_id = program and pm.mentor_id = mentor) then
    raise exception 'mentor_not_approved';
  end if;
  if public.mentor_conflict(mentor, startup) is not null then
    raise exception 'conflict_of_interest';
  end if;
  select max_startups into cap from public.mentor_profiles where user_id = mentor for update;
  if exists (select 1 from public.startup_mentors sm where sm.startup_id = startup and sm.mentor_id = mentor) then
    return false;
  end if;
  if (select count(*) from public.startup_mentors sm where sm.mentor_id = mentor) >= cap then
    raise exception 'mentor_full';
  end if;
  insert into public.startup_mentors (startup_id, mentor_id, program_id, assigned_by)
  values (startup, mentor, program, (select auth.uid()));
  get diagnostics added = row_count;
  return added = 1;
end
$$;

/** The next waiting choice of the startup becomes pending (due in the programme's days from `at`); its id, or null. */
create function public.promote_mentor_request(program uuid, startup uuid, at timestamptz) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  next_id uuid;
begin
  update public.mentor_requests r
     set status = 'pending', sent_at = at,
         due_at = at + make_interval(days => (select p.request_days from public.programs p where p.id = program))
   where r.id = (select w.id from public.mentor_requests w
                  where w.program_id = program and w.startup_id = startup and w.status = 'waiting'
                  order by w.rank limit 1)
     and not exists (select 1 from public.mentor_requests o
                      where o.program_id = program and o.startup_id = startup and o.status in ('pending', 'accepted'))
  returning r.id into next_id;
  return next_id;
end
$$;

revoke execute on function public.mentor_conflict(uuid, uuid), public.take_mentor(uuid, uuid, uuid),
  public.promote_mentor_request(uuid, uuid, timestamptz) from public, anon, authenticated;
grant execute on function public.mentor_conflict(uuid, uuid), public.take_mentor(uuid, uuid, uuid),
  public.promote_mentor_request(uuid, uuid, timestamptz) to service_role;

-- ---------------------------------------------------------------------------------------------
-- What users call (each checks its caller first)

/** A manager of the programme assigns a mentor to a startup of its cohort (take_mentor's refusals). */
create function public.assign_mentor(program uuid, startup uuid, mentor uuid) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null or not public.manages_program(program) then
    raise exception 'not_found';
  end if;
  return public.take_mentor(program, startup, mentor);
end
$$;

/**
 * A manager publishes the programme's proposal: each pair through take_mentor (a pair that no
 * longer fits, say a mentor filled meanwhile, is skipped), then the proposal is gone. The
 * programme's row is locked first, so two managers publishing at once publish once: the second
 * finds nothing left. Returns the pairs written.
 */
create function public.publish_mentor_proposal(program uuid) returns table (startup_id uuid, mentor_id uuid)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  pair record;
begin
  if (select auth.uid()) is null or not public.manages_program(program) then
    raise exception 'not_found';
  end if;
  perform 1 from public.programs p where p.id = program for update;
  -- mentors in a fixed order, so two publications of overlapping programmes never deadlock
  for pair in select mp.startup_id as s, mp.mentor_id as m from public.mentor_proposals mp
                where mp.program_id = program order by mp.mentor_id, mp.startup_id loop
    begin
      if public.take_mentor(program, pair.s, pair.m) then
        startup_id := pair.s;
        mentor_id := pair.m;
        return next;
      end if;
    exception when raise_exception then
      null; -- no longer possible: left out, the page says how many
    end;
  end loop;
  delete from public.mentor_proposals mp where mp.program_id = program;
end
$$;

/**
 * A founder of a startup in the programme's cohort sends its ranked choices (1 first); the first
 * goes to its mentor at once. Refused by name: not_found, not_requests (the programme matches
 * otherwise), requests_open (a request is pending or accepted). Returns the pending request's id.
 */
create function public.send_mentor_requests(program uuid, startup uuid, mentors uuid[]) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null or not public.is_startup_member(startup)
     or not exists (select 1 from public.cohort_members c where c.program_id = program and c.startup_id = startup) then
    raise exception 'not_found';
  end if;
  if (select p.match_mode from public.programs p where p.id = program) <> 'requests' then
    raise exception 'not_requests';
  end if;
  -- the cohort row serialises two founders of one startup sending at once
  perform 1 from public.cohort_members c where c.program_id = program and c.startup_id = startup for update;
  if exists (select 1 from public.mentor_requests r where r.program_id = program and r.startup_id = startup and r.status in ('pending', 'accepted')) then
    raise exception 'requests_open';
  end if;
  if cardinality(mentors) not between 1 and 10 or (select count(distinct x) from unnest(mentors) x) <> cardinality(mentors)
     or exists (select 1 from unnest(mentors) x
                 where not exists (select 1 from public.program_mentors pm where pm.program_id = program and pm.mentor_id = x)
                    or public.mentor_conflict(x, startup) is not null) then
    raise exception 'mentor_not_approved';
  end if;
  -- earlier choices that ran out are replaced by the new list
  delete from public.mentor_requests r where r.program_id = program and r.startup_id = startup;
  insert into public.mentor_requests (program_id, startup_id, mentor_id, rank)
  select program, startup, x.m, x.n from unnest(mentors) with ordinality as x(m, n);
  return public.promote_mentor_request(program, startup, now());
end
$$;

/**
 * The mentor answers a pending request. Accepting makes them the startup's mentor (take_mentor:
 * mentor_full when at capacity) and withdraws the startup's other choices; declining moves the
 * request to the next choice. Refused by name: not_found (not the caller's pending request).
 * Returns the request now pending with the next mentor, or null.
 */
create function public.answer_mentor_request(request uuid, accept boolean) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  r public.mentor_requests;
begin
  select * into r from public.mentor_requests q where q.id = request and q.mentor_id = (select auth.uid()) for update;
  if r.id is null or r.status <> 'pending' then
    raise exception 'not_found';
  end if;
  if accept then
    perform public.take_mentor(r.program_id, r.startup_id, r.mentor_id);
    update public.mentor_requests set status = 'accepted', answered_at = now() where id = r.id;
    update public.mentor_requests set status = 'withdrawn'
     where program_id = r.program_id and startup_id = r.startup_id and status = 'waiting';
    return null;
  end if;
  update public.mentor_requests set status = 'declined', answered_at = now() where id = r.id;
  return public.promote_mentor_request(r.program_id, r.startup_id, now());
end
$$;

revoke execute on function public.assign_mentor(uuid, uuid, uuid), public.publish_mentor_proposal(uuid),
  public.send_mentor_requests(uuid, uuid, uuid[]), public.answer_mentor_request(uuid, boolean) from public, anon;
grant execute on function public.assign_mentor(uuid, uuid, uuid), public.publish_mentor_proposal(uuid),
  public.send_mentor_requests(uuid, uuid, uuid[]), public.answer_mentor_request(uuid, boolean) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Policies

-- The programme's managers see its mentorings (they read who mentors whom on the matching page).
drop policy startup_mentors_select on public.startup_mentors;
create policy startup_mentors_select on public.startup_mentors for select to authenticated
  using (mentor_id = (select auth.uid()) or public.is_startup_member(startup_id) or (select public.is_platform_admin())
         or (program_id is not null and public.manages_program(program_id)));

-- Requests: the startup's people, the mentor asked and the programme's managers see them; all
-- writes go through the functions above.
create policy mentor_requests_select on public.mentor_requests for select to authenticated
  using (public.is_startup_member(startup_id) or mentor_id = (select auth.uid()) or public.manages_program(program_id));
revoke insert, update, delete, truncate on public.mentor_requests from authenticated;

-- Proposals: the programme's managers only, for startups of its cohort and mentors it approved.
create policy mentor_proposals_select on public.mentor_proposals for select to authenticated
  using (public.manages_program(program_id));
create policy mentor_proposals_insert on public.mentor_proposals for insert to authenticated
  with check (
    public.manages_program(program_id)
    and exists (select 1 from public.cohort_members c where c.program_id = mentor_proposals.program_id and c.startup_id = mentor_proposals.startup_id)
    and exists (select 1 from public.program_mentors pm where pm.program_id = mentor_proposals.program_id and pm.mentor_id = mentor_proposals.mentor_id)
  );
create policy mentor_proposals_delete on public.mentor_proposals for delete to authenticated
  using (public.manages_program(program_id));
revoke update on public.mentor_proposals from authenticated;

revoke all on public.mentor_requests, public.mentor_proposals from anon;
