import { z } from "zod";
import { uuid } from "~/platform/ids";

// What the check-in page posts: a code (typed, or read by the camera), or the undo of a check-in.
export const ScanSchema = z.object({
  intent: z.literal("scan"),
  code: z.string().trim().min(1, "validation.required").max(200, "events.checkin.errors.unknown"),
});

export const UndoSchema = z.object({
  intent: z.literal("undo"),
  ticketId: uuid,
});

export const CheckInIntent = z.discriminatedUnion("intent", [ScanSchema, UndoSchema], { error: "validation.required" });
export type CheckInInput = z.infer<typeof CheckInIntent>;
