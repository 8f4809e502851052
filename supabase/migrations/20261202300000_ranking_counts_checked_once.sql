-- The ranking page's per-row review counts (normalised, pending, recused, abstained), checked once.
-- Read as the caller, each of a page's 50 rows ran the policies of review_assignments
-- (manages_application() twice per assignment) and application_scores (manages_call() per row):
-- more than half of the ranking statement's time (npm run bench, decision record
-- app/modules/applications/decisions/ranking-speed.md). As ranked_applications() does, this reads
-- as the owner after one check that the caller manages the call, and only the call's applications.

create function public.ranking_review_counts(call uuid, apps uuid[])
returns table (application_id uuid, normalised int, pending int, recused int, abstained int)
language sql stable security definer set search_path = ''
as $$
  select a.id, coalesce(s.normalised, 0), coalesce(w.pending, 0), coalesce(w.recused, 0), coalesce(w.abstained, 0)
    from public.applications a
    left join public.application_scores s on s.application_id = a.id and s.round = 'review'
    left join lateral (
      select count(*) filter (where x.status = 'assigned')::int as pending,
             count(*) filter (where x.status = 'recused')::int as recused,
             count(*) filter (where x.status = 'abstained')::int as abstained
        from public.review_assignments x where x.application_id = a.id and x.round = 'review'
    ) w on true
   where a.id = any (apps) and a.call_id = call
     and (select coalesce(auth.role(), 'service_role') = 'service_role' or public.manages_call(call))
$$;

revoke execute on function public.ranking_review_counts(uuid, uuid[]) from public, anon;
grant execute on function public.ranking_review_counts(uuid, uuid[]) to authenticated, service_role;
