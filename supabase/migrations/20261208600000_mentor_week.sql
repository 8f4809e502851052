-- The week of slots' data in one call (decision 008, sixth pass, mentoring). The page read the
-- mentor's profile, name, weekly hours, date overrides and busy ranges in five statements, each
-- behind sees_mentor(): the weekly hours' and overrides' select policies call it once per row, the
-- profile's once, mentor_names, mentor_busy and mentor_office_busy once each (8 calls a page).
-- This function checks it once and reads the same rows: nothing at all for a caller who may not
-- see the mentor (as each of those reads answered no rows), the same bounds otherwise.

/**
 * A mentor's booking rules, name, weekly hours, overrides on [from_date, until_date] and the ranges
 * that block their time in [from_at, until_at) (sessions not cancelled, with their buffers, as
 * mentor_busy(); open office hours, as mentor_office_busy()), for whoever sees the mentor: no row
 * otherwise, or when the mentor has no profile. Instants as epoch milliseconds.
 */
create function public.mentor_week(mentor uuid, from_at timestamptz, until_at timestamptz, from_date date, until_date date)
returns table (
  name text, time_zone text, slot_minutes int, step_minutes int, buffer_before_minutes int, buffer_after_minutes int,
  min_notice_minutes int, horizon_days int, weekly_cap int, location text, weekly json, overrides json, busy json
)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not public.sees_mentor(mentor) then
    return;
  end if;
  return query
  select coalesce((select p.display_name from public.profiles p where p.id = mp.user_id), ''),
         mp.time_zone, mp.slot_minutes, mp.step_minutes, mp.buffer_before_minutes, mp.buffer_after_minutes,
         mp.min_notice_minutes, mp.horizon_days, mp.weekly_cap, mp.meeting_default,
         coalesce((select json_agg(json_build_object('weekday', w.weekday, 'starts', w.starts::text, 'ends', w.ends::text))
                     from public.mentor_weekly_hours w where w.mentor_id = mentor), '[]'),
         coalesce((select json_agg(json_build_object('date', o.on_date::text, 'starts', o.starts::text, 'ends', o.ends::text))
                     from public.mentor_date_overrides o where o.mentor_id = mentor and o.on_date between from_date and until_date), '[]'),
         coalesce((select json_agg(b) from (
                     select floor(extract(epoch from s.starts_at) * 1000) as s, floor(extract(epoch from s.blocked_from) * 1000) as f,
                            floor(extract(epoch from s.blocked_until) * 1000) as u, false as o
                       from public.mentoring_sessions s
                      where s.mentor_id = mentor and s.status <> 'cancelled'
                        and tstzrange(s.blocked_from, s.blocked_until, '[)') && tstzrange(from_at, until_at, '[)')
                     union all
                     select floor(extract(epoch from h.starts_at) * 1000), floor(extract(epoch from h.starts_at) * 1000),
                            floor(extract(epoch from h.ends_at) * 1000), true
                       from public.mentor_office_hours h
                      where h.mentor_id = mentor and h.status = 'open'
                        and tstzrange(h.starts_at, h.ends_at, '[)') && tstzrange(from_at, until_at, '[)')) b), '[]')
    from public.mentor_profiles mp
   where mp.user_id = mentor;
end
$$;

revoke execute on function public.mentor_week(uuid, timestamptz, timestamptz, date, date) from public, anon;
grant execute on function public.mentor_week(uuid, timestamptz, timestamptz, date, date) to authenticated, service_role;
