import { z } from "zod";
import { uuid } from "~/platform/ids";

// What the organisers' message form sends. Subject and body in Vietnamese, English or both (a
// reader whose language is missing gets the other); plain text, escaped when the mail is rendered.
import { BODY_MAX, SUBJECT_MAX } from "./limits";
export { BODY_MAX, SUBJECT_MAX };

const optional = (max: number) => z.string().trim().max(max, "validation.tooLong").default("");
/** A field that may come once, several times or not at all (checkboxes) as a list. */
const many = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(50, "validation.tooLong"));

export const AUDIENCES = ["attendees", "waitlist"] as const;
export const CHECKED_IN = ["any", "in", "out"] as const;

export const AudienceSchema = z.object({
  to: z.enum(AUDIENCES, { error: "events.messages.refused.audience" }),
  ticketTypes: many(uuid),
  checkedIn: z.enum(CHECKED_IN, { error: "events.messages.refused.audience" }).default("any"),
});
export type Audience = z.infer<typeof AudienceSchema>;

export const MessageSchema = AudienceSchema.extend({
  intent: z.enum(["preview", "send"], { error: "validation.required" }),
  // one per form shown: the same send posted twice is one message
  sendKey: uuid,
  subjectVi: optional(SUBJECT_MAX),
  bodyVi: optional(BODY_MAX),
  subjectEn: optional(SUBJECT_MAX),
  bodyEn: optional(BODY_MAX),
}).superRefine((m, ctx) => {
  for (const [subject, body] of [
    ["subjectVi", "bodyVi"],
    ["subjectEn", "bodyEn"],
  ] as const) {
    if (m[subject] && !m[body]) ctx.addIssue({ code: "custom", path: [body], message: "events.messages.refused.bodyMissing" });
    if (m[body] && !m[subject]) ctx.addIssue({ code: "custom", path: [subject], message: "events.messages.refused.subjectMissing" });
  }
  if (!m.subjectVi && !m.bodyVi && !m.subjectEn && !m.bodyEn) ctx.addIssue({ code: "custom", path: ["subjectVi"], message: "events.messages.refused.empty" });
});
export type MessageInput = z.infer<typeof MessageSchema>;
