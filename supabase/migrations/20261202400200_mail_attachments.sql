-- Mails may carry attachments (a mentoring session's ICS invitation): kept on the outbox row, so a
-- retry sends the same bytes, and shown by the local mailbox. Text only, small, a handful a mail.
alter table public.email_outbox
  add column attachments jsonb not null default '[]'
    check (jsonb_typeof(attachments) = 'array' and jsonb_array_length(attachments) <= 5 and pg_column_size(attachments) <= 262144);
