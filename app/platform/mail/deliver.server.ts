import { Resend } from "resend";
import { writeAlone } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { logger } from "~/platform/log.server";
import type { MailAttachment } from "./outbox.server";

export type OutgoingMail = { id: string; to: string; subject: string; html: string; text: string; attachments?: MailAttachment[] };
export type SendResult =
  | { ok: true; providerId: string | null }
  | { ok: false; error: string; retryAfterSeconds?: number; permanent?: boolean };
export type Transport = { name: "resend" | "mailbox"; send: (mail: OutgoingMail) => Promise<SendResult> };

/** Resend, with the outbox row's id as the idempotency key so a retry never sends twice. */
export function resendTransport(apiKey: string, baseUrl?: string): Transport {
  const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async send(mail) {
      const { data, error, headers } = await client.emails.send(
        {
          from: env().MAIL_FROM,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          ...(mail.attachments?.length
            ? {
                attachments: mail.attachments.map((a) => ({
                  filename: a.filename,
                  contentType: a.contentType,
                  content: a.encoding === "base64" ? a.content : Buffer.from(a.content).toString("base64"),
                  ...(a.contentId ? { contentId: a.contentId } : {}),
                })),
              }
            : {}),
        },
        { idempotencyKey: `outbox-${mail.id}` },
      );
      if (error) {
        const retryAfter = Number(headers?.["retry-after"]);
        // A malformed message (bad address, invalid field) will fail the same way every time.
        const permanent = "statusCode" in error && (error.statusCode === 400 || error.statusCode === 422);
        return { ok: false, error: `${error.name}: ${error.message}`, retryAfterSeconds: retryAfter || undefined, permanent };
      }
      return { ok: true, providerId: data?.id ?? null };
    },
  };
}

/** Without a provider, delivering means keeping the mail for the local mailbox page. */
export const mailboxTransport: Transport = { name: "mailbox", send: async () => ({ ok: true, providerId: null }) };

export function defaultTransport(): Transport {
  const { RESEND_API_KEY, RESEND_BASE_URL } = env();
  return RESEND_API_KEY ? resendTransport(RESEND_API_KEY, RESEND_BASE_URL) : mailboxTransport;
}

const MAX_ATTEMPTS = 8;
const CLAIM_SECONDS = 60;

/** 30 s, 1 min, 2 min … capped at 1 h, so a provider outage of hours still ends in delivery. */
export const backoffSeconds = (attempt: number) => Math.min(30 * 2 ** (attempt - 1), 3600);

/**
 * Deliver due mails. Rows are claimed with `for update skip locked` and a lease (`locked_until`),
 * so concurrent workers never take the same mail and a killed worker's mail is retried after the
 * lease, with the same idempotency key. Returns how many were sent.
 */
export async function deliverDue(transport: Transport = defaultTransport(), batch = BATCH): Promise<number> {
  return (await deliverBatch(transport, batch)).sent;
}

/** Mails claimed at once: a worker that claimed fewer has emptied what was due. */
export const BATCH = 20;

/**
 * One batch of `deliverDue`, saying how many were claimed too. The claim and each mail's mark are
 * single statements sent alone (`writeAlone`): each commits by itself, as its transaction did.
 */
export async function deliverBatch(transport: Transport, batch = BATCH): Promise<{ claimed: number; sent: number }> {
  const claimed = await writeAlone(
    (tx) => tx<{ id: string; to_email: string; subject: string; html: string; text_body: string; attachments: MailAttachment[]; attempts: number }[]>`
      update public.email_outbox o
         set status = 'sending', attempts = o.attempts + 1,
             locked_until = now() + make_interval(secs => ${CLAIM_SECONDS})
       where o.id in (
         select id from public.email_outbox
          where (status = 'pending' and next_attempt_at <= now())
             or (status = 'sending' and locked_until < now())
          order by next_attempt_at
          limit ${batch}
          for update skip locked)
      returning o.id, o.to_email, o.subject, o.html, o.text_body, o.attachments, o.attempts`,
  );
  let sent = 0;
  for (const row of claimed) {
    let result: SendResult;
    try {
      result = await transport.send({ id: row.id, to: row.to_email, subject: row.subject, html: row.html, text: row.text_body, attachments: row.attachments });
    } catch (error) {
      result = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (result.ok) {
      sent++;
      await writeAlone(
        (tx) => tx`update public.email_outbox
                      set status = 'sent', sent_at = now(), locked_until = null, last_error = null,
                          provider_message_id = ${result.providerId}, delivered_via = ${transport.name}
                    where id = ${row.id}`,
      );
    } else {
      const failed = result.permanent === true || row.attempts >= MAX_ATTEMPTS;
      const delay = result.retryAfterSeconds ?? backoffSeconds(row.attempts);
      logger.warn({ mailId: row.id, attempt: row.attempts, error: result.error }, "mail delivery failed");
      await writeAlone(
        (tx) => tx`update public.email_outbox
                      set status = ${failed ? "failed" : "pending"}, locked_until = null, last_error = ${result.error},
                          next_attempt_at = now() + make_interval(secs => ${delay})
                    where id = ${row.id}`,
      );
    }
  }
  return { claimed: claimed.length, sent };
}
