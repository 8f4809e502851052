-- Events, part 3: the organisers' set-up pages (app/modules/events/setup). Speakers get an order
-- the organisers choose; events made on those pages have no single capacity (quotas carry it, see
-- decisions/001-capacity.md); and the event's staff, not only the organisation's managers, write
-- the audit rows of the events they run.

-- The order speakers are listed in, on the agenda page and the public page (1..n, set by moving).
alter table public.event_speakers add column position int not null default 0;
create index event_speakers_position_idx on public.event_speakers (event_id, position);

-- The cover's check as first written used a repetition count PostgreSQL's regular expressions do
-- not allow ({1,500}; their limit is 255), so it failed on every address but the empty one.
alter table public.events drop constraint events_cover_url_check;
alter table public.events add constraint events_cover_url_check
  check (cover_url = '' or (char_length(cover_url) <= 500 and cover_url ~ '^(https://|/)[^\s<>"]+$'));

-- Capacity moved to ticket quotas; the column stays for the events made before them.
alter table public.events alter column capacity drop not null;

/**
 * As before (20261201300000_platform_audit.sql), and also the organisers of an event (its
 * organisation's managers and staff, public.manages_event) for rows listed under that event.
 */
create or replace function public.record_audit(org uuid, scope uuid, subject_type text, subject uuid, kind text, detail jsonb default '{}')
returns bigint
language plpgsql volatile security definer set search_path = ''
as $$
declare
  new_id bigint;
begin
  if (select auth.uid()) is null
     or not (public.has_org_role(org, '{manager}') or public.is_platform_admin()
             or exists (select 1 from public.events e where e.id = scope and e.org_id = org and public.has_org_role(org, '{manager,staff}'))) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  insert into public.audit_events (org_id, scope_id, subject_type, subject_id, actor_id, kind, detail)
  values (org, scope, subject_type, subject, (select auth.uid()), kind, coalesce(detail, '{}'))
  returning id into new_id;
  return new_id;
end
$$;
revoke execute on function public.record_audit(uuid, uuid, text, uuid, text, jsonb) from public, anon;
grant execute on function public.record_audit(uuid, uuid, text, uuid, text, jsonb) to authenticated, service_role;
