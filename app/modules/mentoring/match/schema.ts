import { z } from "zod";

// The matching forms: a manager's (assign, run, edit a proposed pair, publish, end a mentoring), a founder's
// ranked requests, a mentor's answer. Messages are i18n keys.
const id = z.uuid({ error: "validation.required" });
const optionalId = z.union([z.literal(""), id], { error: "validation.required" });

export const MatchingIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("assign"), startupId: id, mentorId: id }),
  z.object({ intent: z.literal("run") }),
  z.object({ intent: z.literal("edit"), startupId: id, mentorId: optionalId }),
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("end"), startupId: id, mentorId: id }),
]);

/** Choices in order: "choice1" is the first. Empty choices are skipped; a mentor named twice is refused. */
export const RequestsSchema = z
  .object({
    programmeId: id,
    choice1: id.or(z.literal("")).default(""),
    choice2: id.or(z.literal("")).default(""),
    choice3: id.or(z.literal("")).default(""),
  })
  .transform((v) => ({ programmeId: v.programmeId, mentors: [v.choice1, v.choice2, v.choice3].filter((m) => m !== "") }))
  .refine((v) => v.mentors.length > 0, { message: "mentoring.match.errors.noChoice", path: ["choice1"] })
  .refine((v) => new Set(v.mentors).size === v.mentors.length, { message: "mentoring.match.errors.twice", path: ["choice2"] });

export const AnswerSchema = z.object({ requestId: id, intent: z.enum(["accept", "decline"], { error: "validation.required" }) });
