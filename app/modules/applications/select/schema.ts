import { z } from "zod";
import { uuid } from "~/platform/ids";

import { BULK_ACTIONS, DECISIONS, STAGES } from "./choices";

// Schemas of the selection side's forms and queries, shared by the browser and the actions.
export { BULK_ACTIONS, DECISIONS, STAGES, type Decision, type Stage } from "./choices";

/** Checkbox groups arrive as nothing, one value or many (react-hook-form: false, a string or an array). */
const many = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v == null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item).min(1, "validation.required").max(max, "validation.tooLong"));
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const blank = (v: unknown) => (v === "" || v == null ? undefined : v);

// The ranking's filters, sort and page, from the query string. Anything odd falls back to the default.
export const RankingQuerySchema = z.object({
  track: z.preprocess(blank, uuid.optional()).catch(undefined),
  stage: z.preprocess(blank, z.enum(STAGES).optional()).catch(undefined),
  eligible: z.preprocess(blank, z.enum(["yes", "no"]).optional()).catch(undefined),
  decision: z.preprocess(blank, z.enum([...DECISIONS, "none"]).optional()).catch(undefined),
  minScore: z.preprocess(blank, z.coerce.number().min(0).max(100).optional()).catch(undefined),
  sort: z.enum(["rank", "raw", "z", "reviews", "startup", "code"]).catch("rank"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type RankingQuery = z.output<typeof RankingQuerySchema>;
/** The ranking's order and filters without its page: what the application page's previous and next follow. */
export type RankingOrder = Omit<RankingQuery, "page">;

/** A calendar day (YYYY-MM-DD) that exists; blank is none. Whether it is far enough ahead is the server's to say. */
const day = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "select.deadline.invalid")
    .refine((d) => {
      const at = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(d);
    }, "select.deadline.invalid")
    .optional(),
);

/** What every decide form carries besides the decision: message, feedback, the offer's deadline, the warnings' confirmation. */
const decideOptions = {
  includeMessage: checkbox,
  releaseFeedback: checkbox,
  deadline: day,
  confirmWarnings: checkbox,
};

/** The ranking's bulk form: the chosen applications, what to do with them, and the options. */
export const BulkSchema = z.object({
  intent: z.literal("bulk"),
  ids: many(uuid, 200),
  action: z.enum(BULK_ACTIONS as [string, ...string[]], { error: "validation.required" }),
  ...decideOptions,
});
export type BulkInput = z.output<typeof BulkSchema>;

// A message may be given in one language: the other then reads the same, as every bilingual label
// does (inLocale()), and both columns hold text. Refused only when both are empty.
const body = z.preprocess((v) => (v == null ? "" : v), z.string({ error: "validation.required" }).trim().max(8000, "validation.tooLong"));
export const TemplatesSchema = z
  .object({
    intent: z.literal("templates"),
    accepted_vi: body,
    accepted_en: body,
    waitlisted_vi: body,
    waitlisted_en: body,
    rejected_vi: body,
    rejected_en: body,
  })
  .superRefine((v, ctx) => {
    for (const d of DECISIONS) {
      if (v[`${d}_vi`] || v[`${d}_en`]) continue;
      for (const path of [`${d}_vi`, `${d}_en`]) ctx.addIssue({ code: "custom", path: [path], message: "setup.errors.oneLanguage" });
    }
  })
  .transform((v) => ({
    ...v,
    accepted_vi: v.accepted_vi || v.accepted_en,
    accepted_en: v.accepted_en || v.accepted_vi,
    waitlisted_vi: v.waitlisted_vi || v.waitlisted_en,
    waitlisted_en: v.waitlisted_en || v.waitlisted_vi,
    rejected_vi: v.rejected_vi || v.rejected_en,
    rejected_en: v.rejected_en || v.rejected_vi,
  }));
export type TemplatesInput = z.output<typeof TemplatesSchema>;

export const TrackAssignSchema = z.object({
  intent: z.literal("track"),
  trackId: uuid,
  reviewerIds: many(uuid, 100),
});
export const AutoAssignSchema = z.object({ intent: z.literal("auto") });
export const RemindSchema = z.object({ intent: z.literal("remind"), reviewerId: z.preprocess(blank, uuid.optional()) });
/** A member of the organisation added to the call's reviewers. */
export const AddReviewerSchema = z.object({ intent: z.literal("addMember"), userId: uuid });
/** Anyone invited by address, a guest judge of this call once they accept. */
export const InviteReviewerSchema = z.object({
  intent: z.literal("invite"),
  email: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(254, "validation.tooLong")
    .pipe(z.email("validation.email"))
    .transform((v) => v.toLowerCase()),
});
export const ReviewersIntent = z.discriminatedUnion("intent", [TrackAssignSchema, AutoAssignSchema, RemindSchema, AddReviewerSchema, InviteReviewerSchema]);

/** The manager's application page: an internal note, or a decision on this one application. */
export const NoteSchema = z.object({ intent: z.literal("note"), body: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(4000, "validation.tooLong") });
export const DecideOneSchema = z.object({
  intent: z.literal("decide"),
  decision: z.enum(DECISIONS, { error: "validation.required" }),
  ...decideOptions,
});
/** Undo a decision the founders have not been told (the dossier's, or a row of the decisions page). */
export const UndoSchema = z.object({ intent: z.literal("undo"), applicationId: uuid });
export const DossierIntent = z.discriminatedUnion("intent", [NoteSchema, DecideOneSchema, UndoSchema]);

/** The notify step's confirmation: the version of the pending list the manager was shown. */
export const NotifySchema = z.object({ intent: z.literal("notify"), version: z.string().regex(/^[0-9a-f]{32}$/, "select.notify.changed") });
export const DecisionsIntent = z.discriminatedUnion("intent", [TemplatesSchema, UndoSchema]);
