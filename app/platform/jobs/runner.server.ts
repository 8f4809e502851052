import { Logger, parseCronItems, run, runMigrations, type Runner, type TaskList } from "graphile-worker";
import { env } from "~/platform/env.server";
import { logger } from "~/platform/log.server";
import type { JobSet } from "./types";

// graphile-worker logs through its own Logger; send what matters to ours.
export const jobLogger = new Logger(() => (level, message, meta) => {
  if (level === "error") logger.error({ meta }, message);
  else if (level === "warning") logger.warn({ meta }, message);
  else logger.debug({ meta }, message);
});

/** graphile-worker's own tables, in its own schema, kept by its own migrations. */
export const migrateJobQueue = (connectionString: string) =>
  runMigrations({ connectionString, logger: jobLogger });

/** The job's clock: its schedule's tick when a schedule queued it, else now. */
export function clockOf(payload: unknown): Date {
  const ts = (payload as { _cron?: { ts?: unknown } } | null)?._cron?.ts;
  const at = typeof ts === "string" ? new Date(ts) : null;
  return at && !Number.isNaN(at.getTime()) ? at : new Date();
}

/** Our tasks in graphile-worker's shape (also what tests hand to its `runOnce`). */
export function toTaskList(jobs: JobSet): TaskList {
  const taskList: TaskList = {};
  for (const [name, task] of Object.entries(jobs.tasks)) {
    taskList[name] = (payload, helpers) =>
      task(payload, { id: helpers.job.id, attempts: helpers.job.attempts, runAt: new Date(helpers.job.run_at), now: clockOf(payload) });
  }
  return taskList;
}

/**
 * Run the queue's jobs and schedules until the returned stop is called. Any number of runners may
 * run against one database (in `npm start` and in `npm run worker` processes): the library locks
 * each job for one worker, and a schedule fires once per tick across all of them.
 */
export async function startJobRunner(jobs: JobSet, opts: { concurrency?: number; pollInterval?: number } = {}) {
  const taskList = toTaskList(jobs);
  const runner: Runner = await run({
    connectionString: env().DATABASE_URL!,
    concurrency: opts.concurrency ?? env().JOBS_CONCURRENCY,
    pollInterval: opts.pollInterval ?? 2000,
    noHandleSignals: true, // the process's own shutdown stops the runner
    taskList,
    parsedCronItems: parseCronItems(
      jobs.schedules.map((s) => ({ task: s.task, match: s.cron, identifier: s.task, options: { backfillPeriod: 0 } })),
    ),
    logger: jobLogger,
  });
  logger.info({ tasks: Object.keys(taskList).length, schedules: jobs.schedules.length }, "job runner started");
  return () => runner.stop();
}
