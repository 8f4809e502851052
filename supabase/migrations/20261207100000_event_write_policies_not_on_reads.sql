-- The organisers' write policies of an event's public parts, for writes only (decision 008, fifth
-- pass, rls). They were `for all`, so every read of these tables also ORed in their USING clause,
-- `manages_event(event_id)`, placed before the select policy's cheap "the event is published"
-- test: an attendee's event page called manages_event (two nested definer functions) once per
-- ticket type, session and speaker, 17 times a request. The select policies already grant the
-- organisers (`or public.manages_event(event_id)`), so reads keep exactly the same rows; inserts,
-- updates and deletes keep exactly the same USING and WITH CHECK.

drop policy event_speakers_write on public.event_speakers;
create policy event_speakers_insert on public.event_speakers for insert to authenticated
  with check (public.manages_event(event_id));
create policy event_speakers_update on public.event_speakers for update to authenticated
  using (public.manages_event(event_id)) with check (public.manages_event(event_id));
create policy event_speakers_delete on public.event_speakers for delete to authenticated
  using (public.manages_event(event_id));

drop policy event_sessions_write on public.event_sessions;
create policy event_sessions_insert on public.event_sessions for insert to authenticated
  with check (public.manages_event(event_id));
create policy event_sessions_update on public.event_sessions for update to authenticated
  using (public.manages_event(event_id)) with check (public.manages_event(event_id));
create policy event_sessions_delete on public.event_sessions for delete to authenticated
  using (public.manages_event(event_id));

drop policy event_questions_write on public.event_questions;
create policy event_questions_insert on public.event_questions for insert to authenticated
  with check (public.manages_event(event_id));
create policy event_questions_update on public.event_questions for update to authenticated
  using (public.manages_event(event_id)) with check (public.manages_event(event_id));
create policy event_questions_delete on public.event_questions for delete to authenticated
  using (public.manages_event(event_id));

drop policy ticket_types_write on public.ticket_types;
create policy ticket_types_insert on public.ticket_types for insert to authenticated
  with check (public.manages_event(event_id));
create policy ticket_types_update on public.ticket_types for update to authenticated
  using (public.manages_event(event_id)) with check (public.manages_event(event_id));
create policy ticket_types_delete on public.ticket_types for delete to authenticated
  using (public.manages_event(event_id));
