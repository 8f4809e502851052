-- A review due date per call (optional), and the automatic reminders sent against it: one
-- "due soon" and one "overdue" mail per reviewer and call at most, recorded here in the same
-- transaction as the mail, so a second sweep (or a retried one) sends nothing twice.
alter table public.calls add column review_due_at timestamptz;

create table public.review_reminders (
  call_id uuid not null references public.calls (id) on delete cascade,
  reviewer_id uuid not null references auth.users (id) on delete cascade,
  kind text not null check (kind in ('due_soon', 'overdue')),
  sent_at timestamptz not null default now(),
  primary key (call_id, reviewer_id, kind)
);
alter table public.review_reminders enable row level security;
-- Written only by the scheduler (the service); the call's managers may read what was sent.
create policy review_reminders_select on public.review_reminders for select to authenticated
  using ((select public.manages_call(call_id)));
revoke insert, update, delete, truncate on public.review_reminders from anon, authenticated;

create index calls_review_due on public.calls (review_due_at) where review_due_at is not null;
