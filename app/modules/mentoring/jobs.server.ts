import type { JobSet } from "~/platform/jobs/types";
import { remindSessions } from "./booking/reminders.server";
import { expireRequests } from "./match/requests.server";
import { SOLVE_TASK, solveCohort } from "./match/solve.server";

// The mentoring capability's background work. Each task is a sweep that is safe to run twice.
export const mentoringJobs: JobSet = {
  tasks: {
    "mentoring.expire-requests": async (_payload, job) => void (await expireRequests(job.now)),
    "mentoring.remind-sessions": async (_payload, job) => void (await remindSessions(job.now)),
    // queued by a manager's request (solve.server.ts), not scheduled
    [SOLVE_TASK]: async (payload, job) => void (await solveCohort(String((payload as { programId?: unknown }).programId ?? ""), job.now)),
  },
  schedules: [
    { task: "mentoring.expire-requests", cron: "*/5 * * * *" },
    { task: "mentoring.remind-sessions", cron: "*/5 * * * *" },
  ],
};
