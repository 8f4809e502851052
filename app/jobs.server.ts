import { applicationJobs } from "~/modules/applications/jobs.server";
import { eventJobs } from "~/modules/events/jobs.server";
import { mentoringJobs } from "~/modules/mentoring/jobs.server";
import { combineJobs } from "~/platform/jobs/types";
import { paymentJobs } from "~/platform/payments/jobs.server";
import "~/payments.server";

// Every capability's background tasks and schedules, gathered where the app is composed, so the
// platform's runner never imports a capability.
export const jobs = combineJobs(applicationJobs, mentoringJobs, eventJobs, paymentJobs);
