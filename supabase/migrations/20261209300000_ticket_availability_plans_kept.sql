-- The event page's seats left: ticket_availability() was a `language sql` security definer
-- function, which PostgreSQL cannot inline and so planned anew in every statement that called it,
-- with ticket_type_left() planned again for each ticket type (pg_stat_statements: about 0.6–0.8 ms
-- of planning per event page; decision 008, seventh pass, member). In PL/pgSQL its statement's
-- plan is kept per connection. Same signature, rights and rows; ticket_type_left()'s body is
-- written in as a scalar subquery (the same quotas read the same way), the function itself stays
-- for the registration's own use.
create or replace function public.ticket_availability(event uuid)
returns table (ticket_type_id uuid, seats_left int, waiting boolean)
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select t.id,
         least((select coalesce(min(q.size - q.taken), 0)::int
                  from public.ticket_type_quotas tq join public.ticket_quotas q on q.id = tq.quota_id
                 where tq.ticket_type_id = t.id), 1000),
         exists (select 1 from public.event_waitlist w where w.ticket_type_id = t.id and w.status in ('waiting', 'offered'))
    from public.ticket_types t join public.events e on e.id = t.event_id
   where t.event_id = event and ((e.published and not t.hidden) or public.manages_event(e.id));
end
$$;
