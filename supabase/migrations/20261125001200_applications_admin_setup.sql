-- Platform administrators may set up programmes and calls for any organisation. The first
-- applications migration let them edit calls (manages_call includes admins) but not create a
-- programme or a call, so /manage refused them half-way. Same rule as organisations_update.

drop policy programs_write on public.programs;
create policy programs_write on public.programs for all to authenticated
  using (public.has_org_role(org_id, '{manager}') or (select public.is_platform_admin()))
  with check (public.has_org_role(org_id, '{manager}') or (select public.is_platform_admin()));

drop policy calls_insert on public.calls;
create policy calls_insert on public.calls for insert to authenticated
  with check (exists (
    select 1 from public.programs p
     where p.id = program_id and (public.has_org_role(p.org_id, '{manager}') or (select public.is_platform_admin()))
  ));
