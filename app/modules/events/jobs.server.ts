import type { JobSet } from "~/platform/jobs/types";
import { sweepHolds } from "./waitlist/waitlist.server";

// The events capability's background work: a sweep that is safe to run twice.
export const eventJobs: JobSet = {
  tasks: {
    "events.sweep-holds": async (_payload, job) => void (await sweepHolds(job.now)),
  },
  schedules: [{ task: "events.sweep-holds", cron: "* * * * *" }],
};
