import type { JobSet } from "~/platform/jobs/types";
import { remindSessions } from "./reminders.server";

// Booking's background work: the session reminders, a sweep that is safe to run twice.
export const bookingJobs: JobSet = {
  tasks: {
    "mentoring.remind-sessions": async (_payload, job) => void (await remindSessions(job.now)),
  },
  schedules: [{ task: "mentoring.remind-sessions", cron: "*/5 * * * *" }],
};
