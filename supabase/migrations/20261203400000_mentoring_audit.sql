-- Mentoring writes to the platform's audit trail (20261201300000_platform_audit.sql), listed under
-- the programme (scope_id = the programme, org_id = its organisation), for its managers only.
-- Every row is written by a trigger in the same statement as the change, whatever path made it and
-- whoever made it (a manager, a mentor, a founder): a user cannot write audit_events, and a trigger
-- function cannot be called, so no one can add a row that records something that did not happen.
-- Why triggers rather than a function founders and mentors call: decisions/011-audit-and-ending.md.
--   program_mentors     mentor_approved, mentor_withdrawn
--   startup_mentors     mentor_assigned (via: manual, request, proposal), mentoring_ended
--   mentor_requests     request_sent, request_accepted, request_declined, request_expired
--   mentoring_sessions  session_booked, session_rescheduled, session_cancelled, no_show_marked, location_changed

/** One audit row about mentoring in a programme, or nothing when the programme is being deleted. Internal. */
create function public.audit_mentoring_change(program uuid, subject_type text, subject uuid, kind text, from_value text, to_value text, detail jsonb)
returns void
language sql volatile security definer set search_path = ''
as $$
  insert into public.audit_events (org_id, scope_id, subject_type, subject_id, actor_id, kind, from_value, to_value, detail)
  select p.org_id, p.id, subject_type, subject, (select auth.uid()), kind, from_value, to_value, coalesce(detail, '{}')
    from public.programs p
   where p.id = program
$$;

/** An instant as the log keeps it: ISO 8601 in UTC, whatever the session's time zone setting. */
create function public.audit_instant(at timestamptz) returns text
language sql immutable set search_path = ''
as $$
  select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

/** Whether the statement being audited runs inside the named function (the PL/pgSQL call stack, which no caller can forge). */
create function public.audit_called_from(fn text) returns boolean
language plpgsql stable set search_path = ''
as $$
declare
  stack text;
begin
  get diagnostics stack = pg_context;
  return stack like '%function public.' || fn || '(%' or stack like '%function ' || fn || '(%';
end
$$;

revoke execute on function public.audit_mentoring_change(uuid, text, uuid, text, text, text, jsonb), public.audit_instant(timestamptz),
  public.audit_called_from(text) from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Approvals

create function public.audit_program_mentor() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform public.audit_mentoring_change(new.program_id, 'mentor', new.mentor_id, 'mentor_approved', null, null, jsonb_build_object('mentor', new.mentor_id));
    return new;
  end if;
  perform public.audit_mentoring_change(old.program_id, 'mentor', old.mentor_id, 'mentor_withdrawn', null, null, jsonb_build_object('mentor', old.mentor_id));
  return old;
end
$$;
create trigger program_mentors_audit after insert or delete on public.program_mentors
  for each row execute function public.audit_program_mentor();

-- ---------------------------------------------------------------------------------------------
-- Who mentors whom. take_mentor() is the one writer; the function that called it says how the
-- pair came about. end_mentoring() is the one remover (besides a startup or user being deleted).

create function public.audit_startup_mentor() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  via text;
begin
  if tg_op = 'INSERT' then
    if new.program_id is null then
      return new;
    end if;
    via := case when public.audit_called_from('publish_mentor_proposal') then 'proposal'
                when public.audit_called_from('answer_mentor_request') then 'request'
                when public.audit_called_from('assign_mentor') then 'manual'
                else 'other' end;
    perform public.audit_mentoring_change(new.program_id, 'startup', new.startup_id, 'mentor_assigned', null, null,
                                          jsonb_build_object('startup', new.startup_id, 'mentor', new.mentor_id, 'via', via));
    return new;
  end if;
  if old.program_id is not null then
    perform public.audit_mentoring_change(old.program_id, 'startup', old.startup_id, 'mentoring_ended', null, null,
                                          jsonb_build_object('startup', old.startup_id, 'mentor', old.mentor_id));
  end if;
  return old;
end
$$;
create trigger startup_mentors_audit after insert or delete on public.startup_mentors
  for each row execute function public.audit_startup_mentor();

-- ---------------------------------------------------------------------------------------------
-- Requests: each time one reaches a mentor, and how it ends.

create function public.audit_mentor_request() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status is distinct from old.status and new.status in ('pending', 'accepted', 'declined', 'expired') then
    perform public.audit_mentoring_change(new.program_id, 'startup', new.startup_id,
                                          case new.status when 'pending' then 'request_sent' else 'request_' || new.status end, null, null,
                                          jsonb_build_object('startup', new.startup_id, 'mentor', new.mentor_id, 'rank', new.rank));
  end if;
  return new;
end
$$;
create trigger mentor_requests_audit after update of status on public.mentor_requests
  for each row execute function public.audit_mentor_request();

-- ---------------------------------------------------------------------------------------------
-- Sessions

create function public.audit_mentoring_session() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  about jsonb := jsonb_build_object('startup', new.startup_id, 'mentor', new.mentor_id);
begin
  if tg_op = 'INSERT' then
    perform public.audit_mentoring_change(new.program_id, 'session', new.id, 'session_booked', null, public.audit_instant(new.starts_at), about);
    return new;
  end if;
  if new.starts_at is distinct from old.starts_at then
    perform public.audit_mentoring_change(new.program_id, 'session', new.id, 'session_rescheduled',
                                          public.audit_instant(old.starts_at), public.audit_instant(new.starts_at), about);
  end if;
  if new.status is distinct from old.status and new.status = 'cancelled' then
    perform public.audit_mentoring_change(new.program_id, 'session', new.id, 'session_cancelled', null, public.audit_instant(new.starts_at),
                                          about || jsonb_build_object('reason', case when public.audit_called_from('end_mentoring') then 'ended' else 'cancelled' end));
  end if;
  if new.status is distinct from old.status and new.status = 'no_show' then
    perform public.audit_mentoring_change(new.program_id, 'session', new.id, 'no_show_marked', null, new.absent,
                                          about || jsonb_build_object('absent', new.absent));
  end if;
  if new.location is distinct from old.location then
    perform public.audit_mentoring_change(new.program_id, 'session', new.id, 'location_changed', left(old.location, 2000), left(new.location, 2000), about);
  end if;
  return new;
end
$$;
create trigger mentoring_sessions_audit after insert or update of starts_at, status, location on public.mentoring_sessions
  for each row execute function public.audit_mentoring_session();

revoke execute on function public.audit_program_mentor(), public.audit_startup_mentor(), public.audit_mentor_request(),
  public.audit_mentoring_session() from public, anon, authenticated;

-- The programme's log is read page by page, newest first (audit_events_scope_idx), by its managers (RLS on audit_events).
