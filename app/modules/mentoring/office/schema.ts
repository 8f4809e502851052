import { z } from "zod";
import { uuid } from "~/platform/ids";

// Office hours' forms. The start is a wall-clock time in the mentor's own zone (a datetime-local
// field); the module turns it into an instant with the viewer's zone.
export const OpenOfficeHoursSchema = z.object({
  intent: z.literal("open", { error: "validation.required" }),
  startsAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "mentoring.office.errors.startsAt" }),
  minutes: z.coerce.number({ error: "mentoring.office.errors.minutes" }).int({ error: "mentoring.office.errors.minutes" }).min(15, { error: "mentoring.office.errors.minutes" }).max(480, { error: "mentoring.office.errors.minutes" }),
  seats: z.coerce.number({ error: "mentoring.office.errors.seats" }).int({ error: "mentoring.office.errors.seats" }).min(1, { error: "mentoring.office.errors.seats" }).max(50, { error: "mentoring.office.errors.seats" }),
  location: z.string().trim().max(300, { error: "mentoring.office.errors.location" }).default(""),
});
export type OpenOfficeHoursInput = z.output<typeof OpenOfficeHoursSchema>;

export const CancelOfficeHoursSchema = z.object({ intent: z.literal("cancel", { error: "validation.required" }), officeHoursId: uuid });
export const SeatSchema = z.object({ intent: z.enum(["take", "leave"], { error: "validation.required" }), officeHoursId: uuid, startupId: uuid });
