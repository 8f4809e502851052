-- A submitted application is frozen for its founders, column by column, in the database.
--
-- Until now guard_application_change() kept the managers' columns (stage, decision, offer …)
-- from founders, but let them rewrite everything else at any time with a direct update: the
-- submission time, the track, the idempotency key, the author, the status. A founder could also
-- insert a draft that already carried a decision, then submit it and confirm the "offer". And
-- guard_draft_content() checked only the new row of an answer or a file, so a file could be moved
-- out of a submitted application into a draft.
--
-- Now, for a signed-in person who does not manage the call:
--   * a draft: only track_id, status (draft → submitted) and submit_key are theirs to write; the
--     trigger itself sets submitted_at and eligible on submission. Every other column is compared
--     as a whole (to_jsonb), so a column added later is frozen too until someone decides otherwise.
--   * any other status: nothing at all (application_locked). Withdrawing goes through
--     withdraw_application() and answering an offer through respond_to_offer(), both security
--     definer, so they run as the owner and pass this guard.
--   * inserting: only call_id, startup_id, track_id and created_by (column privileges); the rest
--     takes its default.
-- Answers and files: both the old and the new application must be a draft of an open call.

create or replace function public.guard_application_change() returns trigger
language plpgsql set search_path = ''
as $$
declare
  c public.calls;
  -- what a founder writes on a draft; submitted_at and eligible are set below on submission
  founder_columns constant text[] := array['track_id', 'status', 'submit_key', 'submitted_at', 'eligible', 'updated_at'];
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
  if tg_op = 'UPDATE' and current_user = 'authenticated' and not public.manages_call(new.call_id) then
    if old.status <> 'draft' then
      raise exception 'application_locked' using errcode = 'P0001';
    end if;
    if new.status not in ('draft', 'submitted')
       or (to_jsonb(new) - founder_columns) is distinct from (to_jsonb(old) - founder_columns)
       or (new.status = 'draft' and (new.submitted_at, new.eligible, new.submit_key) is distinct from (old.submitted_at, old.eligible, old.submit_key)) then
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

-- Answers and files change only on drafts of open calls: the application they leave and the one
-- they join alike.
create or replace function public.guard_draft_content() returns trigger
language plpgsql set search_path = ''
as $$
declare
  ok boolean;
begin
  if current_user = 'authenticated' then
    select bool_and(a.status = 'draft' and now() >= c.opens_at and now() < c.closes_at) into ok
      from public.applications a join public.calls c on c.id = a.call_id
     where a.id in (new.application_id, old.application_id);
    if not coalesce(ok, false) then
      raise exception 'application_locked' using errcode = 'P0001';
    end if;
  end if;
  return coalesce(new, old);
end
$$;

revoke insert on public.applications from authenticated;
grant insert (call_id, startup_id, track_id, created_by) on public.applications to authenticated;

/** The founder withdraws their application while it has no decision. True when withdrawn. */
create function public.withdraw_application(app uuid) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
begin
  update public.applications set status = 'withdrawn'
   where id = app and public.is_startup_member(startup_id) and status in ('draft', 'submitted') and decision is null;
  return found;
end
$$;
revoke execute on function public.withdraw_application(uuid) from public, anon;
grant execute on function public.withdraw_application(uuid) to authenticated;
