-- Events, check-in: each ticket carries a signed code (the QR and the short code printed under it),
-- and the event's staff check it in at the door. Why a signed code and not a stored secret:
-- app/modules/events/decisions/005-ticket-codes.md.

-- The number the code starts with, so the typed code finds its ticket without a secret in the
-- database; the version the signature covers, moved on whenever the ticket changes hands, so the
-- previous holder's code stops working. Who checked the ticket in, for a second scan to say so.
alter table public.event_tickets
  add column ticket_no bigint generated always as identity,
  add column token_version int not null default 0,
  add column checked_in_by uuid references auth.users (id) on delete set null;
create unique index event_tickets_no_idx on public.event_tickets (ticket_no);
create index event_tickets_checked_in_idx on public.event_tickets (event_id, checked_in_at desc) where checked_in_at is not null;
create index event_tickets_checked_in_by_idx on public.event_tickets (checked_in_by);

-- Whatever path gives a ticket to another holder (today transfer_ticket()), its old code dies.
create function public.event_ticket_token_rotates() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.attendee_name is distinct from old.attendee_name or new.attendee_email is distinct from old.attendee_email then
    new.token_version := old.token_version + 1;
  end if;
  return new;
end
$$;
revoke execute on function public.event_ticket_token_rotates() from public, anon, authenticated;
create trigger event_ticket_token_rotates before update of attendee_name, attendee_email on public.event_tickets
  for each row execute function public.event_ticket_token_rotates();

/**
 * The event's staff check a ticket in. The app has verified the code's signature for `version`
 * (the secret lives in the app); here, under the ticket's row lock, so two scans at once make one
 * check-in: the ticket is this event's, its code is the current one, its order is confirmed.
 * Answers 'checked_in', or 'already' for a ticket checked in before, with when and by whom.
 * Refusals raised by name: not_found, other_event, superseded, not_valid. Audited.
 */
create function public.check_in_ticket(event uuid, ticket uuid, version int)
returns table (outcome text, checked_in_at timestamptz, checked_in_by uuid, checked_in_by_name text)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  k public.event_tickets;
  st text;
  org uuid;
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
    select e.org_id into org from public.events e where e.id = event;
    insert into public.audit_events (org_id, scope_id, subject_type, subject_id, actor_id, kind)
    values (org, event, 'event_ticket', ticket, (select auth.uid()), 'checked_in');
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
revoke execute on function public.check_in_ticket(uuid, uuid, int) from public, anon;
grant execute on function public.check_in_ticket(uuid, uuid, int) to authenticated, service_role;

/** The event's staff take back a check-in made by mistake. Answers whether there was one. Audited. */
create function public.undo_check_in(event uuid, ticket uuid) returns boolean
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
  insert into public.audit_events (org_id, scope_id, subject_type, subject_id, actor_id, kind, from_value)
  select e.org_id, event, 'event_ticket', ticket, (select auth.uid()), 'check_in_undone', was::text from public.events e where e.id = event;
  return true;
end
$$;
revoke execute on function public.undo_check_in(uuid, uuid) from public, anon;
grant execute on function public.undo_check_in(uuid, uuid) to authenticated, service_role;
