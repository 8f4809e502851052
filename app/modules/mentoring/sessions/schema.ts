import { z } from "zod";
import { uuid } from "~/platform/ids";

// The session page's forms. Limits match the table checks (migration 20261202600000), so a
// refusal is a field message and never a failed statement.
import { COMMENT_MAX, ITEM_MAX, NOTES_MAX } from "./limits";
export { COMMENT_MAX, ITEM_MAX, NOTES_MAX };

const text = (max: number) => z.preprocess((v) => v ?? "", z.string({ error: "validation.required" }).trim().max(max, "validation.tooLong"));

export const NotesSchema = z.object({ body: text(NOTES_MAX) });

export const NewItemSchema = z.object({
  body: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(ITEM_MAX, "validation.tooLong"),
});

export const ItemDoneSchema = z.object({
  id: uuid,
  done: z.enum(["true", "false"], { error: "validation.required" }).transform((v) => v === "true"),
});

export const ItemSchema = z.object({ id: uuid });

export const FeedbackSchema = z.object({
  rating: z.enum(["1", "2", "3", "4", "5"], { error: "mentoring.sessions.errors.rating" }).transform(Number),
  comment: text(COMMENT_MAX),
});

export type FeedbackInput = z.output<typeof FeedbackSchema>;

/** Where a booked session is held: a meeting link or a place (mentoring_sessions.location, at most 500). */
export const LOCATION_MAX = 500;
export const LocationSchema = z.object({ location: text(LOCATION_MAX) });
