-- Events: messages from an event's organisers to its attendees or its waitlist, by mail. A row is
-- the message as it was sent (both languages, the audience chosen, how many people it reached);
-- the mails themselves are rows of the outbox, written in the same transaction. The form carries
-- a one-time key, so a send posted twice (a double click, a retried request) is one message and
-- one set of mails: the unique key decides, whichever request commits first.

create table public.event_messages (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  sender_id uuid references auth.users (id) on delete set null,
  send_key uuid not null,
  subject_vi text not null default '' check (char_length(subject_vi) <= 200),
  subject_en text not null default '' check (char_length(subject_en) <= 200),
  body_vi text not null default '' check (char_length(body_vi) <= 10000),
  body_en text not null default '' check (char_length(body_en) <= 10000),
  -- who it went to: {"to": "attendees" | "waitlist", "ticketTypes": [...], "checkedIn": "any" | "in" | "out"}
  audience jsonb not null check (jsonb_typeof(audience) = 'object' and pg_column_size(audience) <= 4000),
  recipients int not null check (recipients >= 0),
  created_at timestamptz not null default now(),
  unique (event_id, send_key),
  -- one language at least, whole: a subject with its body
  check ((subject_vi <> '' and body_vi <> '') or (subject_en <> '' and body_en <> '')),
  check ((subject_vi = '') = (body_vi = '') and (subject_en = '') = (body_en = ''))
);
create index event_messages_event_idx on public.event_messages (event_id, created_at desc);
create index event_messages_sender_idx on public.event_messages (sender_id);

alter table public.event_messages enable row level security;
-- The event's organisers read and send its messages, as themselves; nobody edits or deletes one.
create policy event_messages_select on public.event_messages for select to authenticated
  using (public.manages_event(event_id) or (select public.is_platform_admin()));
create policy event_messages_insert on public.event_messages for insert to authenticated
  with check (public.manages_event(event_id) and sender_id = (select auth.uid()));
revoke all on public.event_messages from anon;
revoke update, delete, truncate on public.event_messages from authenticated;

-- Every message sent is in the event's audit log, whoever of its organisers sent it (staff, who
-- may send, may not call record_audit, which is for managers: hence a trigger).
create function public.audit_event_message() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.audit_events (org_id, scope_id, subject_type, subject_id, actor_id, kind, detail)
  select e.org_id, e.id, 'event_message', new.id, (select auth.uid()), 'message_sent',
         jsonb_build_object('recipients', new.recipients, 'audience', new.audience)
    from public.events e where e.id = new.event_id;
  return new;
end
$$;
revoke execute on function public.audit_event_message() from public, anon, authenticated;
create trigger event_messages_audit after insert on public.event_messages
  for each row execute function public.audit_event_message();
