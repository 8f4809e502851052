import type { JobSet } from "~/platform/jobs/types";
import { lapseOffers } from "./select/lapse.server";

// The applications capability's background work. Each task is a sweep that is safe to run twice.
export const applicationJobs: JobSet = {
  tasks: {
    "applications.lapse-offers": async () => void (await lapseOffers()),
  },
  schedules: [{ task: "applications.lapse-offers", cron: "* * * * *" }],
};
