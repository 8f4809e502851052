-- A reviewer of a blind call cannot read the founder's file names in SQL.
--
-- The pages already showed such a reviewer the deck under the application's code (01bbc00), but
-- `application_files.original_name` stayed readable to them through RLS, and a file name such as
-- "Ngo-Gia-Huy-HydroSense.pdf" names the applicant. Column privileges cannot depend on the row,
-- so: reviewers read `application_files` rows directly only when the call hides nothing; every
-- reviewer reads their files through reviewer_files(), which gives the code-based name under
-- blind review. Founders and managers read the table as before.

/** True when the caller reviews the application (assigned, not recused) and its call hides nothing. */
create function public.reviews_sighted_application(app uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.review_assignments r
      join public.applications a on a.id = r.application_id
      join public.calls c on c.id = a.call_id
     where r.application_id = app and r.reviewer_id = (select auth.uid()) and r.status <> 'recused'
       and cardinality(c.blind_fields) = 0
  )
$$;

/**
 * The files of an application the caller reviews (assigned, not recused), blind questions left
 * out, each named as the reviewer may see it: the application's code under blind review, the
 * founder's file name otherwise. No rows for anyone else.
 */
create function public.reviewer_files(app uuid)
returns table (id uuid, question_id uuid, storage_path text, name text, size_bytes int, content_type text)
language sql stable security definer set search_path = ''
as $$
  select f.id, f.question_id, f.storage_path,
         case when cardinality(c.blind_fields) > 0 then a.code || '.pdf' else f.original_name end,
         f.size_bytes, f.content_type
    from public.application_files f
    join public.applications a on a.id = f.application_id
    join public.calls c on c.id = a.call_id
    join public.call_questions q on q.id = f.question_id
   where f.application_id = app and not q.blind
     and exists (select 1 from public.review_assignments r
                  where r.application_id = app and r.reviewer_id = (select auth.uid()) and r.status <> 'recused')
$$;

revoke execute on function public.reviews_sighted_application(uuid), public.reviewer_files(uuid) from public, anon;
grant execute on function public.reviews_sighted_application(uuid), public.reviewer_files(uuid) to authenticated, service_role;

drop policy application_files_select on public.application_files;
create policy application_files_select on public.application_files for select to authenticated
  using (
    public.founds_application(application_id) or public.manages_application(application_id)
    or (public.reviews_sighted_application(application_id)
        and not exists (select 1 from public.call_questions q where q.id = question_id and q.blind))
  );
