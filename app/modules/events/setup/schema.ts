import { z } from "zod";
import { localDateTime as localDateTimeField } from "~/platform/local-datetime";
import { isTimeZone } from "~/platform/i18n/format";
import { uuid } from "~/platform/ids";
import { SLUG_MAX, slugify } from "~/platform/slug";
import { daysBetween } from "./time";

// The organisers' forms: an event's details, a speaker, a session. One schema per form, used by
// react-hook-form in the browser and re-checked by the action (the authority). Messages are i18n
// keys. A text in two languages may be given in one: the other column then holds the same text
// (as applications' set-up does), so every reader keeps working.

import { COVER_MAX_BYTES, EVENT_KINDS, MAX_EVENT_DAYS, MAX_SESSION_SPEAKERS } from "./choices";
export { COVER_MAX_BYTES, EVENT_KINDS, MAX_EVENT_DAYS, MAX_SESSION_SPEAKERS };

const text = (max: number) => z.preprocess((v) => (v == null ? "" : v), z.string({ error: "validation.required" }).trim().max(max, "validation.tooLong"));
const blank = (v: unknown) => (v == null || (typeof v === "string" && v.trim() === "") ? undefined : v);

const SLUG = new RegExp(`^[a-z0-9][a-z0-9-]{1,${SLUG_MAX - 1}}$`);
const slug = z.preprocess(blank, z.string({ error: "events.setup.errors.slug" }).trim().toLowerCase().regex(SLUG, "events.setup.errors.slug").optional());

/** Both empty is the only mistake; one given fills the other. */
function eitherLanguage<Vi extends string, En extends string>(vi: Vi, en: En, required: boolean) {
  type Pair = { [K in Vi | En]: string };
  return {
    check(v: Pair, ctx: z.RefinementCtx): void {
      if (required && !v[vi] && !v[en]) for (const path of [vi, en]) ctx.addIssue({ code: "custom", path: [path], message: "events.setup.errors.oneLanguage" });
    },
    fill: <V extends Pair>(v: V): V => ({ ...v, [vi]: v[vi] || v[en], [en]: v[en] || v[vi] }),
  };
}

const localDateTime = localDateTimeField("events.setup.errors.dateTime");

const int = (min: number, max: number, message: string) =>
  z.preprocess(blank, z.coerce.number({ error: message }).int(message).min(min, message).max(max, message));
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

// The database's own rule for cover_url: an https address of up to 500 characters, nothing that breaks out of an attribute.
const COVER_URL = /^https:\/\/[^\s<>"]{1,492}$/;

const EventFields = z.object({
  slug,
  kind: z.enum(EVENT_KINDS, { error: "events.setup.errors.kind" }),
  titleVi: text(200),
  titleEn: text(200),
  summaryVi: text(4000),
  summaryEn: text(4000),
  descriptionVi: text(20000),
  descriptionEn: text(20000),
  timeZone: z.string({ error: "validation.timeZone" }).max(64, "validation.timeZone").refine(isTimeZone, "validation.timeZone"),
  startsAt: localDateTime,
  endsAt: localDateTime,
  venueKind: z.enum(["address", "space"], { error: "events.setup.errors.venueKind" }),
  venue: text(300),
  spaceId: z.preprocess(blank, uuid.optional()),
  coverUrl: z.preprocess(blank, z.string({ error: "events.setup.errors.coverUrl" }).trim().regex(COVER_URL, "events.setup.errors.coverUrl").optional()),
  removeCover: checkbox,
  // empty: attendees cannot cancel themselves
  cancelHours: z.preprocess(blank, z.coerce.number({ error: "events.setup.errors.cancelHours" }).int("events.setup.errors.cancelHours").min(0, "events.setup.errors.cancelHours").max(8760, "events.setup.errors.cancelHours").optional()),
  offerHours: int(1, 336, "events.setup.errors.offerHours"),
});
type EventFieldValues = z.output<typeof EventFields>;

const titles = eitherLanguage("titleVi", "titleEn", true);
const summaries = eitherLanguage("summaryVi", "summaryEn", false);
const descriptions = eitherLanguage("descriptionVi", "descriptionEn", false);
const addressOf = (e: { slug?: string | undefined; titleEn: string; titleVi: string }) => e.slug ?? slugify(e.titleEn || e.titleVi);

function checkEvent(e: EventFieldValues, ctx: z.RefinementCtx) {
  titles.check(e, ctx);
  if (e.slug === undefined && (e.titleEn || e.titleVi) && !SLUG.test(addressOf(e)))
    ctx.addIssue({ code: "custom", path: ["slug"], message: "events.setup.errors.slugFromTitle" });
  if (e.endsAt <= e.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "events.setup.errors.endsBeforeStart" });
  else if (daysBetween(e.startsAt, e.endsAt) >= MAX_EVENT_DAYS) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "events.setup.errors.tooManyDays" });
  if (e.venueKind === "space" && !e.spaceId) ctx.addIssue({ code: "custom", path: ["spaceId"], message: "events.setup.errors.space" });
}
const fillEvent = (e: EventFieldValues) => {
  const filled = descriptions.fill(summaries.fill(titles.fill(e)));
  return { ...filled, slug: addressOf(filled), venue: e.venueKind === "address" ? e.venue : "", spaceId: e.venueKind === "space" ? (e.spaceId ?? null) : null };
};

export const EventSchema = EventFields.superRefine(checkEvent).transform(fillEvent);
export const NewEventSchema = EventFields.extend({ orgId: uuid }).superRefine(checkEvent).transform((e) => ({ ...fillEvent(e), orgId: e.orgId }));
export type EventInput = z.output<typeof EventSchema>;

/**
 * An event's fields as its form names them, each with the column that stores it: the details page
 * reads the form's values, and a post writes its row, through this one list.
 */
export const EVENT_COLUMNS = {
  slug: "slug",
  kind: "kind",
  titleVi: "title_vi",
  titleEn: "title_en",
  summaryVi: "summary_vi",
  summaryEn: "summary_en",
  descriptionVi: "description_vi",
  descriptionEn: "description_en",
  timeZone: "time_zone",
  startsAt: "starts_at",
  endsAt: "ends_at",
  venue: "venue",
  spaceId: "space_id",
  coverUrl: "cover_url",
  cancelHours: "cancel_hours",
  offerHours: "offer_hours",
} as const;
export type EventField = keyof typeof EVENT_COLUMNS;
export const EVENT_FIELDS = Object.keys(EVENT_COLUMNS) as EventField[];
/** The form's values of a stored event; times as wall-clock times of its zone. */
export type EventValues = Record<EventField, string | number | null>;

export const PublishSchema = z.object({ published: checkbox });

export const SpeakerSchema = z
  .object({ name: text(200).refine((v) => v.length > 0, "validation.required"), affiliation: text(200), bioVi: text(4000), bioEn: text(4000) })
  .transform(eitherLanguage("bioVi", "bioEn", false).fill);
export type SpeakerInput = z.output<typeof SpeakerSchema>;

const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));

const sessionTitles = eitherLanguage("titleVi", "titleEn", true);
export const SessionSchema = z
  .object({
    titleVi: text(200),
    titleEn: text(200),
    room: text(200),
    startsAt: localDateTime,
    endsAt: localDateTime,
    speakerIds: list(z.uuid({ error: "events.setup.errors.speaker" })).pipe(z.array(z.string()).max(MAX_SESSION_SPEAKERS, "events.setup.errors.speaker")),
  })
  .superRefine((s, ctx) => {
    sessionTitles.check(s, ctx);
    if (s.endsAt <= s.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "events.setup.errors.endsBeforeStart" });
  })
  .transform((s) => ({ ...sessionTitles.fill(s), speakerIds: [...new Set(s.speakerIds)] }));
export type SessionInput = z.output<typeof SessionSchema>;

export const IdSchema = z.object({ id: uuid });
export const MoveSchema = z.object({ id: uuid, direction: z.enum(["up", "down"], { error: "validation.required" }) });
