-- Found by the access matrix (tests/integration/rls-matrix.test.ts): a manager could move their
-- call into another organisation's programme. calls_update checked `manages_call(id)`, and that
-- function reads the call's row as it was before the update (the new version is not visible to
-- the statement's snapshot), so the new programme was never checked. The check now reads the
-- programme the row will have.

drop policy calls_update on public.calls;
create policy calls_update on public.calls for update to authenticated
  using (public.manages_call(id))
  with check (exists (
    select 1 from public.programs p
     where p.id = program_id and (public.has_org_role(p.org_id, '{manager}') or (select public.is_platform_admin()))
  ));
