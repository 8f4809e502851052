-- A call's status, in one place: the call layout's heading, the settings page and the programmes
-- overview all showed it, each with its own copy of this CASE. A pure function of the call's
-- columns and the clock (the clock a parameter, so its edges can be tested): security invoker,
-- nothing to check, nothing read.
--   draft      not published
--   scheduled  published, before opens_at
--   open       from opens_at (included) to closes_at (excluded)
--   closed     from closes_at on
create function public.call_status(published boolean, opens_at timestamptz, closes_at timestamptz, at_time timestamptz default now())
returns text
language sql stable security invoker set search_path = ''
as $$
  select case when not published then 'draft'
              when at_time < opens_at then 'scheduled'
              when at_time < closes_at then 'open'
              else 'closed' end
$$;

revoke execute on function public.call_status(boolean, timestamptz, timestamptz, timestamptz) from public, anon;
grant execute on function public.call_status(boolean, timestamptz, timestamptz, timestamptz) to authenticated, service_role;
