// What a capability hands the job runner: its tasks by name and the schedules that start them.
// Capabilities declare these; app/jobs.server.ts gathers them; the platform runs them.

/**
 * A task receives the payload it was queued with. It must be safe to run twice (see the decision
 * record). `now` is the job's clock: the tick of the schedule that queued it (graphile-worker's
 * `_cron.ts`), else the moment it started; sweeps compare deadlines with it, not with the wall
 * clock, so a retried sweep judges as of its tick and a test can move the clock without sleeping.
 */
export type JobTask = (payload: unknown, job: { id: string; attempts: number; runAt: Date; now: Date }) => Promise<void>;

/** A recurring task: `cron` in the five-field form, evaluated in UTC. */
export type Schedule = { task: string; cron: string };

export type JobSet = { tasks: Record<string, JobTask>; schedules: Schedule[] };

export function combineJobs(...sets: JobSet[]): JobSet {
  const tasks: Record<string, JobTask> = {};
  for (const set of sets) {
    for (const [name, task] of Object.entries(set.tasks)) {
      if (tasks[name]) throw new Error(`Two capabilities register the job task "${name}"`);
      tasks[name] = task;
    }
  }
  return { tasks, schedules: sets.flatMap((s) => s.schedules) };
}
