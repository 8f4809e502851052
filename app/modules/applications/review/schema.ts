import { z } from "zod";

// The reviewer's forms. The score form is built from the call's rubric, so the browser and the
// action check exactly the same criteria, levels and required comments. Messages are i18n keys.

import { COMMENT_MAX, OVERALL_MAX, RECUSAL_MAX, commentField, levelField, type ScoredCriterion } from "./fields";
export { COMMENT_MAX, OVERALL_MAX, RECUSAL_MAX, commentField, levelField, type ScoredCriterion };

// An unchecked radio group arrives as nothing (a plain post) or null (react-hook-form).
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

function level(maxLevel: number) {
  const allowed = Array.from({ length: maxLevel }, (_, i) => String(i + 1)) as [string, ...string[]];
  return z.enum(allowed, { error: (issue) => (issue.input === undefined ? "review.errors.levelRequired" : "review.errors.levelRange") }).transform(Number);
}

const comment = z.string({ error: "validation.required" }).trim().max(COMMENT_MAX, "validation.tooLong");

/**
 * Save a draft (intent "save": any subset of criteria, but a comment needs its level, as a score
 * is stored with both) or submit (intent "submit": every criterion scored, required comments given).
 */
export function scoreSchema(criteria: ScoredCriterion[]) {
  const draft: Record<string, z.ZodType> = {};
  const final: Record<string, z.ZodType> = {};
  for (const c of criteria) {
    draft[levelField(c.id)] = z.preprocess(blankToUndefined, level(c.maxLevel).optional());
    draft[commentField(c.id)] = z.preprocess((v) => v ?? "", comment);
    final[levelField(c.id)] = z.preprocess(blankToUndefined, level(c.maxLevel));
    final[commentField(c.id)] = z.preprocess((v) => v ?? "", c.commentRequired ? comment.min(1, "review.errors.commentRequired") : comment);
  }
  const overall = z.preprocess((v) => v ?? "", z.string().trim().max(OVERALL_MAX, "validation.tooLong"));
  const internal = overall;
  const save = z.object({ intent: z.literal("save"), overall, internal, ...draft }).superRefine((value, ctx) => {
    const v = value as Record<string, unknown>;
    for (const c of criteria) {
      if (v[commentField(c.id)] && v[levelField(c.id)] === undefined) {
        ctx.addIssue({ code: "custom", path: [levelField(c.id)], message: "review.errors.levelForComment" });
      }
    }
  });
  const submit = z.object({ intent: z.literal("submit"), overall, internal, ...final });
  return z.discriminatedUnion("intent", [save, submit], { error: "validation.required" });
}

export type ScoreInput = {
  intent: "save" | "submit";
  overall: string;
  /** for the call's managers only, never for founders */
  internal: string;
  scores: { criterionId: string; level: number; comment: string }[];
};

/** The parsed form as the scores to store: only criteria with a level. */
export function toScoreInput(criteria: ScoredCriterion[], data: Record<string, unknown>): ScoreInput {
  return {
    intent: data.intent as "save" | "submit",
    overall: String(data.overall ?? ""),
    internal: String(data.internal ?? ""),
    scores: criteria
      .filter((c) => typeof data[levelField(c.id)] === "number")
      .map((c) => ({ criterionId: c.id, level: data[levelField(c.id)] as number, comment: String(data[commentField(c.id)] ?? "") })),
  };
}

export const AbstainSchema = z.object({
  intent: z.literal("abstain"),
  reason: z.string({ error: "validation.required" }).trim().min(1, "review.errors.reasonRequired").max(OVERALL_MAX, "validation.tooLong"),
});

export const RecuseSchema = z.object({
  intent: z.literal("recuse"),
  recusalReason: z.string({ error: "validation.required" }).trim().min(1, "review.errors.reasonRequired").max(RECUSAL_MAX, "validation.tooLong"),
});

export const ReviewIntent = z.enum(["save", "submit", "abstain", "recuse"]);
