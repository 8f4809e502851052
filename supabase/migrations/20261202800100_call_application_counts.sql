-- A call's application counts for its managers, checked once. Counting applications under RLS ran
-- the applications policy on every row: on a 5,000-application call the settings, form and rubric
-- pages (which show the counts and lock the form once anything is submitted) and the programme
-- overviews spent most of a second in policy checks (found while measuring the ranking,
-- app/modules/applications/decisions/ranking-speed.md).

/** Drafts and submitted applications of the call; no row unless the caller manages it. */
create function public.call_application_counts(call uuid) returns table (drafts int, submitted int)
language sql stable security definer set search_path = ''
as $$
  select (count(*) filter (where a.status = 'draft'))::int, (count(*) filter (where a.status = 'submitted'))::int
    from public.applications a
   where a.call_id = call
  having public.manages_call(call)
$$;
revoke execute on function public.call_application_counts(uuid) from public, anon;
grant execute on function public.call_application_counts(uuid) to authenticated, service_role;
