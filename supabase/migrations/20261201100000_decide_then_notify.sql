-- Deciding and notifying are two steps (decision record:
-- app/modules/applications/decisions/decide-then-notify.md).
--
-- A decision the founders have not been told is a pending decision: a row of its own, readable
-- and writable only by the call's managers, so a founder can learn nothing of it (not from their
-- application, its timeline or any API). Changing it is an update, undoing it a delete, and
-- neither leaves a trace on the application. Notifying moves it onto the application (decision,
-- stage, offer deadline, notified_at) and queues the mails in one transaction that deletes the
-- pending row: a second notify finds nothing to send.

-- When the founders were told the application's current decision; the offer's clock starts here.
alter table public.applications add column notified_at timestamptz;

create table public.pending_decisions (
  application_id uuid primary key references public.applications (id) on delete cascade,
  -- the application's call, set by the guard below (a manager of one call cannot file it under another)
  call_id uuid not null references public.calls (id) on delete cascade,
  decision public.app_decision not null,
  -- the offer's deadline chosen when deciding (accepted only); null means the call's offer_days
  -- from the moment the founders are told
  offer_expires_at timestamptz,
  include_message boolean not null default true,
  release_feedback boolean not null default false,
  -- the warnings the manager saw and accepted anyway (see acceptance_warnings)
  warnings_overridden text[] not null default '{}',
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz not null default now(),
  check (decision = 'accepted' or offer_expires_at is null)
);
create index pending_decisions_call_idx on public.pending_decisions (call_id);
alter table public.pending_decisions enable row level security;

create policy pending_decisions_all on public.pending_decisions for all to authenticated
  using (public.manages_call(call_id)) with check (public.manages_call(call_id));
revoke all on public.pending_decisions from anon;

/**
 * Why accepting this application deserves a second look, for its call's managers (null for anyone
 * else): 'few_reviews' (fewer submitted reviews than the call requires; abstentions and recusals do
 * not count), 'below_threshold' (its mean total is under the call's shortlist threshold, or it has
 * none), 'conflict' (a reviewer still assigned to it has a conflict of interest with the startup).
 * Runs as the caller, so it reads only what the caller may.
 */
create function public.acceptance_warnings(app uuid) returns text[]
language sql stable set search_path = ''
as $$
  select case when public.manages_application(app) then array_remove(array[
           case when (select count(*) from public.review_assignments r
                       where r.application_id = a.id and r.round = 'review' and r.status = 'submitted') < c.reviews_per_application
                then 'few_reviews' end,
           case when c.shortlist_threshold is not null
                 and coalesce((select s.raw_score from public.application_scores s where s.application_id = a.id and s.round = 'review')
                              < c.shortlist_threshold, true)
                then 'below_threshold' end,
           case when exists (select 1 from public.review_assignments r
                              where r.application_id = a.id and r.status <> 'recused' and public.reviewer_conflicted(a.id, r.reviewer_id))
                then 'conflict' end], null) end
    from public.applications a join public.calls c on c.id = a.call_id
   where a.id = app
$$;
revoke execute on function public.acceptance_warnings(uuid) from public, anon;
grant execute on function public.acceptance_warnings(uuid) to authenticated, service_role;

-- What a pending decision must be, whoever writes it: on a submitted application whose offer was
-- not answered; an acceptance past its warnings only when the manager confirmed each of them; an
-- offer deadline in the future and at most 180 days away. Who and when are the database's to set.
create function public.guard_pending_decision() returns trigger
language plpgsql set search_path = ''
as $$
declare
  a public.applications;
  unconfirmed text[];
begin
  select * into a from public.applications where id = new.application_id;
  if a.id is null then
    raise exception 'not_found' using errcode = 'P0002';
  end if;
  if a.status <> 'submitted' or a.offer_response is not null then
    raise exception 'decision_locked' using errcode = 'P0001';
  end if;
  new.call_id := a.call_id;
  new.decided_by := (select auth.uid());
  new.decided_at := now();
  if new.decision = 'accepted' then
    if new.offer_expires_at is not null and new.offer_expires_at <= now() then
      raise exception 'deadline_past' using errcode = 'P0001';
    end if;
    if new.offer_expires_at > now() + interval '180 days' then
      raise exception 'deadline_too_far' using errcode = 'P0001';
    end if;
    select array_agg(w) into unconfirmed
      from unnest(coalesce(public.acceptance_warnings(a.id), '{}')) w where not (w = any (new.warnings_overridden));
    if unconfirmed is not null then
      raise exception 'warnings_unconfirmed' using errcode = 'P0001', detail = array_to_string(unconfirmed, ',');
    end if;
  else
    new.warnings_overridden := '{}';
  end if;
  return new;
end
$$;
create trigger pending_decisions_guard before insert or update on public.pending_decisions
  for each row execute function public.guard_pending_decision();
revoke execute on function public.guard_pending_decision() from public, anon, authenticated;
