-- /manage (and a call's settings, form and rubric pages) counted every application of the call on
-- each request: `call_application_counts()` read about 5,000 rows for the load dataset's call, 3.2 of
-- /manage's 4.7 PostgreSQL ms per request (decision 008, sixth pass, orgpage). The two counts it
-- answers (drafts, submitted) are now kept per call by triggers on `applications`, in the same
-- transaction as each change, and the function reads them behind the same check.
--
-- Concurrency: a change adds its difference to the call's row in one statement (`n = n + d`, an
-- upsert for the first application of a call). Under read committed (the app's level) the row's
-- lock puts concurrent writers of one call one after another and each adds to the value the
-- previous one committed, so the kept counts equal a count from scratch of what is committed
-- (tests/integration/call-application-tallies.test.ts races writers). A writer waits on another
-- only for this row of the same call, until that one commits.
--
-- No foreign key to calls: a call's deletion cascades to its applications, whose triggers then
-- update the row (to 0) whichever of the two runs first; the calls trigger below removes it.

create table public.call_application_tallies (
  call_id uuid primary key,
  drafts int not null default 0 check (drafts >= 0),
  submitted int not null default 0 check (submitted >= 0)
);
alter table public.call_application_tallies enable row level security;
-- Nobody writes these rows but the triggers; the counts are read through call_application_counts().
create policy call_application_tallies_select on public.call_application_tallies for select to authenticated
  using (public.manages_call(call_id));
revoke all on public.call_application_tallies from anon;
revoke insert, update, delete, truncate, references, trigger on public.call_application_tallies from authenticated;

create function public.tally_application_change() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if tg_op <> 'INSERT' and old.status in ('draft', 'submitted') then
    update public.call_application_tallies t
       set drafts = t.drafts - (old.status = 'draft')::int, submitted = t.submitted - (old.status = 'submitted')::int
     where t.call_id = old.call_id;
  end if;
  if tg_op <> 'DELETE' and new.status in ('draft', 'submitted') then
    insert into public.call_application_tallies as t (call_id, drafts, submitted)
    values (new.call_id, (new.status = 'draft')::int, (new.status = 'submitted')::int)
    on conflict (call_id) do update set drafts = t.drafts + excluded.drafts, submitted = t.submitted + excluded.submitted;
  end if;
  return null;
end
$$;
revoke execute on function public.tally_application_change() from public, anon, authenticated;

create function public.untally_call() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  delete from public.call_application_tallies where call_id = old.id;
  return null;
end
$$;
revoke execute on function public.untally_call() from public, anon, authenticated;

create trigger applications_tallied after insert or delete on public.applications
  for each row execute function public.tally_application_change();
create trigger applications_tallied_moves after update of status, call_id on public.applications
  for each row when (old.status is distinct from new.status or old.call_id is distinct from new.call_id)
  execute function public.tally_application_change();
create trigger calls_untallied after delete on public.calls
  for each row execute function public.untally_call();

-- The triggers above hold applications against writes to the end of this transaction: the counts
-- taken now are exact.
insert into public.call_application_tallies (call_id, drafts, submitted)
select a.call_id, count(*) filter (where a.status = 'draft'), count(*) filter (where a.status = 'submitted')
  from public.applications a
 group by a.call_id;

/** Drafts and submitted applications of the call; no row unless the caller manages it. */
create or replace function public.call_application_counts(call uuid) returns table (drafts int, submitted int)
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select coalesce(t.drafts, 0), coalesce(t.submitted, 0)
    from (select) one
    left join public.call_application_tallies t on t.call_id = call
   where public.manages_call(call);
end
$$;
