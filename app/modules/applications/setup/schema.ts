import { z } from "zod";
import { isLocalDateTime, localDateTime as localDateTimeField } from "~/platform/local-datetime";
import { uuid } from "~/platform/ids";
import { SLUG_MAX, slugify } from "~/platform/slug";

// The manager's set-up forms: programme, call, track, question, criterion. One schema per form,
// used by react-hook-form in the browser and re-checked on the server (the authority). Messages
// are i18n keys. Inputs arrive as strings from forms; the preprocessors accept both shapes.

import { BLIND_FIELDS, CHOICE_KINDS, MAX_OPTIONS, QUESTION_KINDS, Z_MIN_REVIEWS_DEFAULT } from "./choices";
export { BLIND_FIELDS, CHOICE_KINDS, MAX_OPTIONS, QUESTION_KINDS, Z_MIN_REVIEWS_DEFAULT };

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : typeof v === "string" ? v.trim() : v);

const optionalText = (max: number) =>
  z.preprocess((v) => (v == null ? "" : v), z.string({ error: "validation.required" }).trim().max(max, "validation.tooLong"));
const SLUG = new RegExp(`^[a-z0-9][a-z0-9-]{1,${SLUG_MAX - 1}}$`);
/** An address as typed; left empty, it is made from the title (see `withSlug`). */
const slug = z.preprocess(
  (v) => (v == null || (typeof v === "string" && v.trim() === "") ? undefined : v),
  z.string({ error: "setup.errors.slug" }).trim().toLowerCase().regex(SLUG, "setup.errors.slug").optional(),
);

/**
 * A label in two languages of which one may be left empty: it then reads as the other, and both
 * columns hold text, so every reader keeps working. An error on both fields only when both are empty.
 */
function eitherLanguage<Vi extends string, En extends string>(vi: Vi, en: En) {
  type Pair = { [K in Vi | En]: string };
  return {
    check(v: Pair, ctx: z.RefinementCtx): void {
      if (typeof v[vi] === "string" && typeof v[en] === "string" && !v[vi] && !v[en])
        for (const path of [vi, en]) ctx.addIssue({ code: "custom", path: [path], message: "setup.errors.oneLanguage" });
    },
    fill: <V extends Pair>(v: V): V => ({ ...v, [vi]: v[vi] || v[en], [en]: v[en] || v[vi] }),
  };
}
const names = eitherLanguage("nameVi", "nameEn");
const titles = eitherLanguage("titleVi", "titleEn");
const labels = eitherLanguage("labelVi", "labelEn");
// Optional texts: may be empty in both; given in one language, the other reads the same.
const descriptions = eitherLanguage("descriptionVi", "descriptionEn");
const helps = eitherLanguage("helpVi", "helpEn");

/** The address typed, or else one made from the English title (or the Vietnamese one). */
const addressOf = (typed: string | undefined, en: string, vi: string) => typed ?? slugify(en || vi);

/** A form with a `slug` and a title in two languages: an empty slug is made from the title. */
function withSlug<T extends { slug?: string | undefined }>(titles: (v: T) => [en: string, vi: string]) {
  return {
    check(v: T, ctx: z.RefinementCtx): void {
      const [en, vi] = titles(v);
      // No title at all already has its own error; a title without Latin letters asks for a slug.
      if (v.slug === undefined && (en || vi) && !SLUG.test(addressOf(undefined, en, vi)))
        ctx.addIssue({ code: "custom", path: ["slug"], message: "setup.errors.slugFromTitle" });
    },
    fill: <V extends T>(v: V): V & { slug: string } => ({ ...v, slug: addressOf(v.slug, ...titles(v)) }),
  };
}
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const int = (min: number, max: number, message: string) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: "validation.required" }).int(message).min(min, message).max(max, message));
const optionalNumber = (message: string) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: message }).refine(Number.isFinite, message).optional());
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v == null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** Repeated rows (options, levels): holes left by a sparse form become empty rows. */
const rows = (v: unknown) => (Array.isArray(v) ? Array.from(v, (row: unknown) => row ?? {}) : []);

const localDateTime = localDateTimeField("setup.errors.dateTime", "validation.required");

const ProgrammeFields = z.object({
  slug,
  nameVi: optionalText(200),
  nameEn: optionalText(200),
  descriptionVi: optionalText(8000),
  descriptionEn: optionalText(8000),
});
const programmeSlug = withSlug((p: z.output<typeof ProgrammeFields>) => [p.nameEn, p.nameVi]);
export const ProgrammeEditSchema = ProgrammeFields.superRefine(names.check)
  .superRefine(programmeSlug.check)
  .transform((p) => programmeSlug.fill(descriptions.fill(names.fill(p))));
export const ProgrammeSchema = ProgrammeFields.extend({ orgId: uuid })
  .superRefine(names.check)
  .superRefine(programmeSlug.check)
  .transform((p) => programmeSlug.fill(descriptions.fill(names.fill(p))));

const optionalLocalDateTime = z.preprocess(blankToUndefined, localDateTime.optional());

const callSlug = withSlug((c: { slug?: string | undefined; titleEn: string; titleVi: string }) => [c.titleEn, c.titleVi]);
export const CallSchema = z
  .object({
    slug,
    titleVi: optionalText(200),
    titleEn: optionalText(200),
    descriptionVi: optionalText(8000),
    descriptionEn: optionalText(8000),
    opensAt: localDateTime,
    closesAt: localDateTime,
    published: checkbox,
    reviewsPerApplication: int(1, 20, "setup.errors.reviewsPerApplication"),
    // left empty (or sent by an older form): the default, 3 (see decisions/thin-reviews.md)
    zMinReviews: z.preprocess((v) => blankToUndefined(v) ?? Z_MIN_REVIEWS_DEFAULT, int(1, 50, "setup.errors.zMinReviews")),
    shortlistThreshold: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: "setup.errors.threshold" }).min(0, "setup.errors.threshold").max(100, "setup.errors.threshold").optional(),
    ),
    offerDays: int(1, 90, "setup.errors.offerDays"),
    reviewDueAt: optionalLocalDateTime,
    blindFields: list(z.enum(BLIND_FIELDS, { error: "validation.required" })),
  })
  .refine((c) => !isLocalDateTime(c.opensAt) || !isLocalDateTime(c.closesAt) || c.closesAt > c.opensAt, {
    path: ["closesAt"],
    message: "setup.errors.closesBeforeOpens",
  })
  .refine((c) => !c.reviewDueAt || !isLocalDateTime(c.opensAt) || c.reviewDueAt > c.opensAt, {
    path: ["reviewDueAt"],
    message: "setup.errors.reviewDueBeforeOpens",
  })
  .superRefine(titles.check)
  .superRefine(callSlug.check)
  .transform((c) => callSlug.fill(descriptions.fill(titles.fill(c))));

export const TrackSchema = z.object({ nameVi: optionalText(200), nameEn: optionalText(200) }).superRefine(names.check).transform(names.fill);
/** A step's title; given in one language it reads the same in the other; empty in both, the step is unnamed. */
export const StepTitleSchema = z
  .object({ step: int(1, 10, "setup.errors.step"), titleVi: optionalText(100), titleEn: optionalText(100) })
  .transform((s) => ({ step: s.step, vi: s.titleVi || s.titleEn, en: s.titleEn || s.titleVi }));
export const IdSchema = z.object({ id: uuid });
export const MoveSchema = z.object({ id: uuid, direction: z.enum(["up", "down"], { error: "validation.required" }) });

const OptionRow = z.object({
  value: optionalText(63),
  vi: optionalText(200),
  en: optionalText(200),
  eligible: checkbox,
});

export const QuestionSchema = z
  .object({
    step: int(1, 10, "setup.errors.step"),
    kind: z.enum(QUESTION_KINDS, { error: "setup.errors.kind" }),
    labelVi: optionalText(500),
    labelEn: optionalText(500),
    helpVi: optionalText(2000),
    helpEn: optionalText(2000),
    required: checkbox,
    blind: checkbox,
    maxLength: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: "setup.errors.maxLength" }).int("setup.errors.maxLength").min(1, "setup.errors.maxLength").max(20000, "setup.errors.maxLength").optional(),
    ),
    minNumber: optionalNumber("setup.errors.number"),
    maxNumber: optionalNumber("setup.errors.number"),
    eligibleMin: optionalNumber("setup.errors.number"),
    options: z.preprocess(rows, z.array(OptionRow).max(MAX_OPTIONS, "setup.errors.tooManyOptions")),
  })
  .superRefine(labels.check)
  .superRefine((q, ctx) => {
    const isChoice = (CHOICE_KINDS as readonly string[]).includes(q.kind);
    const rows = q.options.map((o, i) => ({ ...o, i })).filter((o) => o.value || o.vi || o.en);
    if (isChoice) {
      if (rows.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "setup.errors.optionsRequired" });
      const seen = new Set<string>();
      for (const o of rows) {
        if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(o.value))
          ctx.addIssue({ code: "custom", path: ["options", o.i, "value"], message: o.value ? "setup.errors.optionValue" : "validation.required" });
        else if (seen.has(o.value)) ctx.addIssue({ code: "custom", path: ["options", o.i, "value"], message: "setup.errors.optionDuplicate" });
        seen.add(o.value);
        // a choice's text in one language reads the same in the other (filled below)
        if (!o.vi && !o.en)
          for (const lang of ["vi", "en"]) ctx.addIssue({ code: "custom", path: ["options", o.i, lang], message: "setup.errors.oneLanguage" });
      }
      if (q.kind === "multi_choice" && rows.some((o) => o.eligible))
        ctx.addIssue({ code: "custom", path: ["options"], message: "setup.errors.eligibilityChoiceOnly" });
    }
    if (q.minNumber !== undefined && q.maxNumber !== undefined && q.minNumber > q.maxNumber)
      ctx.addIssue({ code: "custom", path: ["maxNumber"], message: "setup.errors.minAboveMax" });
  })
  .transform(labels.fill)
  .transform(helps.fill)
  .transform((q) => {
    const isChoice = (CHOICE_KINDS as readonly string[]).includes(q.kind);
    const options = isChoice ? q.options.filter((o) => o.value || o.vi || o.en) : [];
    const eligible = options.filter((o) => o.eligible).map((o) => o.value);
    return {
      step: q.step,
      kind: q.kind,
      labelVi: q.labelVi,
      labelEn: q.labelEn,
      helpVi: q.helpVi,
      helpEn: q.helpEn,
      required: q.required,
      blind: q.blind,
      options: options.map(({ value, vi, en }) => ({ value, vi: vi || en, en: en || vi })),
      maxLength: ["text", "long_text", "link"].includes(q.kind) ? (q.maxLength ?? null) : null,
      minNumber: q.kind === "number" ? (q.minNumber ?? null) : null,
      maxNumber: q.kind === "number" ? (q.maxNumber ?? null) : null,
      // The screening rule the database applies on submit: one of these values, or at least this number.
      eligibilityValues:
        q.kind === "choice" && eligible.length > 0 ? eligible : q.kind === "number" && q.eligibleMin !== undefined ? [String(q.eligibleMin)] : null,
    };
  });

const LevelRow = z.object({ vi: optionalText(1000), en: optionalText(1000) });

export const CriterionSchema = z
  .object({
    nameVi: optionalText(200),
    nameEn: optionalText(200),
    descriptionVi: optionalText(2000),
    descriptionEn: optionalText(2000),
    weight: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: "setup.errors.weight" }).refine(Number.isFinite, "setup.errors.weight").gt(0, "setup.errors.weight").max(100, "setup.errors.weight"),
    ),
    maxLevel: int(2, 10, "setup.errors.maxLevel"),
    commentRequired: checkbox,
    levels: z.preprocess(rows, z.array(LevelRow).max(10)),
  })
  .superRefine(names.check)
  .transform((c) => ({
    ...descriptions.fill(names.fill(c)),
    levels: c.levels
      .slice(0, c.maxLevel)
      // a level described in one language reads the same in the other; described in neither, it has no description
      .map((l, i) => ({ level: i + 1, vi: l.vi || l.en, en: l.en || l.vi }))
      .filter((l) => l.vi),
  }));

export type ProgrammeInput = z.output<typeof ProgrammeSchema>;
export type CallInput = z.output<typeof CallSchema>;
export type QuestionInput = z.output<typeof QuestionSchema>;
export type CriterionInput = z.output<typeof CriterionSchema>;
