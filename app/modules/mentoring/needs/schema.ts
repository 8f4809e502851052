import { z } from "zod";
import { STAGES } from "../match/score";
import { LANGUAGE_CODES, many } from "../profiles/schema";

// What a startup wants from mentoring, as its founders say it. Messages are i18n keys.
export const NeedsSchema = z.object({
  expertise: many(z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "mentoring.needs.errors.expertise"), 20, 1, "mentoring.needs.errors.expertise"),
  languages: many(z.enum(LANGUAGE_CODES, { error: "mentoring.needs.errors.languages" }), 8, 1, "mentoring.needs.errors.languages"),
  sector: z.string().trim().max(80, "validation.tooLong").default(""),
  stage: z.enum(STAGES, { error: "mentoring.needs.errors.stage" }),
  note: z.string().trim().max(2000, "validation.tooLong").default(""),
});
export type NeedsInput = z.infer<typeof NeedsSchema>;
