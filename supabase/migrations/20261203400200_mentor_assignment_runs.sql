-- The cohort-wide assignment is solved by a job (mentoring.solve-cohort), not inside the manager's
-- request: HiGHS on a large cohort takes seconds. One row a programme says whether a solve is
-- under way, and how the last one ended; the matching page reads it to show "solving…", then the
-- proposal. Written only through the service path (the manager's request, after its check, and the
-- job); read by the programme's managers.
create table public.mentor_assignment_runs (
  program_id uuid primary key references public.programs (id) on delete cascade,
  status text not null check (status in ('solving', 'done', 'failed')),
  requested_by uuid references auth.users (id) on delete set null,
  requested_at timestamptz not null default now(),
  finished_at timestamptz,
  proposed int check (proposed >= 0),
  check ((status = 'solving') = (finished_at is null))
);
alter table public.mentor_assignment_runs enable row level security;
create policy mentor_assignment_runs_select on public.mentor_assignment_runs for select to authenticated
  using (public.manages_program(program_id));
revoke all on public.mentor_assignment_runs from anon;
revoke insert, update, delete, truncate on public.mentor_assignment_runs from authenticated;
