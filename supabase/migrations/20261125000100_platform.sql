-- Platform plumbing: the email outbox and sign-in attempts. Only the service path touches these:
-- RLS is on and no policy grants anything to anon or authenticated.

create table public.email_outbox (
  id uuid primary key default gen_random_uuid(),
  to_email text not null check (char_length(to_email) <= 254),
  locale text not null check (locale in ('vi', 'en')),
  template text not null,
  subject text not null,
  html text not null,
  text_body text not null,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  locked_until timestamptz,
  last_error text,
  provider_message_id text,
  delivered_via text check (delivered_via in ('resend', 'mailbox')),
  sent_at timestamptz,
  created_at timestamptz not null default now()
);
create index email_outbox_due_idx on public.email_outbox (next_attempt_at) where status in ('pending', 'sending');
create index email_outbox_to_idx on public.email_outbox (to_email, created_at desc);
alter table public.email_outbox enable row level security;
revoke all on public.email_outbox from anon, authenticated;

-- Wake the delivery worker as soon as a mail commits.
create function public.notify_outbox() returns trigger
language plpgsql set search_path = ''
as $$
begin
  perform pg_notify('email_outbox', new.id::text);
  return null;
end
$$;
create trigger email_outbox_notify after insert on public.email_outbox
  for each row execute function public.notify_outbox();

create table public.sign_in_attempts (
  id bigint generated always as identity primary key,
  email text not null,
  ip text not null,
  succeeded boolean not null,
  attempted_at timestamptz not null default now()
);
create index sign_in_attempts_email_idx on public.sign_in_attempts (email, attempted_at desc);
create index sign_in_attempts_ip_idx on public.sign_in_attempts (ip, attempted_at desc);
alter table public.sign_in_attempts enable row level security;
revoke all on public.sign_in_attempts from anon, authenticated;
