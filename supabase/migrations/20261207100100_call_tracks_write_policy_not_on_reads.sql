-- call_tracks' write policy for writes only (decision 008, fifth pass, rls), as
-- 20261207100000 did for the event tables: being `for all`, it ORed `manages_call(call_id)` in
-- front of every read's select policy, so a reviewer's /review called manages_call for each track
-- before the cheap `call_is_public`. The select policy already grants the call's managers, so reads
-- keep the same rows; writes keep the same USING and WITH CHECK.
drop policy call_tracks_write on public.call_tracks;
create policy call_tracks_insert on public.call_tracks for insert to authenticated
  with check (public.manages_call(call_id));
create policy call_tracks_update on public.call_tracks for update to authenticated
  using (public.manages_call(call_id)) with check (public.manages_call(call_id));
create policy call_tracks_delete on public.call_tracks for delete to authenticated
  using (public.manages_call(call_id));
