import { runOnce } from "graphile-worker";
import { jobs } from "~/jobs.server";
import { asService } from "~/platform/db/transaction.server";
import { addJob } from "~/platform/jobs/enqueue.server";
import { jobLogger, toTaskList } from "~/platform/jobs/runner.server";

/**
 * runOnce's options for tests. Unbatched, graphile-worker marks a job done without awaiting it
 * (worker.js calls `completeJob(job)` and moves on), so runOnce can return before the last job's
 * completion reaches the database, and a test reading the queue next finds that job still there.
 * Batched (delay 0), the pool's shutdown flushes the completions before runOnce returns.
 */
export const runOnceOptions = () => ({
  connectionString: process.env.DATABASE_URL!,
  noHandleSignals: true,
  logger: jobLogger,
  preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
});

/**
 * Queue a scheduled task as the scheduler would at its tick (`at`, the job clock: now unless the
 * test moves it), then work the queue until it is empty.
 */
export async function runScheduled(task: keyof typeof jobs.tasks & string, at: Date = new Date()) {
  await asService((tx) => addJob(tx, task, { _cron: { ts: at.toISOString(), backfilled: false } }));
  await runOnce(runOnceOptions(), toTaskList(jobs));
}

/** Work the queue until it is empty: jobs a request queued (not scheduled) run now, on the job clock. */
export async function workQueue() {
  await runOnce(runOnceOptions(), toTaskList(jobs));
}
