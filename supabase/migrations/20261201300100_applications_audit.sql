-- Applications write to the platform's audit trail (20261201300000_platform_audit.sql).
-- Every row is written by a trigger in the same statement as the change, whatever path made it:
-- application state (status, stage, decision, offer, feedback: shared with the startup, as the
-- founder's timeline), reviewer assignments and unassignments, recusals and abstentions, and
-- edits of the form, rubric, decision templates and call settings (managers only).
-- public.application_events becomes a view of the application-state rows, so its readers keep
-- their query; its rows move into audit_events.

-- ---------------------------------------------------------------------------------------------
-- Where an application's or a call's rows go: the call's organisation, listed under the call.

/** One audit row about an application, or nothing when the application is being deleted with its call. */
create function public.audit_application_change(app uuid, kind text, from_value text, to_value text, detail jsonb, shared boolean)
returns void
language sql volatile security definer set search_path = ''
as $$
  insert into public.audit_events (org_id, scope_id, subject_type, subject_id, shared_startup_id, actor_id, kind, from_value, to_value, detail)
  select p.org_id, a.call_id, 'application', a.id, case when shared then a.startup_id end, (select auth.uid()), kind, from_value, to_value,
         coalesce(detail, '{}')
    from public.applications a join public.calls c on c.id = a.call_id join public.programs p on p.id = c.program_id
   where a.id = app
$$;

/** One audit row about a call's setup, or nothing when the call is being deleted. */
create function public.audit_call_change(call uuid, kind text, detail jsonb)
returns void
language sql volatile security definer set search_path = ''
as $$
  insert into public.audit_events (org_id, scope_id, subject_type, subject_id, actor_id, kind, detail)
  select p.org_id, c.id, 'call', c.id, (select auth.uid()), kind, coalesce(detail, '{}')
    from public.calls c join public.programs p on p.id = c.program_id
   where c.id = call
$$;

/** The columns whose values differ between two versions of a row, leaving out bookkeeping ones. */
create function public.audit_changed_fields(old_row jsonb, new_row jsonb) returns jsonb
language sql immutable set search_path = ''
as $$
  select coalesce(jsonb_agg(n.key order by n.key), '[]')
    from jsonb_each(new_row) n
   where n.value is distinct from old_row -> n.key and n.key not in ('updated_at', 'created_at')
$$;

revoke execute on function public.audit_application_change(uuid, text, text, text, jsonb, boolean),
  public.audit_call_change(uuid, text, jsonb), public.audit_changed_fields(jsonb, jsonb) from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Move application_events into audit_events.

insert into public.audit_events (org_id, scope_id, subject_type, subject_id, shared_startup_id, actor_id, kind, from_value, to_value, detail, created_at)
select p.org_id, a.call_id, 'application', a.id, a.startup_id, e.actor_id, e.kind, e.from_value, e.to_value,
       case when e.note is null then '{}'::jsonb else jsonb_build_object('note', e.note) end, e.created_at
  from public.application_events e
  join public.applications a on a.id = e.application_id
  join public.calls c on c.id = a.call_id
  join public.programs p on p.id = c.program_id
 order by e.id;
drop table public.application_events;

-- The founder's timeline and the manager's page read the application-state rows under the old name.
create view public.application_events with (security_invoker = true) as
  select id, subject_id as application_id, actor_id, kind, from_value, to_value, detail ->> 'note' as note, created_at
    from public.audit_events
   where subject_type = 'application' and kind in ('status', 'stage', 'decision', 'offer', 'feedback');
revoke all on public.application_events from anon, authenticated;
grant select on public.application_events to authenticated;

-- Every status, stage, decision, offer and feedback change, shared with the startup's founders.
create or replace function public.audit_application() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    perform public.audit_application_change(new.id, 'status', old.status::text, new.status::text, null, true);
  end if;
  if new.stage is distinct from old.stage then
    perform public.audit_application_change(new.id, 'stage', old.stage::text, new.stage::text, null, true);
  end if;
  if new.decision is distinct from old.decision then
    perform public.audit_application_change(new.id, 'decision', old.decision::text, new.decision::text, null, true);
  end if;
  if new.offer_response is distinct from old.offer_response then
    perform public.audit_application_change(new.id, 'offer', old.offer_response, new.offer_response, null, true);
  end if;
  if new.feedback_released is distinct from old.feedback_released then
    perform public.audit_application_change(new.id, 'feedback', old.feedback_released::text, new.feedback_released::text, null, true);
  end if;
  return new;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Reviews: assignments (manual or automatic), unassignments, recusals, abstentions. Managers only:
-- who reviews an application is never shown to its founders.

create function public.audit_review_assignment() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  -- automatic assignment says so for its own transaction (app/modules/applications/review/assignment.server.ts)
  via text := coalesce(nullif(current_setting('app.assignment_via', true), ''), 'manual');
begin
  if tg_op = 'INSERT' then
    perform public.audit_application_change(new.application_id, 'assigned', null, null,
      jsonb_build_object('reviewer', new.reviewer_id, 'round', new.round,
                         'via', case when via = 'automatic' then 'automatic' else 'manual' end), false);
  elsif tg_op = 'DELETE' then
    perform public.audit_application_change(old.application_id, 'unassigned', old.status, null,
      jsonb_build_object('reviewer', old.reviewer_id, 'round', old.round), false);
    return old;
  elsif new.status is distinct from old.status and new.status in ('recused', 'abstained') then
    perform public.audit_application_change(new.application_id, new.status, old.status, new.status,
      jsonb_build_object('reviewer', new.reviewer_id, 'round', new.round,
                         'reason', left(case when new.status = 'recused' then new.recusal_reason else new.comment end, 1000)), false);
  end if;
  return new;
end
$$;
create trigger review_assignments_audit after insert or update of status or delete on public.review_assignments
  for each row execute function public.audit_review_assignment();

-- ---------------------------------------------------------------------------------------------
-- Setup: the form (questions), the rubric (criteria and their levels), decision templates, and
-- the call's settings (the call row and its tracks). One row per changed row: what, and how.

create function public.audit_call_setup() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  r jsonb := to_jsonb(coalesce(new, old));
  op text := case tg_op when 'INSERT' then 'added' when 'DELETE' then 'removed' else 'changed' end;
  fields jsonb := case when tg_op = 'UPDATE' then public.audit_changed_fields(to_jsonb(old), to_jsonb(new)) else '[]' end;
  v_kind text;
  v_call uuid;
  v_label jsonb;
begin
  if tg_op = 'UPDATE' and fields = '[]' then
    return new;
  end if;
  case tg_table_name
    when 'call_questions' then
      v_kind := 'form_edited'; v_call := (r ->> 'call_id')::uuid;
      v_label := jsonb_build_object('vi', r ->> 'label_vi', 'en', r ->> 'label_en');
    when 'rubric_criteria' then
      v_kind := 'rubric_edited'; v_call := (r ->> 'call_id')::uuid;
      v_label := jsonb_build_object('vi', r ->> 'name_vi', 'en', r ->> 'name_en');
    when 'rubric_levels' then
      v_kind := 'rubric_edited';
      select c.call_id, jsonb_build_object('vi', c.name_vi || ' · ' || (r ->> 'level'), 'en', c.name_en || ' · ' || (r ->> 'level'))
        into v_call, v_label from public.rubric_criteria c where c.id = (r ->> 'criterion_id')::uuid;
    when 'decision_templates' then
      v_kind := 'template_edited'; v_call := (r ->> 'call_id')::uuid;
      v_label := jsonb_build_object('decision', r ->> 'decision');
    when 'call_tracks' then
      v_kind := 'settings_edited'; v_call := (r ->> 'call_id')::uuid;
      v_label := jsonb_build_object('vi', r ->> 'name_vi', 'en', r ->> 'name_en');
    else
      -- the call row itself: its creation is not an edit, its deletion takes its log's scope with it
      v_kind := 'settings_edited'; v_call := (r ->> 'id')::uuid; v_label := null;
  end case;
  if v_call is not null then
    perform public.audit_call_change(v_call, v_kind,
      jsonb_build_object('op', op, 'item', tg_table_name, 'label', v_label, 'fields', fields));
  end if;
  return coalesce(new, old);
end
$$;
create trigger call_questions_audit after insert or update or delete on public.call_questions
  for each row execute function public.audit_call_setup();
create trigger rubric_criteria_audit after insert or update or delete on public.rubric_criteria
  for each row execute function public.audit_call_setup();
create trigger rubric_levels_audit after insert or update or delete on public.rubric_levels
  for each row execute function public.audit_call_setup();
create trigger decision_templates_audit after insert or update or delete on public.decision_templates
  for each row execute function public.audit_call_setup();
create trigger call_tracks_audit after insert or update or delete on public.call_tracks
  for each row execute function public.audit_call_setup();
create trigger calls_audit after update on public.calls
  for each row execute function public.audit_call_setup();

revoke execute on function public.audit_review_assignment(), public.audit_call_setup() from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Feedback: what founders read on release is exactly what the reviewer's form says they will.
-- Per criterion: the comment; per review: the overall comment. The internal comment (new) is
-- for the call's managers only. Founders read released feedback through released_feedback(),
-- of submitted reviews only (never a draft, an abstention or a recused review); they no longer
-- read review_scores directly.

alter table public.review_assignments
  add column internal_comment text not null default '' check (char_length(internal_comment) <= 8000);

drop policy review_scores_select on public.review_scores;
create policy review_scores_select on public.review_scores for select to authenticated
  using ((reviewer_id = (select auth.uid()) and public.reviews_application(application_id)) or public.manages_application(application_id));

/**
 * The released feedback of an application for its founders: one row per submitted review,
 * numbered (never named), its overall comment and its scores with their comments. Nothing
 * before release, nothing for anyone but the startup's members.
 */
create function public.released_feedback(app uuid)
returns table (reviewer int, overall text, scores jsonb)
language sql stable security definer set search_path = ''
as $$
  select (row_number() over (order by r.submitted_at, r.reviewer_id))::int, r.comment,
         coalesce((select jsonb_agg(jsonb_build_object('criterion', jsonb_build_object('vi', c.name_vi, 'en', c.name_en),
                                    'level', s.level, 'maxLevel', c.max_level, 'comment', s.comment) order by c.position, c.name_en, c.id)
                     from public.review_scores s join public.rubric_criteria c on c.id = s.criterion_id
                    where s.application_id = r.application_id and s.reviewer_id = r.reviewer_id and s.round = r.round), '[]')
    from public.review_assignments r join public.applications a on a.id = r.application_id
   where r.application_id = app and r.status = 'submitted' and a.feedback_released and public.founds_application(app)
   order by r.submitted_at, r.reviewer_id
$$;
revoke execute on function public.released_feedback(uuid) from public, anon;
grant execute on function public.released_feedback(uuid) to authenticated, service_role;
