-- Event changes reach the audit trail one way: organisers' actions through public.record_audit()
-- (which admits an event's organisers, staff included, for rows listed under that event:
-- 20261204200000_event_setup.sql), webhooks and jobs through the service path (auditAsService in
-- app/platform/audit/audit.server.ts). Before, set-up had its own record_event_setup_audit(),
-- messages a trigger, and the check-in functions inserted their own rows. The rows are the same.

-- record_audit() takes the value changed from and to, as the triggers write them (undoing a
-- check-in records when it had been made). Dropped first: an overload with defaults would make
-- every call of six arguments ambiguous.
drop function public.record_audit(uuid, uuid, text, uuid, text, jsonb);

/**
 * The one write path for audit rows written by people. The actor is the caller, never a
 * parameter; only a manager of the organisation (or a platform administrator), or an organiser of
 * the event the row is listed under (scope), may add a row to its log; such rows are never shared
 * with a startup.
 */
create function public.record_audit(org uuid, scope uuid, subject_type text, subject uuid, kind text, detail jsonb default '{}',
                                    from_value text default null, to_value text default null)
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
  insert into public.audit_events (org_id, scope_id, subject_type, subject_id, actor_id, kind, detail, from_value, to_value)
  values (org, scope, subject_type, subject, (select auth.uid()), kind, coalesce(detail, '{}'), from_value, to_value)
  returning id into new_id;
  return new_id;
end
$$;
revoke execute on function public.record_audit(uuid, uuid, text, uuid, text, jsonb, text, text) from public, anon;
grant execute on function public.record_audit(uuid, uuid, text, uuid, text, jsonb, text, text) to authenticated, service_role;

-- Set-up (ticket types, codes, quotas, questions) is audited from the module with audit(), as the
-- event's details and agenda are; messages likewise, where they are sent.
drop function public.record_event_setup_audit(uuid, text, uuid, text, jsonb);
drop trigger event_messages_audit on public.event_messages;
drop function public.audit_event_message();

/** As in 20261204500000_event_checkin.sql; the audit row through record_audit(). */
create or replace function public.check_in_ticket(event uuid, ticket uuid, version int)
returns table (outcome text, checked_in_at timestamptz, checked_in_by uuid, checked_in_by_name text)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  k public.event_tickets;
  st text;
begin
  if (select auth.uid()) is null or not public.manages_event(event) then
    raise exception 'not_found';
  end if;
  select * into k from public.event_tickets where id = ticket for update;
  if k.id is null then
    raise exception 'not_found';
  end if;
  if k.event_id <> event then
    raise exception 'other_event';
  end if;
  if k.token_version <> version then
    raise exception 'superseded';
  end if;
  select o.status into st from public.event_orders o where o.id = k.order_id;
  if st <> 'confirmed' then
    raise exception 'not_valid';
  end if;
  if k.checked_in_at is null then
    update public.event_tickets set checked_in_at = now(), checked_in_by = (select auth.uid()) where id = ticket
    returning * into k;
    perform public.record_audit((select e.org_id from public.events e where e.id = event), event, 'event_ticket', ticket, 'checked_in');
    outcome := 'checked_in';
  else
    outcome := 'already';
  end if;
  checked_in_at := k.checked_in_at;
  checked_in_by := k.checked_in_by;
  checked_in_by_name := (select p.display_name from public.profiles p where p.id = k.checked_in_by);
  return next;
end
$$;

/** As in 20261204500000_event_checkin.sql; the audit row through record_audit(). */
create or replace function public.undo_check_in(event uuid, ticket uuid) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
declare
  was timestamptz;
begin
  if (select auth.uid()) is null or not public.manages_event(event) then
    raise exception 'not_found';
  end if;
  select k.checked_in_at into was from public.event_tickets k where k.id = ticket and k.event_id = event for update;
  if was is null then
    return false;
  end if;
  update public.event_tickets set checked_in_at = null, checked_in_by = null where id = ticket;
  perform public.record_audit((select e.org_id from public.events e where e.id = event), event, 'event_ticket', ticket, 'check_in_undone',
                              '{}', from_value => was::text);
  return true;
end
$$;
