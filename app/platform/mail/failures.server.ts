import { asService } from "~/platform/db/transaction.server";

// Mail that could not be delivered, shown to platform staff so nothing fails silently.
export type MailProblem = { id: string; toEmail: string; subject: string; status: string; attempts: number; lastError: string | null; nextAttemptAt: Date };

/** Failed mails, and pending ones that have already failed at least once. */
export function mailProblems(limit = 100) {
  return asService(
    (tx) => tx<MailProblem[]>`
      select id, to_email as "toEmail", subject, status, attempts, last_error as "lastError", next_attempt_at as "nextAttemptAt"
        from public.email_outbox
       where status = 'failed' or (status = 'pending' and attempts > 0)
       order by created_at desc limit ${limit}`,
  );
}

/** Send a failed mail again, keeping its id and so its idempotency key. */
export async function retryMail(id: string) {
  const rows = await asService(
    (tx) => tx`update public.email_outbox set status = 'pending', next_attempt_at = now(), last_error = null
                where id = ${id} and status = 'failed'`,
  );
  return rows.count === 1;
}
