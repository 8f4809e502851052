import type { JobSet } from "~/platform/jobs/types";
import { remindByDueDate } from "./review/reminders.server";
import { lapseOffers } from "./select/lapse.server";

// The applications capability's background work. Each task is a sweep that is safe to run twice.
export const applicationJobs: JobSet = {
  tasks: {
    "applications.lapse-offers": async (_payload, job) => void (await lapseOffers(job.now)),
    "applications.remind-reviewers": async (_payload, job) => void (await remindByDueDate(job.now)),
  },
  schedules: [
    { task: "applications.lapse-offers", cron: "* * * * *" },
    { task: "applications.remind-reviewers", cron: "*/15 * * * *" },
  ],
};
