-- Applications: programmes, calls, questions, rubrics, applications, reviews, decisions, cohorts.
-- Invariants live here: one application per startup and call, submission only while the call is
-- open, one submission per idempotency key, no review by a conflicted reviewer, blind fields
-- never readable by reviewers, and an audit row for every stage or decision change.

create type public.app_status as enum ('draft', 'submitted', 'withdrawn');
create type public.app_stage as enum ('screening', 'review', 'interview', 'decision');
create type public.app_decision as enum ('accepted', 'waitlisted', 'rejected');
create type public.question_kind as enum ('text', 'long_text', 'choice', 'multi_choice', 'number', 'file', 'link');

-- Startups may be affiliated with an organisation (a university spin-off, a corporate venture):
-- a reviewer from that organisation is conflicted.
alter table public.startups add column org_id uuid references public.organisations (id) on delete set null;
create index startups_org_id_idx on public.startups (org_id);

-- Who has mentored whom. The mentoring capability will fill this; conflicts read it already.
create table public.startup_mentors (
  startup_id uuid not null references public.startups (id) on delete cascade,
  mentor_id uuid not null references auth.users (id) on delete cascade,
  since timestamptz not null default now(),
  primary key (startup_id, mentor_id)
);
create index startup_mentors_mentor_idx on public.startup_mentors (mentor_id);
alter table public.startup_mentors enable row level security;

create table public.programs (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organisations (id) on delete cascade,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name_vi text not null check (char_length(name_vi) between 1 and 200),
  name_en text not null check (char_length(name_en) between 1 and 200),
  description_vi text not null default '' check (char_length(description_vi) <= 8000),
  description_en text not null default '' check (char_length(description_en) <= 8000),
  created_at timestamptz not null default now()
);
create index programs_org_id_idx on public.programs (org_id);
alter table public.programs enable row level security;

create table public.calls (
  id uuid primary key default gen_random_uuid(),
  program_id uuid not null references public.programs (id) on delete cascade,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  title_vi text not null check (char_length(title_vi) between 1 and 200),
  title_en text not null check (char_length(title_en) between 1 and 200),
  description_vi text not null default '' check (char_length(description_vi) <= 8000),
  description_en text not null default '' check (char_length(description_en) <= 8000),
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  -- the organisation's zone at creation; shown to applicants with the deadline
  time_zone text not null default 'Asia/Ho_Chi_Minh',
  published boolean not null default false,
  -- fields hidden from reviewers: 'organisation' (startup identity), 'founders', 'team'
  blind_fields text[] not null default '{}' check (blind_fields <@ array['organisation', 'founders', 'team']::text[]),
  reviews_per_application int not null default 3 check (reviews_per_application between 1 and 20),
  shortlist_threshold numeric check (shortlist_threshold is null or shortlist_threshold between 0 and 100),
  offer_days int not null default 14 check (offer_days between 1 and 90),
  created_at timestamptz not null default now(),
  check (closes_at > opens_at)
);
create index calls_program_id_idx on public.calls (program_id);
alter table public.calls enable row level security;

create table public.call_tracks (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references public.calls (id) on delete cascade,
  position int not null default 0,
  name_vi text not null check (char_length(name_vi) between 1 and 200),
  name_en text not null check (char_length(name_en) between 1 and 200)
);
create index call_tracks_call_id_idx on public.call_tracks (call_id);
alter table public.call_tracks enable row level security;

create table public.call_questions (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references public.calls (id) on delete cascade,
  step int not null default 1 check (step between 1 and 10),
  position int not null default 0,
  kind public.question_kind not null,
  label_vi text not null check (char_length(label_vi) between 1 and 500),
  label_en text not null check (char_length(label_en) between 1 and 500),
  help_vi text not null default '' check (char_length(help_vi) <= 2000),
  help_en text not null default '' check (char_length(help_en) <= 2000),
  required boolean not null default false,
  -- choice options: [{"value": "...", "vi": "...", "en": "..."}]
  options jsonb not null default '[]' check (jsonb_typeof(options) = 'array'),
  max_length int check (max_length is null or max_length between 1 and 20000),
  min_number numeric,
  max_number numeric,
  -- hidden from reviewers (founder names, team, contact details …)
  blind boolean not null default false,
  -- eligibility screening: the answer must be one of these values (choice) or at least min_number
  eligibility_values text[],
  created_at timestamptz not null default now()
);
create index call_questions_call_id_idx on public.call_questions (call_id, step, position);
alter table public.call_questions enable row level security;

create table public.rubric_criteria (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references public.calls (id) on delete cascade,
  position int not null default 0,
  name_vi text not null check (char_length(name_vi) between 1 and 200),
  name_en text not null check (char_length(name_en) between 1 and 200),
  description_vi text not null default '' check (char_length(description_vi) <= 2000),
  description_en text not null default '' check (char_length(description_en) <= 2000),
  weight numeric not null check (weight > 0 and weight <= 100),
  comment_required boolean not null default false,
  max_level int not null default 5 check (max_level between 2 and 10)
);
create index rubric_criteria_call_id_idx on public.rubric_criteria (call_id, position);
alter table public.rubric_criteria enable row level security;

-- Anchored levels: what a 1, a 3 or a 5 means for this criterion.
create table public.rubric_levels (
  criterion_id uuid not null references public.rubric_criteria (id) on delete cascade,
  level int not null check (level between 1 and 10),
  description_vi text not null check (char_length(description_vi) between 1 and 1000),
  description_en text not null check (char_length(description_en) between 1 and 1000),
  primary key (criterion_id, level)
);
alter table public.rubric_levels enable row level security;

create table public.applications (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references public.calls (id) on delete cascade,
  startup_id uuid not null references public.startups (id) on delete cascade,
  track_id uuid references public.call_tracks (id) on delete set null,
  -- a short reference reviewers see instead of the startup's name under blind review
  code text not null unique default upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 8)),
  status public.app_status not null default 'draft',
  stage public.app_stage not null default 'screening',
  eligible boolean,
  decision public.app_decision,
  decided_at timestamptz,
  offer_expires_at timestamptz,
  offer_response text check (offer_response in ('confirmed', 'declined')),
  responded_at timestamptz,
  feedback_released boolean not null default false,
  submitted_at timestamptz,
  submit_key uuid unique,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (call_id, startup_id)
);
create index applications_startup_id_idx on public.applications (startup_id);
create index applications_call_stage_idx on public.applications (call_id, status, stage);
alter table public.applications enable row level security;

create table public.application_answers (
  application_id uuid not null references public.applications (id) on delete cascade,
  question_id uuid not null references public.call_questions (id) on delete cascade,
  value jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (application_id, question_id)
);
create index application_answers_question_idx on public.application_answers (question_id);
alter table public.application_answers enable row level security;

create table public.application_files (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references public.applications (id) on delete cascade,
  question_id uuid not null references public.call_questions (id) on delete cascade,
  storage_path text not null,
  original_name text not null check (char_length(original_name) <= 255),
  size_bytes int not null check (size_bytes > 0),
  content_type text not null,
  uploaded_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (application_id, question_id)
);
alter table public.application_files enable row level security;

create table public.review_assignments (
  application_id uuid not null references public.applications (id) on delete cascade,
  reviewer_id uuid not null references auth.users (id) on delete cascade,
  round public.app_stage not null default 'review',
  status text not null default 'assigned' check (status in ('assigned', 'submitted', 'abstained', 'recused')),
  recusal_reason text check (char_length(recusal_reason) <= 1000),
  comment text not null default '' check (char_length(comment) <= 8000),
  assigned_by uuid references auth.users (id) on delete set null,
  assigned_at timestamptz not null default now(),
  reminded_at timestamptz,
  submitted_at timestamptz,
  primary key (application_id, reviewer_id, round)
);
create index review_assignments_reviewer_idx on public.review_assignments (reviewer_id, status);
alter table public.review_assignments enable row level security;

create table public.review_scores (
  application_id uuid not null,
  reviewer_id uuid not null,
  round public.app_stage not null,
  criterion_id uuid not null references public.rubric_criteria (id) on delete cascade,
  level int not null check (level between 1 and 10),
  comment text not null default '' check (char_length(comment) <= 4000),
  primary key (application_id, reviewer_id, round, criterion_id),
  foreign key (application_id, reviewer_id, round) references public.review_assignments on delete cascade
);
create index review_scores_criterion_idx on public.review_scores (criterion_id);
alter table public.review_scores enable row level security;

-- Who changed what, when, from what to what.
create table public.application_events (
  id bigint generated always as identity primary key,
  application_id uuid not null references public.applications (id) on delete cascade,
  actor_id uuid references auth.users (id) on delete set null,
  kind text not null check (kind in ('status', 'stage', 'decision', 'offer', 'feedback')),
  from_value text,
  to_value text,
  note text check (char_length(note) <= 2000),
  created_at timestamptz not null default now()
);
create index application_events_app_idx on public.application_events (application_id, created_at);
alter table public.application_events enable row level security;

create table public.decision_templates (
  call_id uuid not null references public.calls (id) on delete cascade,
  decision public.app_decision not null,
  body_vi text not null check (char_length(body_vi) between 1 and 8000),
  body_en text not null check (char_length(body_en) between 1 and 8000),
  primary key (call_id, decision)
);
alter table public.decision_templates enable row level security;

create table public.cohort_members (
  program_id uuid not null references public.programs (id) on delete cascade,
  startup_id uuid not null references public.startups (id) on delete cascade,
  application_id uuid references public.applications (id) on delete set null,
  joined_at timestamptz not null default now(),
  primary key (program_id, startup_id)
);
create index cohort_members_startup_idx on public.cohort_members (startup_id);
alter table public.cohort_members enable row level security;

-- ---------------------------------------------------------------------------------------------
-- Helpers for policies (security definer: they read tables the caller may not).

create function public.manages_call(call uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.calls c join public.programs p on p.id = c.program_id
     where c.id = call and (public.has_org_role(p.org_id, '{manager}') or public.is_platform_admin())
  )
$$;

create function public.call_is_public(call uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.calls where id = call and published)
$$;

create function public.founds_application(app uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.applications a join public.startup_members m on m.startup_id = a.startup_id
     where a.id = app and m.user_id = (select auth.uid())
  )
$$;

create function public.reviews_application(app uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.review_assignments r
     where r.application_id = app and r.reviewer_id = (select auth.uid()) and r.status <> 'recused'
  )
$$;

create function public.manages_application(app uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.applications a where a.id = app and public.manages_call(a.call_id))
$$;

/** True when the reviewer must never review the application: member, colleague or mentor of the startup. */
create function public.reviewer_conflicted(app uuid, reviewer uuid) returns boolean
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

revoke execute on function public.manages_call(uuid), public.call_is_public(uuid), public.founds_application(uuid),
  public.reviews_application(uuid), public.manages_application(uuid), public.reviewer_conflicted(uuid, uuid) from public, anon;
grant execute on function public.manages_call(uuid), public.call_is_public(uuid), public.founds_application(uuid),
  public.reviews_application(uuid), public.manages_application(uuid), public.reviewer_conflicted(uuid, uuid) to authenticated, service_role;
-- Visitors read the forms of published calls.
grant execute on function public.call_is_public(uuid) to anon;

-- ---------------------------------------------------------------------------------------------
-- Invariants

-- A conflicted reviewer is never assigned, whoever tries.
create function public.refuse_conflicted_assignment() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if public.reviewer_conflicted(new.application_id, new.reviewer_id) then
    raise exception 'reviewer_conflicted' using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger review_assignments_no_conflict before insert or update of reviewer_id on public.review_assignments
  for each row execute function public.refuse_conflicted_assignment();

-- Founders may change a draft only while the call is open; submitting is checked against the
-- deadline on the server's clock, here, not in the browser.
create function public.guard_application_change() returns trigger
language plpgsql set search_path = ''
as $$
declare
  c public.calls;
begin
  select * into c from public.calls where id = new.call_id;
  -- These rules bind people; the service path (seeding, repairs) is explicit and trusted.
  if current_user = 'authenticated' and (tg_op = 'INSERT' or (old.status = 'draft' and new.status in ('draft', 'submitted'))) then
    if now() < c.opens_at or now() >= c.closes_at then
      raise exception 'call_closed' using errcode = 'P0001', hint = 'The call is not open';
    end if;
  end if;
  if tg_op = 'UPDATE' and old.status = 'withdrawn' and new.status <> 'withdrawn' then
    raise exception 'application_withdrawn' using errcode = 'P0001';
  end if;
  if tg_op = 'UPDATE' and old.status = 'submitted' and new.status = 'draft' then
    raise exception 'already_submitted' using errcode = 'P0001';
  end if;
  -- Founders change their own fields only; stage, decision and screening belong to the managers.
  if tg_op = 'UPDATE' and current_user = 'authenticated' and not public.manages_call(new.call_id) then
    if (new.call_id, new.startup_id, new.code, new.stage, new.eligible, new.decision, new.decided_at,
        new.offer_expires_at, new.offer_response, new.feedback_released)
       is distinct from
       (old.call_id, old.startup_id, old.code, old.stage, old.eligible, old.decision, old.decided_at,
        old.offer_expires_at, old.offer_response, old.feedback_released) then
      raise exception 'not_allowed' using errcode = '42501';
    end if;
  end if;
  if tg_op = 'UPDATE' and old.status = 'draft' and new.status = 'submitted' then
    -- Every required question answered (a file question by its file) ...
    if exists (
      select 1 from public.call_questions q
       where q.call_id = new.call_id and q.required
         and not exists (select 1 from public.application_answers a where a.application_id = new.id and a.question_id = q.id)
         and not exists (select 1 from public.application_files f where f.application_id = new.id and f.question_id = q.id)
    ) then
      raise exception 'application_incomplete' using errcode = 'P0001';
    end if;
    -- ... and screened at once by the eligibility questions.
    new.eligible := not exists (
      select 1 from public.call_questions q
        left join public.application_answers a on a.application_id = new.id and a.question_id = q.id
       where q.call_id = new.call_id and q.eligibility_values is not null
         and (a.value is null
              or (q.kind = 'number' and (a.value #>> '{}')::numeric < (q.eligibility_values[1])::numeric)
              or (q.kind <> 'number' and not (a.value #>> '{}') = any (q.eligibility_values)))
    );
    new.submitted_at := now();
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger applications_guard before insert or update on public.applications
  for each row execute function public.guard_application_change();

-- Reviewers record their own review (status, comment, recusal) and nothing else.
create function public.guard_review_assignment() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if current_user = 'authenticated' and not public.manages_application(new.application_id) then
    if (new.application_id, new.reviewer_id, new.round, new.assigned_by, new.assigned_at, new.reminded_at)
       is distinct from (old.application_id, old.reviewer_id, old.round, old.assigned_by, old.assigned_at, old.reminded_at)
       or old.status = 'recused' then
      raise exception 'not_allowed' using errcode = '42501';
    end if;
  end if;
  return new;
end
$$;
create trigger review_assignments_guard before update on public.review_assignments
  for each row execute function public.guard_review_assignment();

-- Answers and files change only on drafts of open calls.
create function public.guard_draft_content() returns trigger
language plpgsql set search_path = ''
as $$
declare
  app_id uuid := coalesce(new.application_id, old.application_id);
  ok boolean;
begin
  select a.status = 'draft' and now() >= c.opens_at and now() < c.closes_at into ok
    from public.applications a join public.calls c on c.id = a.call_id where a.id = app_id;
  if current_user = 'authenticated' and not coalesce(ok, false) then
    raise exception 'application_locked' using errcode = 'P0001';
  end if;
  return coalesce(new, old);
end
$$;
create trigger application_answers_guard before insert or update or delete on public.application_answers
  for each row execute function public.guard_draft_content();
create trigger application_files_guard before insert or update or delete on public.application_files
  for each row execute function public.guard_draft_content();

-- Every status, stage, decision and offer change leaves an audit row, whatever path made it.
create function public.audit_application() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  actor uuid := (select auth.uid());
begin
  if new.status is distinct from old.status then
    insert into public.application_events (application_id, actor_id, kind, from_value, to_value)
    values (new.id, actor, 'status', old.status::text, new.status::text);
  end if;
  if new.stage is distinct from old.stage then
    insert into public.application_events (application_id, actor_id, kind, from_value, to_value)
    values (new.id, actor, 'stage', old.stage::text, new.stage::text);
  end if;
  if new.decision is distinct from old.decision then
    insert into public.application_events (application_id, actor_id, kind, from_value, to_value)
    values (new.id, actor, 'decision', old.decision::text, new.decision::text);
  end if;
  if new.offer_response is distinct from old.offer_response then
    insert into public.application_events (application_id, actor_id, kind, from_value, to_value)
    values (new.id, actor, 'offer', old.offer_response, new.offer_response);
  end if;
  if new.feedback_released is distinct from old.feedback_released then
    insert into public.application_events (application_id, actor_id, kind, from_value, to_value)
    values (new.id, actor, 'feedback', old.feedback_released::text, new.feedback_released::text);
  end if;
  return new;
end
$$;
create trigger applications_audit after update on public.applications
  for each row execute function public.audit_application();

-- ---------------------------------------------------------------------------------------------
-- Policies

create policy startup_mentors_select on public.startup_mentors for select to authenticated
  using (mentor_id = (select auth.uid()) or public.is_startup_member(startup_id) or (select public.is_platform_admin()));

create policy programs_select on public.programs for select to anon, authenticated using (true);
create policy programs_write on public.programs for all to authenticated
  using (public.has_org_role(org_id, '{manager}')) with check (public.has_org_role(org_id, '{manager}'));

create policy calls_select_public on public.calls for select to anon using (published);
create policy calls_select on public.calls for select to authenticated using (published or public.manages_call(id));
create policy calls_insert on public.calls for insert to authenticated
  with check (exists (select 1 from public.programs p where p.id = program_id and public.has_org_role(p.org_id, '{manager}')));
create policy calls_update on public.calls for update to authenticated using (public.manages_call(id)) with check (public.manages_call(id));
create policy calls_delete on public.calls for delete to authenticated using (public.manages_call(id));

-- The form and the rubric of a published call are public (applicants see how they will be judged).
create policy call_tracks_select_public on public.call_tracks for select to anon using (public.call_is_public(call_id));
create policy call_tracks_select on public.call_tracks for select to authenticated using (public.call_is_public(call_id) or public.manages_call(call_id));
create policy call_tracks_write on public.call_tracks for all to authenticated using (public.manages_call(call_id)) with check (public.manages_call(call_id));
create policy call_questions_select_public on public.call_questions for select to anon using (public.call_is_public(call_id));
create policy call_questions_select on public.call_questions for select to authenticated using (public.call_is_public(call_id) or public.manages_call(call_id));
create policy call_questions_write on public.call_questions for all to authenticated using (public.manages_call(call_id)) with check (public.manages_call(call_id));
create policy rubric_criteria_select_public on public.rubric_criteria for select to anon using (public.call_is_public(call_id));
create policy rubric_criteria_select on public.rubric_criteria for select to authenticated using (public.call_is_public(call_id) or public.manages_call(call_id));
create policy rubric_criteria_write on public.rubric_criteria for all to authenticated using (public.manages_call(call_id)) with check (public.manages_call(call_id));
create policy rubric_levels_select on public.rubric_levels for select to anon, authenticated
  using (exists (select 1 from public.rubric_criteria c where c.id = criterion_id));
create policy rubric_levels_write on public.rubric_levels for all to authenticated
  using (exists (select 1 from public.rubric_criteria c where c.id = criterion_id and public.manages_call(c.call_id)))
  with check (exists (select 1 from public.rubric_criteria c where c.id = criterion_id and public.manages_call(c.call_id)));

-- Applications: founders their own; reviewers only assigned, non-recused ones; the call's managers all.
create policy applications_select on public.applications for select to authenticated
  using (public.is_startup_member(startup_id) or public.reviews_application(id) or public.manages_call(call_id));
create policy applications_insert on public.applications for insert to authenticated
  with check (public.is_startup_member(startup_id) and created_by = (select auth.uid()) and status = 'draft' and public.call_is_public(call_id));
-- Founders edit drafts, submit, withdraw, answer offers; managers move stages and decide.
create policy applications_update_founder on public.applications for update to authenticated
  using (public.is_startup_member(startup_id)) with check (public.is_startup_member(startup_id));
create policy applications_update_manager on public.applications for update to authenticated
  using (public.manages_call(call_id)) with check (public.manages_call(call_id));

-- Answers: founders and managers all of them; reviewers never those to blind questions.
create policy application_answers_select on public.application_answers for select to authenticated
  using (
    public.founds_application(application_id) or public.manages_application(application_id)
    or (public.reviews_application(application_id)
        and not exists (select 1 from public.call_questions q where q.id = question_id and q.blind))
  );
create policy application_answers_write on public.application_answers for all to authenticated
  using (public.founds_application(application_id)) with check (public.founds_application(application_id));

create policy application_files_select on public.application_files for select to authenticated
  using (
    public.founds_application(application_id) or public.manages_application(application_id)
    or (public.reviews_application(application_id)
        and not exists (select 1 from public.call_questions q where q.id = question_id and q.blind))
  );
create policy application_files_write on public.application_files for all to authenticated
  using (public.founds_application(application_id)) with check (public.founds_application(application_id) and uploaded_by = (select auth.uid()));

-- Assignments: the reviewer sees and updates their own (score, abstain, recuse); managers all.
create policy review_assignments_select on public.review_assignments for select to authenticated
  using (reviewer_id = (select auth.uid()) or public.manages_application(application_id));
create policy review_assignments_manage on public.review_assignments for all to authenticated
  using (public.manages_application(application_id)) with check (public.manages_application(application_id));
create policy review_assignments_update_own on public.review_assignments for update to authenticated
  using (reviewer_id = (select auth.uid())) with check (reviewer_id = (select auth.uid()));

-- Scores: the reviewer's own (not once recused), the managers', and the founder's once released.
create policy review_scores_select on public.review_scores for select to authenticated
  using (
    (reviewer_id = (select auth.uid()) and public.reviews_application(application_id))
    or public.manages_application(application_id)
    or (public.founds_application(application_id)
        and exists (select 1 from public.applications a where a.id = application_id and a.feedback_released))
  );
create policy review_scores_write on public.review_scores for all to authenticated
  using (reviewer_id = (select auth.uid()) and public.reviews_application(application_id))
  with check (reviewer_id = (select auth.uid()) and public.reviews_application(application_id));

create policy application_events_select on public.application_events for select to authenticated
  using (public.founds_application(application_id) or public.manages_application(application_id));

create policy decision_templates_all on public.decision_templates for all to authenticated
  using (public.manages_call(call_id)) with check (public.manages_call(call_id));

-- A programme's cohort is public (incubators show their startups); managers change it.
create policy cohort_members_select on public.cohort_members for select to anon, authenticated using (true);
create policy cohort_members_write on public.cohort_members for all to authenticated
  using (exists (select 1 from public.programs p where p.id = program_id and public.has_org_role(p.org_id, '{manager}')))
  with check (exists (select 1 from public.programs p where p.id = program_id and public.has_org_role(p.org_id, '{manager}')));

-- ---------------------------------------------------------------------------------------------
-- Offers and ranking

/**
 * The founder's answer to an offer. Confirming before the deadline puts the startup in the
 * programme's cohort, in the same transaction.
 */
create function public.respond_to_offer(app uuid, accept boolean) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  a public.applications;
begin
  select * into a from public.applications where id = app for update;
  if a.id is null or not public.is_startup_member(a.startup_id) then
    raise exception 'not_found' using errcode = 'P0002';
  end if;
  if a.decision is distinct from 'accepted' or a.offer_response is not null or a.status <> 'submitted' then
    raise exception 'no_open_offer' using errcode = 'P0001';
  end if;
  if a.offer_expires_at is not null and a.offer_expires_at <= now() then
    raise exception 'offer_expired' using errcode = 'P0001';
  end if;
  update public.applications set offer_response = case when accept then 'confirmed' else 'declined' end, responded_at = now()
   where id = app;
  if accept then
    insert into public.cohort_members (program_id, startup_id, application_id)
    select c.program_id, a.startup_id, a.id from public.calls c where c.id = a.call_id
    on conflict (program_id, startup_id) do nothing;
  end if;
  return case when accept then 'confirmed' else 'declined' end;
end
$$;
revoke execute on function public.respond_to_offer(uuid, boolean) from public, anon;
grant execute on function public.respond_to_offer(uuid, boolean) to authenticated;

/**
 * One row per submitted application of a call: weighted total on a 0–100 scale (each criterion's
 * level over its maximum, weighted), and the mean of per-reviewer z-scores, which removes each
 * reviewer's leniency or severity. A reviewer who gave everyone the same total contributes z = 0.
 * One statement whatever the number of applications; RLS decides who may read the scores.
 */
create function public.call_ranking(call uuid, in_round public.app_stage default 'review')
returns table (application_id uuid, reviews int, raw_score numeric, z_score numeric, rank int, percentile numeric)
language sql stable set search_path = ''
as $$
  with review_totals as (
    select s.application_id, s.reviewer_id,
           sum(c.weight * s.level::numeric / c.max_level) * 100 / sum(c.weight) as total
      from public.review_scores s
      join public.review_assignments r using (application_id, reviewer_id, round)
      join public.rubric_criteria c on c.id = s.criterion_id
      join public.applications a on a.id = s.application_id
     where a.call_id = call and s.round = in_round and r.status = 'submitted'
     group by s.application_id, s.reviewer_id
  ), normalised as (
    select application_id, total,
           case when stddev_pop(total) over w > 0
                then (total - avg(total) over w) / stddev_pop(total) over w
                else 0 end as z
      from review_totals
    window w as (partition by reviewer_id)
  ), per_app as (
    select a.id as application_id, count(n.total)::int as reviews, avg(n.total) as raw_score, avg(n.z) as z_score
      from public.applications a
      left join normalised n on n.application_id = a.id
     where a.call_id = call and a.status = 'submitted'
     group by a.id
  )
  select application_id, reviews, round(raw_score, 2), round(z_score, 3),
         (rank() over (order by z_score desc nulls last, raw_score desc nulls last))::int,
         round((100 * percent_rank() over (order by z_score nulls first, raw_score nulls first))::numeric, 1)
    from per_app
$$;
