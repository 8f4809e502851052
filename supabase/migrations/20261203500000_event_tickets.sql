-- Events, part 2: what an innovation forum needs to take registrations without overselling.
-- The event grows a description, a venue (an address or one of the organisation's spaces), a cover
-- image and a cancellation policy; it gets an agenda (sessions, speakers), ticket types, quotas
-- shared across ticket types, questions for each attendee, orders with their tickets, and a
-- waitlist per ticket type. Why a counter with a check under row locks, and what an order's states
-- mean: app/modules/events/decisions/001-capacity.md.

alter table public.events
  add column description_vi text not null default '' check (char_length(description_vi) <= 20000),
  add column description_en text not null default '' check (char_length(description_en) <= 20000),
  add column space_id uuid references public.spaces (id) on delete set null,
  -- an https address or a path of this site; shown on the page and in shared links (og:image)
  add column cover_url text not null default '' check (cover_url = '' or cover_url ~ '^(https://|/)[^\s<>"]{1,500}$'),
  add column time_zone text not null default 'Asia/Ho_Chi_Minh' check (char_length(time_zone) between 1 and 64),
  -- attendees may cancel until this many hours before the start; null: they may not cancel themselves
  add column cancel_hours int check (cancel_hours between 0 and 8760),
  -- how long a waitlist offer holds its seat
  add column offer_hours int not null default 24 check (offer_hours between 1 and 336);
create index events_space_id_idx on public.events (space_id);

/** The organising organisation's managers and staff: they run the event's pages. */
create function public.manages_event(event uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.events e where e.id = event and public.has_org_role(e.org_id, '{manager,staff}'))
$$;
revoke execute on function public.manages_event(uuid) from public, anon;
grant execute on function public.manages_event(uuid) to authenticated, service_role;

-- Agenda ----------------------------------------------------------------------------------------

create table public.event_speakers (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 200),
  affiliation text not null default '' check (char_length(affiliation) <= 200),
  bio_vi text not null default '' check (char_length(bio_vi) <= 4000),
  bio_en text not null default '' check (char_length(bio_en) <= 4000),
  created_at timestamptz not null default now()
);
create index event_speakers_event_idx on public.event_speakers (event_id);

create table public.event_sessions (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  title_vi text not null check (char_length(title_vi) between 1 and 200),
  title_en text not null check (char_length(title_en) between 1 and 200),
  room text not null default '' check (char_length(room) <= 200),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  speaker_ids uuid[] not null default '{}' check (cardinality(speaker_ids) <= 20),
  created_at timestamptz not null default now(),
  check (ends_at > starts_at)
);
create index event_sessions_event_idx on public.event_sessions (event_id, starts_at);

-- Tickets and capacity ------------------------------------------------------------------------

create table public.ticket_types (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  name_vi text not null check (char_length(name_vi) between 1 and 200),
  name_en text not null check (char_length(name_en) between 1 and 200),
  description_vi text not null default '' check (char_length(description_vi) <= 2000),
  description_en text not null default '' check (char_length(description_en) <= 2000),
  -- whole đồng (VND has no minor unit); 0 is a free ticket
  price_vnd bigint not null default 0 check (price_vnd between 0 and 1000000000),
  sales_start timestamptz not null default now(),
  sales_end timestamptz not null,
  -- hidden types are offered only to those who bring their code (ticket_type_codes)
  hidden boolean not null default false,
  min_per_order int not null default 1 check (min_per_order between 1 and 50),
  max_per_order int not null default 10 check (max_per_order between 1 and 50),
  position int not null default 0,
  created_at timestamptz not null default now(),
  check (sales_end > sales_start),
  check (max_per_order >= min_per_order)
);
create index ticket_types_event_idx on public.ticket_types (event_id, position);

-- Apart from the type, so the public never reads a code with the type it unlocks.
create table public.ticket_type_codes (
  ticket_type_id uuid primary key references public.ticket_types (id) on delete cascade,
  code text not null check (code ~ '^[A-Za-z0-9_-]{4,40}$')
);

-- A quota counts the seats taken by held and confirmed tickets and by open waitlist offers. The
-- check is the last word on capacity: no statement, whatever path it comes by, makes taken pass
-- size, and lowering size below what is taken is refused.
create table public.ticket_quotas (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 200),
  size int not null check (size >= 0 and size <= 1000000),
  taken int not null default 0,
  created_at timestamptz not null default now(),
  constraint ticket_quotas_capacity check (taken between 0 and size)
);
create index ticket_quotas_event_idx on public.ticket_quotas (event_id);

create table public.ticket_type_quotas (
  ticket_type_id uuid not null references public.ticket_types (id) on delete cascade,
  quota_id uuid not null references public.ticket_quotas (id) on delete cascade,
  primary key (ticket_type_id, quota_id)
);
create index ticket_type_quotas_quota_idx on public.ticket_type_quotas (quota_id);

create table public.event_questions (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  label_vi text not null check (char_length(label_vi) between 1 and 300),
  label_en text not null check (char_length(label_en) between 1 and 300),
  kind text not null default 'text' check (kind in ('text', 'choice')),
  options text[] not null default '{}' check (cardinality(options) <= 30),
  required boolean not null default false,
  position int not null default 0,
  created_at timestamptz not null default now(),
  check (kind = 'text' or cardinality(options) >= 2)
);
create index event_questions_event_idx on public.event_questions (event_id, position);

-- Orders ----------------------------------------------------------------------------------------

create table public.event_orders (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  buyer_id uuid not null references auth.users (id) on delete cascade,
  -- the reference a person reads out, and a bank transfer carries
  code text not null unique default upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 10)),
  email text not null check (char_length(email) between 3 and 320),
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  -- held: seats taken while the buyer pays, until hold_until; confirmed: the tickets are valid;
  -- expired: the hold lapsed unpaid; cancelled: by the buyer or the organisers. Only held and
  -- confirmed orders take seats.
  status text not null check (status in ('held', 'confirmed', 'expired', 'cancelled')),
  total_vnd bigint not null check (total_vnd >= 0),
  hold_until timestamptz,
  -- set when a payment arrived for an order whose seats were gone: staff refund it
  needs_refund boolean not null default false,
  created_at timestamptz not null default now(),
  confirmed_at timestamptz,
  cancelled_at timestamptz,
  check (status <> 'held' or hold_until is not null),
  check (status <> 'confirmed' or confirmed_at is not null)
);
create index event_orders_event_idx on public.event_orders (event_id, status);
create index event_orders_buyer_idx on public.event_orders (buyer_id);
create index event_orders_hold_idx on public.event_orders (hold_until) where status = 'held';

-- One attendee of an order: a seat of one ticket type.
create table public.event_tickets (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.event_orders (id) on delete cascade,
  event_id uuid not null references public.events (id) on delete cascade,
  ticket_type_id uuid not null references public.ticket_types (id) on delete restrict,
  buyer_id uuid not null references auth.users (id) on delete cascade,
  attendee_name text not null check (char_length(attendee_name) between 1 and 200),
  attendee_email text not null check (char_length(attendee_email) between 3 and 320),
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  -- question id → answer
  answers jsonb not null default '{}' check (jsonb_typeof(answers) = 'object'),
  price_vnd bigint not null check (price_vnd >= 0),
  checked_in_at timestamptz,
  created_at timestamptz not null default now()
);
create index event_tickets_order_idx on public.event_tickets (order_id);
create index event_tickets_event_idx on public.event_tickets (event_id);
create index event_tickets_type_idx on public.event_tickets (ticket_type_id);
create index event_tickets_buyer_idx on public.event_tickets (buyer_id);

-- Waitlist --------------------------------------------------------------------------------------

create table public.event_waitlist (
  id uuid primary key default gen_random_uuid(),
  -- the order of the list: given when the person joins, never reused
  position bigint generated always as identity unique,
  event_id uuid not null references public.events (id) on delete cascade,
  ticket_type_id uuid not null references public.ticket_types (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 200),
  email text not null check (char_length(email) between 3 and 320),
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  -- waiting → offered (a seat held until offer_expires_at) → accepted (an order) or lapsed; or left;
  -- closed when sales end
  status text not null default 'waiting' check (status in ('waiting', 'offered', 'accepted', 'lapsed', 'left', 'closed')),
  offered_at timestamptz,
  offer_expires_at timestamptz,
  order_id uuid references public.event_orders (id) on delete set null,
  created_at timestamptz not null default now(),
  check (status <> 'offered' or offer_expires_at is not null)
);
-- one open place per person and ticket type
create unique index event_waitlist_open_idx on public.event_waitlist (ticket_type_id, user_id) where status in ('waiting', 'offered');
create index event_waitlist_queue_idx on public.event_waitlist (ticket_type_id, position) where status = 'waiting';
create index event_waitlist_offers_idx on public.event_waitlist (offer_expires_at) where status = 'offered';
create index event_waitlist_event_idx on public.event_waitlist (event_id);
create index event_waitlist_user_idx on public.event_waitlist (user_id);
create index event_waitlist_order_idx on public.event_waitlist (order_id);

-- Row level security ----------------------------------------------------------------------------

alter table public.event_speakers enable row level security;
alter table public.event_sessions enable row level security;
alter table public.ticket_types enable row level security;
alter table public.ticket_type_codes enable row level security;
alter table public.ticket_quotas enable row level security;
alter table public.ticket_type_quotas enable row level security;
alter table public.event_questions enable row level security;
alter table public.event_orders enable row level security;
alter table public.event_tickets enable row level security;
alter table public.event_waitlist enable row level security;

-- What the public page shows (agenda, speakers, visible ticket types, questions) is public once the
-- event is published; the organisers edit it.
create policy event_speakers_select_public on public.event_speakers for select to anon
  using (exists (select 1 from public.events e where e.id = event_id and e.published));
create policy event_speakers_select on public.event_speakers for select to authenticated
  using (exists (select 1 from public.events e where e.id = event_id and e.published) or public.manages_event(event_id) or (select public.is_platform_admin()));
create policy event_speakers_write on public.event_speakers for all to authenticated
  using (public.manages_event(event_id)) with check (public.manages_event(event_id));

create policy event_sessions_select_public on public.event_sessions for select to anon
  using (exists (select 1 from public.events e where e.id = event_id and e.published));
create policy event_sessions_select on public.event_sessions for select to authenticated
  using (exists (select 1 from public.events e where e.id = event_id and e.published) or public.manages_event(event_id) or (select public.is_platform_admin()));
create policy event_sessions_write on public.event_sessions for all to authenticated
  using (public.manages_event(event_id)) with check (public.manages_event(event_id));

create policy event_questions_select_public on public.event_questions for select to anon
  using (exists (select 1 from public.events e where e.id = event_id and e.published));
create policy event_questions_select on public.event_questions for select to authenticated
  using (exists (select 1 from public.events e where e.id = event_id and e.published) or public.manages_event(event_id) or (select public.is_platform_admin()));
create policy event_questions_write on public.event_questions for all to authenticated
  using (public.manages_event(event_id)) with check (public.manages_event(event_id));

create policy ticket_types_select_public on public.ticket_types for select to anon
  using (not hidden and exists (select 1 from public.events e where e.id = event_id and e.published));
create policy ticket_types_select on public.ticket_types for select to authenticated
  using ((not hidden and exists (select 1 from public.events e where e.id = event_id and e.published))
         or public.manages_event(event_id) or (select public.is_platform_admin()));
create policy ticket_types_write on public.ticket_types for all to authenticated
  using (public.manages_event(event_id)) with check (public.manages_event(event_id));

create policy ticket_type_codes_all on public.ticket_type_codes for all to authenticated
  using (public.manages_event((select t.event_id from public.ticket_types t where t.id = ticket_type_id)))
  with check (public.manages_event((select t.event_id from public.ticket_types t where t.id = ticket_type_id)));
revoke all on public.ticket_type_codes from anon;

-- Quotas are the organisers' (the public reads what is left through ticket_availability()). Their
-- counter moves only through the functions below: nobody updates `taken` by hand.
create policy ticket_quotas_select on public.ticket_quotas for select to authenticated
  using (public.manages_event(event_id) or (select public.is_platform_admin()));
create policy ticket_quotas_insert on public.ticket_quotas for insert to authenticated with check (public.manages_event(event_id));
create policy ticket_quotas_update on public.ticket_quotas for update to authenticated
  using (public.manages_event(event_id)) with check (public.manages_event(event_id));
create policy ticket_quotas_delete on public.ticket_quotas for delete to authenticated using (public.manages_event(event_id) and taken = 0);
revoke all on public.ticket_quotas from anon;
revoke insert, update on public.ticket_quotas from authenticated;
grant insert (id, event_id, name, size), update (name, size) on public.ticket_quotas to authenticated;

create policy ticket_type_quotas_select on public.ticket_type_quotas for select to authenticated
  using (public.manages_event((select q.event_id from public.ticket_quotas q where q.id = quota_id)) or (select public.is_platform_admin()));
create policy ticket_type_quotas_write on public.ticket_type_quotas for all to authenticated
  using (public.manages_event((select q.event_id from public.ticket_quotas q where q.id = quota_id)))
  with check (
    public.manages_event((select q.event_id from public.ticket_quotas q where q.id = quota_id))
    and (select q.event_id from public.ticket_quotas q where q.id = quota_id) = (select t.event_id from public.ticket_types t where t.id = ticket_type_id)
  );
revoke all on public.ticket_type_quotas from anon;
revoke update on public.ticket_type_quotas from authenticated;

-- A ticket type's seats are counted in the quotas it had when they were taken, and given back to
-- the quotas it has when they are freed: so its quotas are fixed while it has seats out.
create function public.ticket_type_quotas_fixed() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  t uuid := coalesce(new.ticket_type_id, old.ticket_type_id);
begin
  if exists (select 1 from public.event_tickets k join public.event_orders o on o.id = k.order_id
              where k.ticket_type_id = t and o.status in ('held', 'confirmed'))
     or exists (select 1 from public.event_waitlist w where w.ticket_type_id = t and w.status = 'offered') then
    raise exception 'quota_in_use';
  end if;
  return coalesce(new, old);
end
$$;
revoke execute on function public.ticket_type_quotas_fixed() from public, anon, authenticated;
create trigger ticket_type_quotas_fixed before insert or delete on public.ticket_type_quotas
  for each row execute function public.ticket_type_quotas_fixed();

-- Orders, tickets and waitlist places: the buyer sees their own, the organisers their event's.
-- Nobody writes them directly; the functions below do, under the quotas' locks.
create policy event_orders_select on public.event_orders for select to authenticated
  using (buyer_id = (select auth.uid()) or public.manages_event(event_id) or (select public.is_platform_admin()));
create policy event_tickets_select on public.event_tickets for select to authenticated
  using (buyer_id = (select auth.uid()) or public.manages_event(event_id) or (select public.is_platform_admin()));
create policy event_waitlist_select on public.event_waitlist for select to authenticated
  using (user_id = (select auth.uid()) or public.manages_event(event_id) or (select public.is_platform_admin()));
revoke all on public.event_orders, public.event_tickets, public.event_waitlist from anon;
revoke insert, update, delete, truncate on public.event_orders, public.event_tickets, public.event_waitlist from authenticated;

-- Capacity --------------------------------------------------------------------------------------

/**
 * Seats left for a ticket type: the smallest room left in its quotas (a type without a quota has
 * none). Not locked: for display; the order functions decide under the quotas' locks.
 */
create function public.ticket_type_left(ticket_type uuid) returns int
language sql stable set search_path = ''
as $$
  select coalesce(min(q.size - q.taken), 0)::int
    from public.ticket_type_quotas tq join public.ticket_quotas q on q.id = tq.quota_id
   where tq.ticket_type_id = ticket_type
$$;
revoke execute on function public.ticket_type_left(uuid) from public, anon, authenticated;

/**
 * Lock the quotas of these ticket types, sorted by id so two orders never deadlock, then take or
 * give back seats: `counts` holds, for each type, how many (negative to give back). Taking raises
 * sold_out when a quota has not the room; the check on ticket_quotas stands behind it.
 */
create function public.move_seats(types uuid[], counts int[]) returns void
language plpgsql volatile set search_path = ''
as $$
declare
  q record;
begin
  for q in
    select tq.quota_id, sum(c.n)::int as n
      from unnest(types, counts) as c (type_id, n)
      join public.ticket_type_quotas tq on tq.ticket_type_id = c.type_id
     group by tq.quota_id order by tq.quota_id
  loop
    perform 1 from public.ticket_quotas where id = q.quota_id for update;
  end loop;
  for q in
    select tq.quota_id, sum(c.n)::int as n
      from unnest(types, counts) as c (type_id, n)
      join public.ticket_type_quotas tq on tq.ticket_type_id = c.type_id
     group by tq.quota_id
  loop
    update public.ticket_quotas set taken = taken + q.n
     where id = q.quota_id and (q.n <= 0 or taken + q.n <= size);
    if not found then
      raise exception 'sold_out';
    end if;
  end loop;
  if exists (select 1 from unnest(types) t (id) where not exists (select 1 from public.ticket_type_quotas tq where tq.ticket_type_id = t.id))
     and exists (select 1 from unnest(counts) c (n) where n > 0) then
    raise exception 'sold_out';
  end if;
end
$$;
revoke execute on function public.move_seats(uuid[], int[]) from public, anon, authenticated;

/**
 * Offer freed seats of a ticket type to the head of its waitlist, one person a seat, while sales
 * last: each offer takes its seat at once (so nobody else can), and is mailed by the module from
 * the rows it returns. Service only; called after seats are given back and by the sweep.
 */
create function public.promote_waitlist(ticket_type uuid, now_at timestamptz default now()) returns setof uuid
language plpgsql volatile set search_path = ''
as $$
declare
  head uuid;
  offer_h int;
begin
  select e.offer_hours into offer_h from public.ticket_types t join public.events e on e.id = t.event_id
   where t.id = ticket_type and t.sales_end > now_at;
  if offer_h is null then
    return;
  end if;
  while exists (select 1 from public.event_waitlist where ticket_type_id = ticket_type and status = 'waiting') loop
    -- the seat first: its quota locks put concurrent promotions of this type in line, so each
    -- reads the head only after the one before has offered it
    begin
      perform public.move_seats(array[ticket_type], array[1]);
      select id into head from public.event_waitlist
       where ticket_type_id = ticket_type and status = 'waiting' order by position limit 1 for update;
      if head is null then
        raise exception 'nobody_waiting';
      end if;
    exception when raise_exception then
      -- no seat, or nobody left: the block's seat is given back with it
      return;
    end;
    update public.event_waitlist set status = 'offered', offered_at = now_at, offer_expires_at = now_at + make_interval(hours => offer_h)
     where id = head;
    return next head;
    head := null;
  end loop;
end
$$;
revoke execute on function public.promote_waitlist(uuid, timestamptz) from public, anon, authenticated;

/** Give back an order's seats (service only; the caller has already moved the order out of held/confirmed). */
create function public.give_back_seats(ord uuid) returns void
language sql volatile set search_path = ''
as $$
  select public.move_seats(array_agg(ticket_type_id), array_agg(-n))
    from (select ticket_type_id, count(*)::int as n from public.event_tickets where order_id = ord group by ticket_type_id) x
$$;
revoke execute on function public.give_back_seats(uuid) from public, anon, authenticated;

-- Orders ----------------------------------------------------------------------------------------

/**
 * Register the caller for an event: `lines` is a JSON array of attendees, each
 * {"ticketType": uuid, "name": text, "email": text, "locale": "vi"|"en", "answers": {question: text}}.
 * Checks, in order: the event is published and not over; each type belongs to it, is on sale, and
 * if hidden was unlocked by `code`; each type's count is within its minimum and maximum. Then
 * locks the quotas (sorted) and takes the seats, or raises sold_out. A type with people on its
 * waitlist is sold out to newcomers, so a freed seat goes to the list; `offer` (the caller's open
 * waitlist offer) brings its own seat. Free orders are confirmed at once; paid ones are held for
 * 30 minutes. Refusals raised by name: not_found, not_on_sale, code_required, too_few, too_many,
 * sold_out, offer_invalid, bad_line.
 */
create function public.register_order(event uuid, lines jsonb, buyer_email text, buyer_locale text, code text default null, offer uuid default null)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  e public.events;
  w public.event_waitlist;
  l record;
  c record;
  total bigint := 0;
  ord uuid;
  types uuid[];
  counts int[];
begin
  if (select auth.uid()) is null then
    raise exception 'not_found';
  end if;
  select * into e from public.events where id = event and published and ends_at > now();
  if e.id is null then
    raise exception 'not_found';
  end if;
  if jsonb_typeof(lines) <> 'array' or jsonb_array_length(lines) = 0 or jsonb_array_length(lines) > 50 then
    raise exception 'bad_line';
  end if;
  if exists (select 1 from jsonb_array_elements(lines) x
              where jsonb_typeof(x -> 'ticketType') <> 'string' or (x ->> 'ticketType') !~ '^[0-9a-f-]{36}$'
                 or coalesce(x ->> 'locale', 'vi') not in ('vi', 'en') or jsonb_typeof(coalesce(x -> 'answers', '{}')) <> 'object') then
    raise exception 'bad_line';
  end if;

  for c in
    select t.*, x.n, exists (select 1 from public.ticket_type_codes k where k.ticket_type_id = t.id and k.code = register_order.code) as unlocked
      from (select (y ->> 'ticketType')::uuid as type_id, count(*)::int as n from jsonb_array_elements(lines) y group by 1) x
      left join public.ticket_types t on t.id = x.type_id and t.event_id = e.id
  loop
    if c.id is null then
      raise exception 'not_found';
    end if;
    if c.hidden and not c.unlocked and offer is null then
      raise exception 'code_required';
    end if;
    if offer is null and not (now() >= c.sales_start and now() < c.sales_end) then
      raise exception 'not_on_sale';
    end if;
    if c.n < c.min_per_order then
      raise exception 'too_few';
    end if;
    if c.n > c.max_per_order then
      raise exception 'too_many';
    end if;
    total := total + c.price_vnd * c.n;
    types := types || c.id;
    counts := counts || c.n;
  end loop;

  if offer is not null then
    -- the offer's seat is already taken for the caller: one attendee of its type, before it lapses
    select * into w from public.event_waitlist
     where id = offer and user_id = (select auth.uid()) and status = 'offered' and offer_expires_at > now() for update;
    if w.id is null or cardinality(types) <> 1 or types[1] <> w.ticket_type_id or counts[1] <> 1 then
      raise exception 'offer_invalid';
    end if;
  else
    perform public.move_seats(types, counts);
    -- after the lock: people already waiting for a type go first
    if exists (select 1 from public.event_waitlist x where x.ticket_type_id = any (types) and x.status in ('waiting', 'offered')) then
      raise exception 'sold_out';
    end if;
  end if;

  insert into public.event_orders (event_id, buyer_id, email, locale, status, total_vnd, hold_until, confirmed_at)
  values (e.id, (select auth.uid()), buyer_email, buyer_locale, case when total = 0 then 'confirmed' else 'held' end, total,
          case when total = 0 then null else now() + interval '30 minutes' end, case when total = 0 then now() end)
  returning id into ord;
  for l in select x from jsonb_array_elements(lines) x loop
    insert into public.event_tickets (order_id, event_id, ticket_type_id, buyer_id, attendee_name, attendee_email, locale, answers, price_vnd)
    select ord, e.id, t.id, (select auth.uid()), l.x ->> 'name', l.x ->> 'email', coalesce(l.x ->> 'locale', buyer_locale),
           coalesce(l.x -> 'answers', '{}'), t.price_vnd
      from public.ticket_types t where t.id = (l.x ->> 'ticketType')::uuid;
  end loop;
  if offer is not null then
    update public.event_waitlist set status = 'accepted', order_id = ord where id = offer;
  end if;
  return ord;
end
$$;
revoke execute on function public.register_order(uuid, jsonb, text, text, text, uuid) from public, anon;
grant execute on function public.register_order(uuid, jsonb, text, text, text, uuid) to authenticated, service_role;

/**
 * A held order is paid: confirm it. Service only (the payment webhook, staff marking a transfer
 * paid through the service path). An order whose hold already lapsed takes its seats again if
 * they are there; if not, it stays expired and is flagged for refund, never oversold. Answers the
 * order's status afterwards ('confirmed', or 'expired' with needs_refund set).
 */
create function public.confirm_order(ord uuid) returns text
language plpgsql volatile set search_path = ''
as $$
declare
  o public.event_orders;
begin
  select * into o from public.event_orders where id = ord for update;
  if o.id is null then
    raise exception 'not_found';
  end if;
  if o.status = 'confirmed' then
    return 'confirmed';
  end if;
  if o.status in ('expired', 'cancelled') then
    begin
      perform public.move_seats(array_agg(ticket_type_id), array_agg(n))
        from (select ticket_type_id, count(*)::int as n from public.event_tickets where order_id = ord group by ticket_type_id) x;
    exception when raise_exception then
      update public.event_orders set needs_refund = true where id = ord;
      return o.status;
    end;
  end if;
  update public.event_orders set status = 'confirmed', confirmed_at = now(), hold_until = null where id = ord;
  return 'confirmed';
end
$$;
revoke execute on function public.confirm_order(uuid) from public, anon, authenticated;

/**
 * Take an order out of held or confirmed (to 'expired' or 'cancelled'), give its seats back and
 * offer them down the waitlists. Answers the waitlist places offered, for the module to mail; none
 * when the order had no seats any more (so a second call changes nothing).
 */
create function public.end_order(ord uuid, outcome text) returns setof uuid
language plpgsql volatile set search_path = ''
as $$
declare
  t uuid;
begin
  update public.event_orders set status = outcome, hold_until = null,
         cancelled_at = case when outcome = 'cancelled' then now() end
   where id = ord and status in ('held', 'confirmed');
  if not found then
    return;
  end if;
  perform public.give_back_seats(ord);
  for t in select distinct ticket_type_id from public.event_tickets where order_id = ord order by 1 loop
    return query select public.promote_waitlist(t);
  end loop;
end
$$;
revoke execute on function public.end_order(uuid, text) from public, anon, authenticated;

/**
 * The buyer cancels their order under the event's policy (until cancel_hours before the start), or
 * the organisers cancel any. Refusals: not_found, cancel_closed. Answers the waitlist places offered.
 */
create function public.cancel_order(ord uuid) returns setof uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  o public.event_orders;
  e public.events;
begin
  select * into o from public.event_orders where id = ord;
  if o.id is null or not (o.buyer_id = (select auth.uid()) or public.manages_event(o.event_id)) then
    raise exception 'not_found';
  end if;
  select * into e from public.events where id = o.event_id;
  if not public.manages_event(o.event_id) and (e.cancel_hours is null or now() > e.starts_at - make_interval(hours => e.cancel_hours)) then
    raise exception 'cancel_closed';
  end if;
  return query select public.end_order(ord, 'cancelled');
end
$$;
revoke execute on function public.cancel_order(uuid) from public, anon;
grant execute on function public.cancel_order(uuid) to authenticated, service_role;

/**
 * The buyer gives a ticket of a confirmed order to someone else before the event starts: the same
 * seat under a new name, so no capacity moves. Refusals: not_found, transfer_closed.
 */
create function public.transfer_ticket(ticket uuid, new_name text, new_email text, new_locale text) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t public.event_tickets;
begin
  select k.* into t from public.event_tickets k join public.event_orders o on o.id = k.order_id
   where k.id = ticket and o.buyer_id = (select auth.uid()) and o.status = 'confirmed' for update of k;
  if t.id is null then
    raise exception 'not_found';
  end if;
  if t.checked_in_at is not null or exists (select 1 from public.events e where e.id = t.event_id and e.starts_at <= now()) then
    raise exception 'transfer_closed';
  end if;
  update public.event_tickets set attendee_name = new_name, attendee_email = new_email, locale = new_locale, answers = '{}' where id = ticket;
end
$$;
revoke execute on function public.transfer_ticket(uuid, text, text, text) from public, anon;
grant execute on function public.transfer_ticket(uuid, text, text, text) to authenticated, service_role;

-- Waitlist --------------------------------------------------------------------------------------

/**
 * The caller joins the waitlist of a ticket type of a published event whose sales have not ended.
 * If a seat is free and nobody waits, the caller is offered it at once (the module mails the offer).
 * Refusals: not_found, not_on_sale, already_waiting (the open-place index). Answers the place's id.
 */
create function public.join_waitlist(ticket_type uuid, person_name text, person_email text, person_locale text) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t public.ticket_types;
  place uuid;
begin
  select k.* into t from public.ticket_types k join public.events e on e.id = k.event_id
   where k.id = ticket_type and e.published and not k.hidden and (select auth.uid()) is not null;
  if t.id is null then
    raise exception 'not_found';
  end if;
  if now() >= t.sales_end then
    raise exception 'not_on_sale';
  end if;
  insert into public.event_waitlist (event_id, ticket_type_id, user_id, name, email, locale)
  values (t.event_id, t.id, (select auth.uid()), person_name, person_email, person_locale)
  returning id into place;
  perform public.promote_waitlist(t.id);
  return place;
end
$$;
revoke execute on function public.join_waitlist(uuid, text, text, text) from public, anon;
grant execute on function public.join_waitlist(uuid, text, text, text) to authenticated, service_role;

/** The caller leaves the list; an offer they held goes to the next person. Answers the places offered. */
create function public.leave_waitlist(place uuid) returns setof uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  w public.event_waitlist;
begin
  select * into w from public.event_waitlist where id = place and user_id = (select auth.uid()) and status in ('waiting', 'offered') for update;
  if w.id is null then
    raise exception 'not_found';
  end if;
  update public.event_waitlist set status = 'left' where id = place;
  if w.status = 'offered' then
    perform public.move_seats(array[w.ticket_type_id], array[-1]);
    return query select public.promote_waitlist(w.ticket_type_id);
  end if;
end
$$;
revoke execute on function public.leave_waitlist(uuid) from public, anon;
grant execute on function public.leave_waitlist(uuid) to authenticated, service_role;

/**
 * What a visitor may know of a published event's tickets: each visible type's seats left (capped,
 * so the page never counts a big quota out loud) and whether people are waiting. The organisers
 * also see their hidden types.
 */
create function public.ticket_availability(event uuid)
returns table (ticket_type_id uuid, seats_left int, waiting boolean)
language sql stable security definer set search_path = ''
as $$
  select t.id, least(public.ticket_type_left(t.id), 1000),
         exists (select 1 from public.event_waitlist w where w.ticket_type_id = t.id and w.status in ('waiting', 'offered'))
    from public.ticket_types t join public.events e on e.id = t.event_id
   where t.event_id = event and ((e.published and not t.hidden) or public.manages_event(e.id))
$$;
revoke execute on function public.ticket_availability(uuid) from public;
grant execute on function public.ticket_availability(uuid) to anon, authenticated, service_role;

/** The hidden ticket types of a published event that `code` unlocks, for whoever brings it. */
create function public.unlocked_ticket_types(event uuid, code text)
returns table (id uuid, name_vi text, name_en text, description_vi text, description_en text, price_vnd bigint,
               sales_start timestamptz, sales_end timestamptz, min_per_order int, max_per_order int, seats_left int)
language sql stable security definer set search_path = ''
as $$
  select t.id, t.name_vi, t.name_en, t.description_vi, t.description_en, t.price_vnd, t.sales_start, t.sales_end,
         t.min_per_order, t.max_per_order, least(public.ticket_type_left(t.id), 1000)
    from public.ticket_types t
    join public.events e on e.id = t.event_id
    join public.ticket_type_codes k on k.ticket_type_id = t.id
   where t.event_id = event and e.published and t.hidden and k.code = unlocked_ticket_types.code
   order by t.position, t.created_at
$$;
revoke execute on function public.unlocked_ticket_types(uuid, text) from public;
grant execute on function public.unlocked_ticket_types(uuid, text) to anon, authenticated, service_role;

/**
 * The sweep (service only, every minute): held orders past their hold expire, waitlist offers past
 * their deadline lapse, both giving their seats back down the lists; places still waiting when
 * sales ended are closed. `now_at` is the job's clock. Answers the places offered now.
 */
create function public.sweep_event_holds(now_at timestamptz) returns setof uuid
language plpgsql volatile set search_path = ''
as $$
declare
  r record;
begin
  for r in select id from public.event_orders where status = 'held' and hold_until <= now_at order by hold_until for update skip locked loop
    update public.event_orders set status = 'expired', hold_until = null where id = r.id;
    perform public.give_back_seats(r.id);
  end loop;
  for r in select id, ticket_type_id from public.event_waitlist where status = 'offered' and offer_expires_at <= now_at for update skip locked loop
    update public.event_waitlist set status = 'lapsed' where id = r.id;
    perform public.move_seats(array[r.ticket_type_id], array[-1]);
  end loop;
  update public.event_waitlist w set status = 'closed'
    from public.ticket_types t where t.id = w.ticket_type_id and w.status = 'waiting' and t.sales_end <= now_at;
  for r in select distinct ticket_type_id from public.event_waitlist where status = 'waiting' order by 1 loop
    return query select public.promote_waitlist(r.ticket_type_id, now_at);
  end loop;
end
$$;
revoke execute on function public.sweep_event_holds(timestamptz) from public, anon, authenticated;
