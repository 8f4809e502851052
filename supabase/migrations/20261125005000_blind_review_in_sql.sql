-- Blind review held by the database, not only by the pages.
--
-- Until now an assigned reviewer could read their applications' rows, and with them `startup_id`
-- and `created_by`; `startups` is a public directory, so one query named the applicant whatever
-- the call hid. Likewise `application_files.uploaded_by` named the founder who uploaded the deck,
-- and the public `cohort_members.application_id` tied an accepted application to its startup.
--
-- Now reviewers read applications only through `assigned_applications()`, whose columns
-- say nothing of who applied; the identity they may know still comes from `application_identity()`.
-- Column privileges keep the two other links from every signed-in user and visitor (the app never
-- reads them as the user).
--
-- And a reviewer keeps the form and the rubric of the call they review after it is unpublished
-- (the policies covered only published calls and the call's managers).

drop policy applications_select on public.applications;
create policy applications_select on public.applications for select to authenticated
  using (public.is_startup_member(startup_id) or public.manages_call(call_id));

/**
 * The caller's assigned, non-recused applications, without anything naming the applicant.
 * A security-definer function rather than a view: views here are security_invoker, and this one
 * must read past the RLS of `applications`. It starts from the caller's assignments (their index),
 * so it costs what the caller's own list costs.
 */
create function public.assigned_applications()
returns table (id uuid, call_id uuid, track_id uuid, code text, status public.app_status, stage public.app_stage, submitted_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select a.id, a.call_id, a.track_id, a.code, a.status, a.stage, a.submitted_at
    from public.applications a
   where a.id in (select r.application_id from public.review_assignments r
                   where r.reviewer_id = (select auth.uid()) and r.status <> 'recused')
$$;
revoke execute on function public.assigned_applications() from public, anon;
grant execute on function public.assigned_applications() to authenticated, service_role;

revoke select on public.application_files from authenticated;
grant select (id, application_id, question_id, storage_path, original_name, size_bytes, content_type, created_at)
  on public.application_files to authenticated;

revoke select on public.cohort_members from anon, authenticated;
grant select (program_id, startup_id, joined_at) on public.cohort_members to anon, authenticated;

/** True when the caller reviews (assigned, not recused) any application of the call. */
create function public.reviews_call(call uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.review_assignments r join public.applications a on a.id = r.application_id
     where a.call_id = call and r.reviewer_id = (select auth.uid()) and r.status <> 'recused'
  )
$$;
revoke execute on function public.reviews_call(uuid) from public, anon;
grant execute on function public.reviews_call(uuid) to authenticated, service_role;

drop policy calls_select on public.calls;
create policy calls_select on public.calls for select to authenticated
  using (published or public.manages_call(id) or public.reviews_call(id));
drop policy call_tracks_select on public.call_tracks;
create policy call_tracks_select on public.call_tracks for select to authenticated
  using (public.call_is_public(call_id) or public.manages_call(call_id) or public.reviews_call(call_id));
drop policy call_questions_select on public.call_questions;
create policy call_questions_select on public.call_questions for select to authenticated
  using (public.call_is_public(call_id) or public.manages_call(call_id) or public.reviews_call(call_id));
drop policy rubric_criteria_select on public.rubric_criteria;
create policy rubric_criteria_select on public.rubric_criteria for select to authenticated
  using (public.call_is_public(call_id) or public.manages_call(call_id) or public.reviews_call(call_id));
