-- call_ranking() read every score through RLS, whose policy called manages_application() once
-- per score row: 60,000 calls for 5,000 applications, seconds per page. It now checks once that
-- the caller manages the call (security definer), and returns nothing to anyone else. The service
-- path (no claims, or the service role) may read every call.

/**
 * One row per submitted application of a call: weighted total on a 0–100 scale (each criterion's
 * level over its maximum, weighted), and the mean of per-reviewer z-scores, which removes each
 * reviewer's leniency or severity. A reviewer who gave everyone the same total contributes z = 0.
 * One statement whatever the number of applications.
 */
create or replace function public.call_ranking(call uuid, in_round public.app_stage default 'review')
returns table (application_id uuid, reviews int, raw_score numeric, z_score numeric, rank int, percentile numeric)
language sql stable security definer set search_path = ''
as $$
  with review_totals as (
    select s.application_id, s.reviewer_id,
           sum(c.weight * s.level::numeric / c.max_level) * 100 / sum(c.weight) as total
      from public.review_scores s
      join public.review_assignments r using (application_id, reviewer_id, round)
      join public.rubric_criteria c on c.id = s.criterion_id
      join public.applications a on a.id = s.application_id
     where a.call_id = call and s.round = in_round and r.status = 'submitted' and (select coalesce(auth.role(), 'service_role') = 'service_role' or public.manages_call(call))
     group by s.application_id, s.reviewer_id
  ), normalised as (
    select application_id, total,
           case when stddev_pop(total) over w > 0
                then (total - avg(total) over w) / stddev_pop(total) over w
                else 0 end as z
      from review_totals
    window w as (partition by reviewer_id)
  ), per_app as (
    select a.id as application_id, count(n.total)::int as reviews, avg(n.total) as raw_score, avg(n.z) as z_score
      from public.applications a
      left join normalised n on n.application_id = a.id
     where a.call_id = call and a.status = 'submitted' and (select coalesce(auth.role(), 'service_role') = 'service_role' or public.manages_call(call))
     group by a.id
  )
  select application_id, reviews, round(raw_score, 2), round(z_score, 3),
         (rank() over (order by z_score desc nulls last, raw_score desc nulls last))::int,
         round((100 * percent_rank() over (order by z_score nulls first, raw_score nulls first))::numeric, 1)
    from per_app
$$;

revoke execute on function public.call_ranking(uuid, public.app_stage) from public, anon;
grant execute on function public.call_ranking(uuid, public.app_stage) to authenticated, service_role;
