import { z } from "zod";

// The startup profile form and the co-founder invitation form (browser and action alike).
import { LOGO_MAX_BYTES, STAGES } from "./choices";
export { LOGO_MAX_BYTES, STAGES };

const text = (max: number) => z.string().trim().max(max, "validation.tooLong").default("");

export const StartupSchema = z.object({
  name: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(200, "validation.tooLong"),
  sector: text(80),
  stage: z.enum(STAGES, { error: "validation.required" }),
  website: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .max(500, "validation.tooLong")
      .refine((v) => {
        try {
          const u = new URL(v);
          return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
        } catch {
          return false;
        }
      }, "apply.errors.link")
      .optional(),
  ),
  descriptionVi: text(4000),
  descriptionEn: text(4000),
});

// (the form's hidden "intent" field is read by the action, not part of what the person fills in)
export const CofounderInviteSchema = z.object({
  email: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(254, "validation.tooLong")
    .pipe(z.email("validation.email"))
    .transform((v) => v.toLowerCase()),
});

export type StartupInput = z.infer<typeof StartupSchema>;

// A founder names the organisation the startup comes from ("" for none).
export const AffiliationSchema = z.object({
  orgId: z.union([z.literal(""), z.guid("validation.required")]).default("").transform((v) => v || null),
});

// A manager of that organisation confirms or declines it.
export const AffiliationDecisionSchema = z.object({
  startupId: z.guid("errors.notFound"),
  decision: z.enum(["confirm", "decline"]),
});
