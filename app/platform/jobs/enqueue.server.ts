import type postgres from "postgres";
import { asServiceWithin, type Tx } from "~/platform/db/transaction.server";

export type JobOptions = { runAt?: Date; jobKey?: string; maxAttempts?: number };

/**
 * Queue a job in the same transaction as the change that calls for it: if the change rolls back,
 * the job never existed. The queue belongs to the service, so the insert runs as the service
 * within the caller's transaction, like a mail into the outbox. A `jobKey` replaces a waiting job
 * with the same key (e.g. one reminder per application, rescheduled when its deadline moves).
 */
export async function addJob(tx: Tx, task: string, payload: Record<string, unknown>, opts: JobOptions = {}) {
  await asServiceWithin(
    tx,
    (t) => t`
      select graphile_worker.add_job(
        ${task}, ${t.json(payload as postgres.JSONValue)}::json,
        run_at => ${opts.runAt ?? null}::timestamptz,
        job_key => ${opts.jobKey ?? null}::text,
        max_attempts => ${opts.maxAttempts ?? null}::int)`,
  );
}
