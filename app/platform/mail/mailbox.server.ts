import { asService } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { NotFoundError } from "~/platform/db/errors.server";

/**
 * The local mailbox exists only where mail cannot leave the machine: no email provider and the
 * app served from localhost. A deployment with a real address never shows it.
 */
export function mailboxEnabled() {
  const { RESEND_API_KEY, APP_URL, NODE_ENV } = env();
  const host = new URL(APP_URL).hostname;
  const local = host === "localhost" || host === "127.0.0.1" || host === "[::1]";
  return !RESEND_API_KEY && (NODE_ENV !== "production" || local);
}

export type MailboxItem = { id: string; toEmail: string; subject: string; status: string; createdAt: Date; locale: string; attachments: string[] };

export function listMailbox(limit = 200) {
  return asService(
    (tx) => tx<MailboxItem[]>`
      select id, to_email as "toEmail", subject, status, created_at as "createdAt", locale,
             coalesce((select jsonb_agg(a ->> 'filename') from jsonb_array_elements(attachments) a), '[]') as attachments
        from public.email_outbox order by created_at desc limit ${limit}`,
  );
}

/** A mail's HTML, its inline images (cid:) pointed at the mailbox's attachment route as a mail client would show them. */
export async function mailboxMessage(id: string) {
  const [row] = await asService(
    (tx) => tx<{ html: string; subject: string; cids: (string | null)[] }[]>`
      select html, subject, coalesce((select jsonb_agg(a ->> 'contentId' order by n) from jsonb_array_elements(attachments) with ordinality x(a, n)), '[]') as cids
        from public.email_outbox where id = ${id}`,
  );
  if (!row) throw new NotFoundError();
  const html = row.html.replace(/src="cid:([^"]+)"/g, (whole, cid: string) => {
    const index = row.cids.indexOf(cid);
    return index < 0 ? whole : `src="/dev/mailbox/${id}/attachments/${index}"`;
  });
  return { html, subject: row.subject };
}

/** One attachment of a mail, by its position. */
export async function mailboxAttachment(id: string, index: number) {
  const [row] = await asService(
    (tx) => tx<{ filename: string; contentType: string; content: string; encoding: string | null }[]>`
      select a ->> 'filename' as filename, a ->> 'contentType' as "contentType", a ->> 'content' as content, a ->> 'encoding' as encoding
        from public.email_outbox, jsonb_array_elements(attachments) with ordinality as x(a, n)
       where id = ${id} and n = ${index + 1}`,
  );
  return row ?? null;
}
