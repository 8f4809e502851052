-- The two posts that queue on one row lock (decision 008, eighth pass, posts): an order takes its
-- ticket type's quota lock in register_order(), a booking its mentor's profile lock in
-- book_session(), and each holds it until COMMIT. Every round trip between the locking call and
-- COMMIT is time the next post waits. These return, in the locking statement itself, what the
-- module read afterwards as the service for the mails (the order's code and status and its tickets;
-- the session with its two sides), so the post goes lock → render → queue → COMMIT.
-- Same checks, same locks, same rows: each calls the function it wraps, which checks its caller,
-- and then reads only the order or session that call just wrote for the caller.

/**
 * register_order(), then the order's code and status and, for an order confirmed at once, the
 * rows its ticket mails are written from (as mailTickets reads them; the buyer typed every
 * attendee's name and address). Refusals as register_order() raises them.
 */
create function public.register_order_mailed(event uuid, lines jsonb, buyer_email text, buyer_locale text, code text default null, offer uuid default null)
returns table (order_id uuid, order_code text, order_status text, tickets json)
language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  ord uuid;
begin
  if (select auth.uid()) is null then
    raise exception 'not_found';
  end if;
  ord := public.register_order(event, lines, buyer_email, buyer_locale, register_order_mailed.code, offer);
  return query
    select o.id, o.code, o.status,
           case when o.status = 'confirmed' then
             coalesce((select json_agg(json_build_object(
                        'id', k.id, 'ticket_no', k.ticket_no::text, 'token_version', k.token_version, 'attendee_name', k.attendee_name,
                        'attendee_email', k.attendee_email, 'locale', k.locale, 'code', o.code, 'type_vi', tt.name_vi, 'type_en', tt.name_en,
                        'event_id', e.id, 'slug', e.slug, 'title_vi', e.title_vi, 'title_en', e.title_en,
                        'summary_vi', e.summary_vi, 'summary_en', e.summary_en,
                        'venue_vi', coalesce(nullif(e.venue, ''), s.name_vi, ''), 'venue_en', coalesce(nullif(e.venue, ''), s.name_en, ''),
                        'time_zone', e.time_zone, 'starts_at', e.starts_at, 'ends_at', e.ends_at) order by k.created_at, k.id)
                         from public.event_tickets k
                         join public.ticket_types tt on tt.id = k.ticket_type_id
                         join public.events e on e.id = k.event_id
                         left join public.spaces s on s.id = e.space_id
                        where k.order_id = o.id), '[]')
           end
      from public.event_orders o
     where o.id = ord and o.buyer_id = (select auth.uid());
end
$$;
revoke execute on function public.register_order_mailed(uuid, jsonb, text, text, text, uuid) from public, anon;
grant execute on function public.register_order_mailed(uuid, jsonb, text, text, text, uuid) to authenticated, service_role;

/**
 * book_session(), then the session as its mails are written from (mentoring's booking/mail.server.ts
 * read it as the service): the program, the startup, and its two sides — the mentor and every
 * founder, the caller among them, each of whom the mails' invitation names with their address.
 * Refusals as book_session() raises them.
 */
create function public.book_session_mailed(program uuid, startup uuid, mentor uuid, starts timestamptz)
returns table (id uuid, starts_at timestamptz, ends_at timestamptz, location text, sequence int, status text, startup_name text,
               program_name_vi text, program_name_en text, mentor_person json, founders json)
language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  booked uuid;
begin
  if (select auth.uid()) is null then
    raise exception 'not_found';
  end if;
  booked := public.book_session(program, startup, mentor, starts);
  return query
    select s.id, s.starts_at, s.ends_at, s.location, s.sequence, s.status, st.name, pr.name_vi, pr.name_en,
           (select json_build_object('id', u.id, 'email', u.email, 'name', coalesce(p.display_name, u.email),
                                     'locale', coalesce(p.locale, 'vi'), 'time_zone', coalesce(p.time_zone, 'Asia/Ho_Chi_Minh'))
              from auth.users u left join public.profiles p on p.id = u.id where u.id = s.mentor_id),
           coalesce((select json_agg(json_build_object('id', u.id, 'email', u.email, 'name', coalesce(p.display_name, u.email),
                                                       'locale', coalesce(p.locale, 'vi'), 'time_zone', coalesce(p.time_zone, 'Asia/Ho_Chi_Minh'))
                                     order by u.email)
                       from public.startup_members sm join auth.users u on u.id = sm.user_id left join public.profiles p on p.id = u.id
                      where sm.startup_id = s.startup_id), '[]')
      from public.mentoring_sessions s
      join public.startups st on st.id = s.startup_id
      join public.programs pr on pr.id = s.program_id
     where s.id = booked and s.booked_by = (select auth.uid());
end
$$;
revoke execute on function public.book_session_mailed(uuid, uuid, uuid, timestamptz) from public, anon;
grant execute on function public.book_session_mailed(uuid, uuid, uuid, timestamptz) to authenticated, service_role;
