-- Offers lapse on their own at their deadline (a scheduled job sweeps them; see
-- app/modules/applications/select/lapse.server.ts). A lapsed offer is answered for good: the
-- founders can no longer confirm it, and the audit trigger records the change for the managers.
alter table public.applications drop constraint applications_offer_response_check;
alter table public.applications add constraint applications_offer_response_check
  check (offer_response in ('confirmed', 'declined', 'lapsed'));

-- The sweep looks for open offers past their deadline.
create index applications_open_offers on public.applications (offer_expires_at)
  where decision = 'accepted' and offer_response is null;
