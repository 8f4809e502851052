import { z } from "zod";
import { uuid } from "~/platform/ids";

// The booking form: which programme, startup and mentor, and the slot's start as an instant
// (ISO 8601 with its offset, as the slot list renders it), so the zone is never guessed.
export const BookSessionSchema = z.object({
  programId: uuid,
  startupId: uuid,
  mentorId: uuid,
  startsAt: z.iso.datetime({ offset: true, error: "validation.required" }).transform((v) => new Date(v)),
});
export type BookSessionInput = z.output<typeof BookSessionSchema>;

/** Moving a session: the new start, as the slot list renders it. */
export const RescheduleSchema = z.object({
  startsAt: z.iso.datetime({ offset: true, error: "validation.required" }).transform((v) => new Date(v)),
});

/** Cancelling one of one's sessions, from the list. */
export const CancelSchema = z.object({ intent: z.literal("cancel", { error: "validation.required" }), sessionId: uuid });
