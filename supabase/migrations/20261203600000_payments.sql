-- Payments, a platform service that capabilities plug into (events' orders now, space bookings
-- later; app/platform/decisions/007-payments.md). A capability registers a kind (e.g.
-- 'event_order') and owns `reference` (its order's id); the platform owns the money's state.
-- Only the service path writes: checkout creation, Stripe's webhooks, staff confirming a bank
-- transfer (checked in the module) and the deadline sweep. People read; nobody writes directly.
create type public.payment_method as enum ('card', 'bank_transfer');
-- pending: waiting for the payer; paid: the capability fulfilled it; expired: the deadline passed
-- unpaid; refund_needed: money arrived that the capability could not fulfil (staff refund it);
-- cancelled: withdrawn before any money moved.
create type public.payment_status as enum ('pending', 'paid', 'expired', 'refund_needed', 'cancelled');

create table public.payments (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind ~ '^[a-z][a-z0-9_]{1,39}$'),
  reference uuid not null,
  -- the organisation that receives the money: its managers and staff follow its payments
  org_id uuid not null references public.organisations (id) on delete restrict,
  payer_id uuid references auth.users (id) on delete set null,
  description text not null check (char_length(description) between 1 and 200),
  -- VND has no minor unit (Stripe's zero-decimal currencies): the amount is whole đồng
  amount_vnd bigint not null check (amount_vnd between 1 and 99999999999),
  method public.payment_method not null,
  status public.payment_status not null default 'pending',
  deadline timestamptz not null,
  stripe_session_id text unique,
  checkout_url text,
  -- what the payer writes in the transfer's description; staff match the bank statement with it
  bank_reference text unique check (bank_reference ~ '^[A-Z0-9]{6,20}$'),
  settled_at timestamptz,
  settled_by uuid references auth.users (id) on delete set null,
  note text not null default '' check (length(note) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((method = 'card') = (bank_reference is null)),
  check (status <> 'pending' or settled_at is null)
);
-- one payment waiting per order at a time: a second checkout for the same order is refused
create unique index payments_one_pending on public.payments (kind, reference) where status = 'pending';
create index payments_reference_idx on public.payments (kind, reference);
create index payments_deadline_idx on public.payments (deadline) where status = 'pending';
create index payments_org_idx on public.payments (org_id, created_at desc);
create index payments_payer_idx on public.payments (payer_id, created_at desc);

-- Each Stripe event once: its id is the key, recorded in the same transaction as its effect.
create table public.stripe_events (
  id text primary key check (id ~ '^evt_[A-Za-z0-9_]{1,250}$'),
  type text not null,
  payment_id uuid references public.payments (id) on delete set null,
  received_at timestamptz not null default now()
);

alter table public.payments enable row level security;
alter table public.stripe_events enable row level security;
create policy payments_select on public.payments for select to authenticated
  using (
    payer_id = (select auth.uid())
    or public.has_org_role(org_id, '{manager,staff}')
    or public.is_platform_admin()
  );
-- stripe_events: no policy, so no one but the service reads or writes it
revoke all on public.payments, public.stripe_events from anon;
revoke insert, update, delete, truncate on public.payments from authenticated;
revoke all on public.stripe_events from authenticated;
