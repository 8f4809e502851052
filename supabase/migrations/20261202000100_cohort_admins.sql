-- Platform admins change cohorts as they change everything else of a programme: the cohort's
-- policy now asks manages_program() (a manager of the programme's organisation, or an admin), the
-- rule every other programme table uses, instead of naming the managers only.
drop policy cohort_members_write on public.cohort_members;
create policy cohort_members_write on public.cohort_members for all to authenticated
  using (public.manages_program(program_id))
  with check (public.manages_program(program_id));
