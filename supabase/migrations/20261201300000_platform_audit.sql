-- The platform's audit trail (decision record app/platform/decisions/005-audit-trail.md): one
-- append-only table that every capability writes to, in the same transaction as the change it
-- records. Who may read a row is decided by the row itself: the managers of the organisation
-- that owns the subject, platform administrators, and, for rows shared with a startup, that
-- startup's members. Nobody writes it as a user: capabilities write through triggers (security
-- definer) or through public.record_audit, which checks its caller.

create table public.audit_events (
  id bigint generated always as identity primary key,
  -- the organisation whose managers read the row (the one that runs the call, the event, the space)
  org_id uuid not null references public.organisations (id) on delete cascade,
  -- the record whose log lists the row (for applications: the call). Not a foreign key: each
  -- capability has its own scopes, and the log outlives an edit of them.
  scope_id uuid,
  subject_type text not null check (subject_type ~ '^[a-z][a-z_]{0,39}$'),
  subject_id uuid not null,
  -- members of this startup read the row too (a founder's timeline); null: managers only
  shared_startup_id uuid references public.startups (id) on delete cascade,
  actor_id uuid references auth.users (id) on delete set null,
  kind text not null check (kind ~ '^[a-z][a-z_]{0,39}$'),
  from_value text check (char_length(from_value) <= 2000),
  to_value text check (char_length(to_value) <= 2000),
  -- what changed, as data the page translates (field names, labels in both languages, counts)
  detail jsonb not null default '{}' check (jsonb_typeof(detail) = 'object' and pg_column_size(detail) <= 16000),
  created_at timestamptz not null default now()
);
create index audit_events_scope_idx on public.audit_events (scope_id, created_at desc, id desc);
create index audit_events_subject_idx on public.audit_events (subject_id, created_at, id);
create index audit_events_org_idx on public.audit_events (org_id);
create index audit_events_startup_idx on public.audit_events (shared_startup_id) where shared_startup_id is not null;
create index audit_events_actor_idx on public.audit_events (actor_id);
alter table public.audit_events enable row level security;

-- Append-only for users: select is the only privilege; no insert, update or delete policy either.
-- (The service path keeps all rights: a deleted user's actor_id is set null by the foreign key.)
revoke all on public.audit_events from anon, authenticated;
grant select on public.audit_events to authenticated;
create policy audit_events_select on public.audit_events for select to authenticated
  using (
    (select public.is_platform_admin())
    or public.has_org_role(org_id, '{manager}')
    or (shared_startup_id is not null and public.is_startup_member(shared_startup_id))
  );

/**
 * The one write path for audit rows a trigger cannot see (an export, a file read). The actor is
 * the caller, never a parameter; only a manager of the organisation (or a platform administrator)
 * may add a row to its log, and such rows are never shared with a startup.
 */
create function public.record_audit(org uuid, scope uuid, subject_type text, subject uuid, kind text, detail jsonb default '{}')
returns bigint
language plpgsql volatile security definer set search_path = ''
as $$
declare
  new_id bigint;
begin
  if (select auth.uid()) is null or not (public.has_org_role(org, '{manager}') or public.is_platform_admin()) then
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
