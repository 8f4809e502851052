-- Sign-in throttle per (account, address) pair and per address, and the mailed unlock links.
-- See app/platform/decisions/001-sign-in-throttle.md. Only the service path touches these: RLS is
-- on and no policy grants anything to anon or authenticated.

-- One row per counted key, in a window that starts at its first attempt:
--   'pair:<address>|<account>'  attempts on one account from one address (or one unlocked device)
--   'address:<address>'         distinct accounts tried from one address
-- Every attempt increments its row in one `insert … on conflict do update … returning` statement,
-- before any password is checked, so concurrent attempts each see their own count.
create table public.sign_in_counters (
  key text primary key check (char_length(key) <= 400),
  window_start timestamptz not null default now(),
  attempts int not null default 1 check (attempts >= 0)
);
create index sign_in_counters_window_idx on public.sign_in_counters (window_start);
alter table public.sign_in_counters enable row level security;
revoke all on public.sign_in_counters from anon, authenticated;

-- The link mailed to an account's owner while sign-ins to it are refused: one live link per
-- account (a new one only once the last is used or expired), stored as a hash, used once.
create table public.sign_in_unlocks (
  user_id uuid primary key references auth.users (id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
alter table public.sign_in_unlocks enable row level security;
revoke all on public.sign_in_unlocks from anon, authenticated;
