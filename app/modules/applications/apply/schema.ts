import { z } from "zod";
import { uuid } from "~/platform/ids";
import type { Question } from "../types";

// The founder's forms. The answer form is built from the call's questions, one step at a time;
// the same builder runs in the browser (react-hook-form) and in the action (the authority).
// A draft may leave required answers blank (they are listed before submit), never malformed ones.

import { DECK_MAX_BYTES, fieldName, type AnswerValue } from "./fields";
export { DECK_MAX_BYTES, fieldName, type AnswerValue };

const blankToUndefined = (v: unknown) => (v == null || v === false || (typeof v === "string" && v.trim() === "") ? undefined : v);
const asList = (v: unknown) => (v == null || v === false ? [] : Array.isArray(v) ? v : [v]);

function answerSchema(q: Question): z.ZodType<AnswerValue | undefined> {
  const values = q.options.map((o) => o.value);
  switch (q.kind) {
    case "text":
    case "long_text": {
      const max = q.maxLength ?? (q.kind === "text" ? 500 : 20000);
      return z.preprocess(blankToUndefined, z.string().trim().max(max, "apply.errors.tooLong").optional());
    }
    case "link":
      return z.preprocess(
        blankToUndefined,
        z
          .string()
          .trim()
          .max(q.maxLength ?? 2000, "apply.errors.tooLong")
          .refine((v) => {
            try {
              const u = new URL(v);
              return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
            } catch {
              return false;
            }
          }, "apply.errors.link")
          .optional(),
      );
    case "number": {
      let n = z.number({ error: "apply.errors.number" }).finite("apply.errors.number");
      if (q.minNumber != null) n = n.min(q.minNumber, "apply.errors.numberRange");
      if (q.maxNumber != null) n = n.max(q.maxNumber, "apply.errors.numberRange");
      return z.preprocess((v) => {
        const b = blankToUndefined(v);
        return typeof b === "string" ? (/^-?\d+(\.\d+)?$/.test(b.trim()) ? Number(b) : NaN) : b;
      }, n.optional());
    }
    case "choice":
      return z.preprocess(blankToUndefined, z.enum(values as [string, ...string[]], { error: "apply.errors.choice" }).optional());
    case "multi_choice":
      return z.preprocess(
        asList,
        z.array(z.enum(values as [string, ...string[]], { error: "apply.errors.choice" })).max(values.length, "apply.errors.choice"),
      );
    case "file":
      return z.undefined().optional();
  }
}

/** The schema of one step's answers (files are checked apart, by content). */
export function stepSchema(questions: Question[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const q of questions) if (q.kind !== "file") shape[fieldName(q)] = answerSchema(q);
  return z.object(shape);
}

export type StepErrors = Record<string, string>;

/** Parse one step's posted answers; errors are i18n keys per field (first one wins). */
export function parseStep(input: Record<string, unknown>, questions: Question[]) {
  const result = stepSchema(questions).safeParse(input);
  if (result.success) return { ok: true as const, data: result.data as Record<string, AnswerValue | undefined> };
  const errors: StepErrors = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message.includes(".") ? issue.message : "validation.required";
  return { ok: false as const, errors };
}

export const StartSchema = z.object({
  startupId: uuid,
  trackId: z.preprocess(blankToUndefined, uuid.optional()),
});

export const SubmitSchema = z.object({ submitKey: uuid });

export const OfferSchema = z.object({ intent: z.enum(["confirm", "decline", "withdraw"]) });

/** A pitch deck is a PDF by its bytes, not its name, and at most 10 MB. */
export function checkDeck(bytes: Uint8Array): "apply.errors.deckNotPdf" | "apply.errors.deckTooBig" | "apply.errors.deckEmpty" | null {
  if (bytes.length === 0) return "apply.errors.deckEmpty";
  if (bytes.length > DECK_MAX_BYTES) return "apply.errors.deckTooBig";
  const magic = String.fromCharCode(...bytes.subarray(0, 5));
  return magic === "%PDF-" ? null : "apply.errors.deckNotPdf";
}
