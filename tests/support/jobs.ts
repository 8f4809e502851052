import { runOnce } from "graphile-worker";
import { jobs } from "~/jobs.server";
import { asService } from "~/platform/db/transaction.server";
import { addJob } from "~/platform/jobs/enqueue.server";
import { jobLogger, toTaskList } from "~/platform/jobs/runner.server";

/**
 * Queue a scheduled task as the scheduler would at its tick (`at`, the job clock: now unless the
 * test moves it), then work the queue until it is empty.
 */
export async function runScheduled(task: keyof typeof jobs.tasks & string, at: Date = new Date()) {
  await asService((tx) => addJob(tx, task, { _cron: { ts: at.toISOString(), backfilled: false } }));
  await runOnce({ connectionString: process.env.DATABASE_URL!, noHandleSignals: true, logger: jobLogger }, toTaskList(jobs));
}

/** Work the queue until it is empty: jobs a request queued (not scheduled) run now, on the job clock. */
export async function workQueue() {
  await runOnce({ connectionString: process.env.DATABASE_URL!, noHandleSignals: true, logger: jobLogger }, toTaskList(jobs));
}
