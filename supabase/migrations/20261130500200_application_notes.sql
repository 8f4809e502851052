-- Internal notes by a call's managers on an application: never shown to founders or reviewers.
-- The author is the signed-in manager, set by the database; notes are kept, not edited.
create table public.application_notes (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references public.applications (id) on delete cascade,
  author_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  body text not null check (char_length(body) between 1 and 4000),
  created_at timestamptz not null default now()
);
create index application_notes_app_idx on public.application_notes (application_id, created_at);
alter table public.application_notes enable row level security;

create policy application_notes_select on public.application_notes for select to authenticated
  using ((select public.manages_application(application_id)));
create policy application_notes_insert on public.application_notes for insert to authenticated
  with check (author_id = (select auth.uid()) and (select public.manages_application(application_id)));
revoke all on public.application_notes from anon;
revoke update, delete, truncate on public.application_notes from authenticated;
