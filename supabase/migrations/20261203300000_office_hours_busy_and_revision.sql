-- Office hours, second step (decisions/008-office-hours-slots-and-mails.md).
--
-- 1. The founder's 1:1 slot list hides the mentor's open office hours: mentor_office_busy() gives
--    their ranges to whoever may see the mentor (as mentor_busy() does for sessions), naming
--    nobody, so a founder outside the mentor's programmes still gets a correct week.
-- 2. Calendar invitations about a seat carry a SEQUENCE that only grows: `revision` counts every
--    change to the office hours row (a seat taken or given back, a cancellation), stamped by a
--    trigger so the functions that change the row need not know about it.
alter table public.mentor_office_hours add column revision integer not null default 0;
-- rows opened before this carried SEQUENCE from the clock (seconds since 2026): start them above it
update public.mentor_office_hours set revision = extract(epoch from now() - timestamptz '2026-01-01 00:00:00+00')::integer;

create function public.mentor_office_hours_revise() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.revision := old.revision + 1;
  return new;
end
$$;
create trigger mentor_office_hours_revise before update on public.mentor_office_hours
  for each row execute function public.mentor_office_hours_revise();
revoke execute on function public.mentor_office_hours_revise() from public, anon, authenticated;

/** The mentor's open office hours overlapping [from_at, until_at), for whoever may see the mentor. */
create function public.mentor_office_busy(mentor uuid, from_at timestamptz, until_at timestamptz)
returns table (starts_at timestamptz, ends_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select o.starts_at, o.ends_at
    from public.mentor_office_hours o
   where public.sees_mentor(mentor) and o.mentor_id = mentor and o.status = 'open'
     and tstzrange(o.starts_at, o.ends_at, '[)') && tstzrange(from_at, until_at, '[)')
   order by o.starts_at
$$;
revoke execute on function public.mentor_office_busy(uuid, timestamptz, timestamptz) from public, anon;
grant execute on function public.mentor_office_busy(uuid, timestamptz, timestamptz) to authenticated, service_role;
