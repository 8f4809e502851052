import { z } from "zod";
import { QUESTION_KINDS, type QuestionKind } from "./question-kinds";
import { localDateTime as localDateTimeField } from "~/platform/local-datetime";
import { uuid } from "~/platform/ids";

// The forms of an event's ticket set-up: ticket types (and their codes), quotas, and the questions
// each attendee answers. Messages are i18n keys; the module re-checks what needs the database
// (that quotas and ticket types belong to the event, that a window ends after it starts).

const text = (max: number) => z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");
const optionalText = (max: number) => z.preprocess((v) => v ?? "", z.string({ error: "validation.required" }).trim().max(max, "validation.tooLong"));
const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());
const int = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: message }).regex(/^\d{1,7}$/, message).transform(Number).pipe(z.number().int().min(min, message).max(max, message)),
  );
/** Repeated checkboxes: none, one or several values. */
const ids = z.preprocess((v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(uuid).max(50, "validation.tooLong"));

/** Whole đồng, with or without group separators ("1.500.000", "1,500,000", "1 500 000"); no decimals. */
export const MAX_PRICE_VND = 1_000_000_000;
const price = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string({ error: "events.ticketSetup.errors.price" })
    .regex(/^(\d{1,10}|\d{1,3}([.,\s]\d{3}){1,3})$/, "events.ticketSetup.errors.price")
    .transform((v) => Number(v.replace(/[.,\s]/g, "")))
    .pipe(z.number().max(MAX_PRICE_VND, "events.ticketSetup.errors.priceMax")),
);

const localDateTime = localDateTimeField("events.ticketSetup.errors.dateTime", "validation.required");

export const TicketTypeSchema = z
  .object({
    id: uuid.optional(),
    nameVi: text(200),
    nameEn: text(200),
    descriptionVi: optionalText(2000),
    descriptionEn: optionalText(2000),
    priceVnd: price,
    salesStart: localDateTime,
    salesEnd: localDateTime,
    hidden: checkbox,
    minPerOrder: int(1, 50, "events.ticketSetup.errors.perOrder"),
    maxPerOrder: int(1, 50, "events.ticketSetup.errors.perOrder"),
    position: int(0, 1000, "events.ticketSetup.errors.position"),
    quotas: ids,
  })
  .superRefine((v, ctx) => {
    if (v.maxPerOrder < v.minPerOrder) ctx.addIssue({ code: "custom", path: ["maxPerOrder"], message: "events.ticketSetup.errors.maxBelowMin" });
    if (v.salesEnd <= v.salesStart) ctx.addIssue({ code: "custom", path: ["salesEnd"], message: "events.ticketSetup.errors.window" });
  });
export type TicketTypeInput = z.output<typeof TicketTypeSchema>;

export const TargetSchema = z.object({ id: uuid });
export const CodeSchema = z.object({
  id: uuid,
  code: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .regex(/^[A-Za-z0-9_-]{4,40}$/, "events.ticketSetup.errors.code"),
});
export const RemoveCodeSchema = z.object({ id: uuid, code: z.string({ error: "validation.required" }).max(40, "validation.tooLong") });

export const QuotaSchema = z.object({
  id: uuid.optional(),
  name: text(200),
  size: int(0, 1_000_000, "events.ticketSetup.errors.size"),
});
export type QuotaInput = z.output<typeof QuotaSchema>;

export { QUESTION_KINDS, type QuestionKind };

export const QuestionSchema = z
  .object({
    id: uuid.optional(),
    labelVi: text(300),
    labelEn: text(300),
    helpVi: optionalText(1000),
    helpEn: optionalText(1000),
    kind: z.enum(QUESTION_KINDS, { error: "events.ticketSetup.errors.kind" }),
    // one option a line; only a choice has them
    options: optionalText(6000).transform((v) => [...new Set(v.split(/\r?\n/).map((o) => o.trim()).filter(Boolean))]),
    required: checkbox,
    ticketTypes: ids,
    position: int(0, 1000, "events.ticketSetup.errors.position"),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "choice") return;
    if (v.options.length < 2 || v.options.length > 30) ctx.addIssue({ code: "custom", path: ["options"], message: "events.ticketSetup.errors.options" });
    else if (v.options.some((o) => o.length > 200)) ctx.addIssue({ code: "custom", path: ["options"], message: "events.ticketSetup.errors.optionLong" });
  })
  .transform((v) => ({ ...v, options: v.kind === "choice" ? v.options : [] }));
export type QuestionInput = z.output<typeof QuestionSchema>;
