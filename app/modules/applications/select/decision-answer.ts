import type { DecideOutcome, Warning } from "./decisions.server";

/** What a refused decision tells the form: the field to mark, and which applications carry which warnings. */
export type DecideRefusal = { errors: Record<string, string>; warned: { code: string; warnings: Warning[] }[] };

/** The refusal to show for an outcome, or null when the decision was saved. */
export function decideRefusal(outcome: DecideOutcome): DecideRefusal | null {
  if (outcome.kind === "warnings") return { errors: { confirmWarnings: "select.warnings.refusedError" }, warned: outcome.applications };
  if (outcome.kind === "deadline") return { errors: { deadline: `select.deadline.${outcome.error}Error` }, warned: [] };
  return null;
}

/** The offers' deadline is the end of the chosen day in the call's zone; at most this many days ahead. */
export const MAX_OFFER_DAYS = 180;

// One formatter per zone: building an Intl.DateTimeFormat costs more than a page's use of it.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const dayIn = (at: Date, timeZone: string) => {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    if (dayFormats.size > 100) dayFormats.clear();
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
};
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The deadline field: today + the call's offer days in the call's zone, between today and the maximum. */
export function deadlineField(timeZone: string, offerDays: number, now = new Date()) {
  const today = dayIn(now, timeZone);
  return { value: plusDays(today, offerDays), min: today, max: plusDays(today, MAX_OFFER_DAYS - 1) };
}
