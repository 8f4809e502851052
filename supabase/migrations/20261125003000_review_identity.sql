-- Review side of applications: what a reviewer may know about an application beyond what RLS
-- lets them read row by row.
--
-- Why a new migration: a reviewer reads the application (RLS), but the startup's identity lives
-- in public.startups and its founders in startup_members/profiles, which the reviewer must see
-- only when the call is not blind on 'organisation' (resp. 'founders'). That rule needs the call's
-- blind_fields and the caller's assignment together, hence a small security-definer function.
-- Likewise a recused reviewer can no longer read the application row, yet their own list of
-- assignments should still say which application (its code) and which call they stepped back from.

/**
 * The startup behind an application, as far as the caller may know it: everything for a manager
 * of the call; for an assigned, non-recused reviewer the startup's name, sector, stage and website
 * only when the call is not blind on 'organisation', and the founders' names only when it is not
 * blind on 'founders'. No row for anybody else. Hidden fields come back null.
 */
create function public.application_identity(app uuid)
returns table (name text, sector text, stage text, website text, founders text[])
language sql stable security definer set search_path = ''
as $$
  with who as (
    select a.id, a.startup_id, c.blind_fields,
           public.manages_call(a.call_id) as manager,
           exists (select 1 from public.review_assignments r
                    where r.application_id = a.id and r.reviewer_id = (select auth.uid()) and r.status <> 'recused') as reviewer
      from public.applications a join public.calls c on c.id = a.call_id
     where a.id = app
  ), shown as (
    select w.*,
           w.manager or not ('organisation' = any (w.blind_fields)) as show_org,
           w.manager or not ('founders' = any (w.blind_fields)) as show_founders
      from who w where w.manager or w.reviewer
  )
  select case when v.show_org then s.name end,
         case when v.show_org then s.sector end,
         case when v.show_org then s.stage end,
         case when v.show_org then s.website end,
         case when v.show_founders then
           coalesce((select array_agg(p.display_name order by m.created_at, p.display_name)
                       from public.startup_members m join public.profiles p on p.id = m.user_id
                      where m.startup_id = s.id and m.role = 'founder'), '{}')
         end
    from shown v join public.startups s on s.id = v.startup_id
$$;

/**
 * The caller's own review assignments with the application's code and call, including those they
 * recused themselves from (whose application RLS no longer shows them). Nothing else is revealed.
 */
create function public.my_review_assignment_refs()
returns table (application_id uuid, round public.app_stage, code text, call_id uuid)
language sql stable security definer set search_path = ''
as $$
  select r.application_id, r.round, a.code, a.call_id
    from public.review_assignments r join public.applications a on a.id = r.application_id
   where r.reviewer_id = (select auth.uid())
$$;

revoke execute on function public.application_identity(uuid), public.my_review_assignment_refs() from public, anon;
grant execute on function public.application_identity(uuid), public.my_review_assignment_refs() to authenticated, service_role;
