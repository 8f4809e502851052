import { z } from "zod";
import { LANGUAGE_CODES } from "./languages";
import { isTimeZone } from "~/platform/i18n/format";
import { STAGES } from "../match/score";

// The mentor's profile form and the manager's approval forms. Messages are i18n keys.

/** A checkbox group: one ticked box arrives as a string, none as nothing. */
export const many = <T extends z.ZodType>(item: T, max: number, min = 0, message = "validation.required") =>
  z.preprocess((v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item).min(min, message).max(max, "mentoring.profiles.errors.tooMany"));

const tag = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "mentoring.profiles.errors.expertise");
export { LANGUAGE_CODES };
const language = z.enum(LANGUAGE_CODES, { error: "mentoring.profiles.errors.languages" });
const count = (min: number, max: number, message: string) =>
  z.coerce.number({ error: message }).refine((n) => Number.isFinite(n) && n >= min && n <= max, message);

export const MentorProfileSchema = z.object({
  bio: z.string().trim().max(2000, "validation.tooLong").default(""),
  orgId: z.string().max(64).default(""),
  expertise: many(tag, 20, 1, "mentoring.profiles.errors.expertise"),
  sectors: z
    .string()
    .max(800, "validation.tooLong")
    .default("")
    .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
    .refine((l) => l.length <= 20 && l.every((x) => x.length <= 40), "mentoring.profiles.errors.sectors"),
  languages: many(language, 8, 1, "mentoring.profiles.errors.languages"),
  stages: many(z.enum(STAGES, { error: "mentoring.profiles.errors.stage" }), 5),
  timeZone: z.string({ error: "validation.timeZone" }).max(64, "validation.timeZone").refine(isTimeZone, "validation.timeZone"),
  maxStartups: count(0, 50, "mentoring.profiles.errors.maxStartups").transform(Math.round),
  hoursPerMonth: count(0, 200, "mentoring.profiles.errors.hoursPerMonth").transform((n) => Math.round(n * 10) / 10),
});
export type MentorProfileInput = z.infer<typeof MentorProfileSchema>;

const id = z.uuid({ error: "validation.required" });
const email = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(254, "validation.tooLong")
  .pipe(z.email("validation.email"))
  .transform((v) => v.toLowerCase());

export const ProgrammeMentorsIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), mentorId: id }),
  z.object({ intent: z.literal("withdraw"), mentorId: id }),
  z.object({ intent: z.literal("invite"), email }),
  z.object({
    intent: z.literal("mode"),
    matchMode: z.enum(["manager", "requests", "cohort"], { error: "mentoring.profiles.errors.mode" }),
    requestDays: count(1, 60, "mentoring.profiles.errors.requestDays").transform(Math.round),
  }),
]);
