-- Events, the organisers' set-up of what is sold (app/modules/events/setup): a hidden ticket type
-- may have several codes (one per partner, say), questions get help text, more kinds, the ticket
-- types that ask them, and can be retired once answered (the answers stay), and every set-up
-- change is written to the audit trail by the event's organisers, staff included.

-- Several codes a type: the key becomes the pair. register_order() and unlocked_ticket_types()
-- already look a code up by (type, code).
alter table public.ticket_type_codes drop constraint ticket_type_codes_pkey;
alter table public.ticket_type_codes add primary key (ticket_type_id, code);

-- Questions. `ticket_type_ids` empty: every type asks it. A retired question is no longer asked;
-- its answers stay on the attendees' tickets (they are keyed by the question's id).
alter table public.event_questions
  add column help_vi text not null default '' check (char_length(help_vi) <= 1000),
  add column help_en text not null default '' check (char_length(help_en) <= 1000),
  add column ticket_type_ids uuid[] not null default '{}' check (cardinality(ticket_type_ids) <= 50),
  add column retired boolean not null default false;
alter table public.event_questions drop constraint event_questions_kind_check;
alter table public.event_questions add constraint event_questions_kind_check check (kind in ('text', 'long_text', 'choice', 'yes_no'));
alter table public.event_questions drop constraint event_questions_check;
alter table public.event_questions add constraint event_questions_choice_options check (kind <> 'choice' or cardinality(options) >= 2);

/**
 * One audit row about an event's set-up (ticket types, codes, quotas, questions), listed under the
 * event (scope) for its organisation's managers. The platform's record_audit() takes managers only;
 * an event's staff set it up too, so this checks manages_event() instead. The actor is the caller.
 */
create function public.record_event_setup_audit(event uuid, subject_type text, subject uuid, kind text, detail jsonb default '{}')
returns bigint
language plpgsql volatile security definer set search_path = ''
as $$
declare
  new_id bigint;
begin
  if (select auth.uid()) is null or not public.manages_event(event) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  insert into public.audit_events (org_id, scope_id, subject_type, subject_id, actor_id, kind, detail)
  select e.org_id, e.id, record_event_setup_audit.subject_type, record_event_setup_audit.subject, (select auth.uid()),
         record_event_setup_audit.kind, coalesce(record_event_setup_audit.detail, '{}')
    from public.events e where e.id = record_event_setup_audit.event
  returning id into new_id;
  return new_id;
end
$$;
revoke execute on function public.record_event_setup_audit(uuid, text, uuid, text, jsonb) from public, anon;
grant execute on function public.record_event_setup_audit(uuid, text, uuid, text, jsonb) to authenticated, service_role;
