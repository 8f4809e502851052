-- The call's audit trail also records its reviewer pool and its named form steps
-- (20261201300100_applications_audit.sql holds the other kinds and the helpers used here):
-- - a member added to the pool (reviewer_added), an address invited or its expired invitation
--   renewed (reviewer_invited), an invitation accepted (invitation_accepted, the invitee as actor);
-- - a step's title given, changed or removed: one form_edited row per step, not a
--   settings_edited row naming the column.
-- Written by triggers, so the accept function (run as the invitee) is logged like the pages are.

create function public.audit_call_reviewer() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- the invitee adds themselves (accept_reviewer_invitation); a manager adds someone else
  perform public.audit_call_change(new.call_id,
    case when new.user_id = (select auth.uid()) then 'invitation_accepted' else 'reviewer_added' end,
    jsonb_build_object('reviewer', new.user_id, 'guest', new.guest));
  return new;
end
$$;
create trigger call_reviewers_audit after insert on public.call_reviewers
  for each row execute function public.audit_call_reviewer();

-- The address is the only name an invitee has yet; the log keeps it (the invitation row may go).
create function public.audit_reviewer_invitation() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform public.audit_call_change(new.call_id, 'reviewer_invited',
    jsonb_build_object('email', new.email, 'renewed', tg_op = 'UPDATE'));
  return new;
end
$$;
create trigger reviewer_invitations_audit after insert or update of token_hash on public.reviewer_invitations
  for each row execute function public.audit_reviewer_invitation();

create function public.audit_step_titles() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  k text;
  o jsonb;
  n jsonb;
begin
  for k in select key from jsonb_each(old.step_titles) union select key from jsonb_each(new.step_titles) loop
    o := old.step_titles -> k;
    n := new.step_titles -> k;
    if o is distinct from n then
      perform public.audit_call_change(new.id, 'form_edited',
        jsonb_build_object('op', case when o is null then 'added' when n is null then 'removed' else 'changed' end,
                           'item', 'step_titles', 'step', k, 'label', coalesce(n, o), 'fields', '[]'::jsonb));
    end if;
  end loop;
  return new;
end
$$;
create trigger calls_step_titles_audit after update of step_titles on public.calls
  for each row execute function public.audit_step_titles();

-- The call row's settings trigger leaves step titles to the trigger above (otherwise as before).
create or replace function public.audit_call_setup() returns trigger
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
  if tg_table_name = 'calls' then
    fields := fields - 'step_titles';
  end if;
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

revoke execute on function public.audit_call_reviewer(), public.audit_reviewer_invitation(), public.audit_step_titles(),
  public.audit_call_setup() from public, anon, authenticated;
