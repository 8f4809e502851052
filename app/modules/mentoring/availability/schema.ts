import { z } from "zod";
import { WEEKDAYS } from "./weekdays";
import { isTimeZone } from "~/platform/i18n/format";

// The mentor's availability form. Weekly hours are one text field per weekday ("09:00-12:00,
// 13:30-17:00"), date overrides one line each ("2026-12-24 off", "2026-12-31 09:00-11:00"): plain
// inputs a keyboard and a screen reader handle, parsed here into ranges the database stores.

export type Range = { starts: string; ends: string };
export type Override = { date: string; ranges: Range[] };

const TIME = /^([01]?\d|2[0-3])[:.h]([0-5]\d)$/;
const pad = (h: string, m: string) => `${h.padStart(2, "0")}:${m}`;

/** "09:00-12:00, 13:30-17:00" into sorted ranges, or null if a part is not a range or two overlap. */
export function parseRanges(text: string): Range[] | null {
  const parts = text.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  const ranges: Range[] = [];
  for (const part of parts) {
    const [a, b, ...rest] = part.split(/\s*[-–—]\s*/);
    const from = TIME.exec(a ?? "");
    const to = TIME.exec(b ?? "");
    if (!from || !to || rest.length > 0) return null;
    const range = { starts: pad(from[1]!, from[2]!), ends: pad(to[1]!, to[2]!) };
    if (range.ends <= range.starts) return null;
    ranges.push(range);
  }
  ranges.sort((x, y) => x.starts.localeCompare(y.starts));
  return ranges.every((r, i) => i === 0 || ranges[i - 1]!.ends <= r.starts) ? ranges : null;
}

export const formatRanges = (ranges: readonly Range[]) => ranges.map((r) => `${r.starts}-${r.ends}`).join(", ");

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const realDate = (d: string) => {
  const m = DATE.exec(d);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === d;
};

/** One override a line: a date, then "off" ("nghỉ") or ranges. Null at the first line that is neither. */
export function parseOverrides(text: string): Override[] | null {
  const out: Override[] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const [date, ...rest] = line.split(/\s+/);
    if (!date || !realDate(date) || out.some((o) => o.date === date)) return null;
    const tail = rest.join(" ").trim().toLowerCase();
    if (tail === "off" || tail === "nghỉ" || tail === "nghi") {
      out.push({ date, ranges: [] });
      continue;
    }
    const ranges = parseRanges(tail);
    if (!ranges || ranges.length === 0) return null;
    out.push({ date, ranges });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

export const formatOverrides = (overrides: readonly Override[]) =>
  overrides.map((o) => `${o.date} ${o.ranges.length === 0 ? "off" : formatRanges(o.ranges)}`).join("\n");

const whole = (min: number, max: number, key: string) =>
  z.coerce.number({ error: key }).int(key).min(min, key).max(max, key);

const ranges = z
  .string()
  .max(300, "validation.tooLong")
  .default("")
  .transform((v, ctx) => {
    const parsed = parseRanges(v);
    if (!parsed) ctx.addIssue({ code: "custom", message: "mentoring.availability.errors.ranges" });
    return parsed ?? [];
  });

export { WEEKDAYS };

export const AvailabilitySchema = z
  .object({
    timeZone: z.string({ error: "validation.timeZone" }).max(64, "validation.timeZone").refine(isTimeZone, "validation.timeZone"),
    slotMinutes: whole(15, 240, "mentoring.availability.errors.slotMinutes"),
    stepMinutes: whole(5, 240, "mentoring.availability.errors.stepMinutes"),
    bufferBeforeMinutes: whole(0, 120, "mentoring.availability.errors.buffer"),
    bufferAfterMinutes: whole(0, 120, "mentoring.availability.errors.buffer"),
    minNoticeHours: whole(0, 720, "mentoring.availability.errors.notice"),
    horizonDays: whole(1, 365, "mentoring.availability.errors.horizon"),
    weeklyCap: whole(0, 100, "mentoring.availability.errors.weeklyCap"),
    cancelCutoffHours: whole(0, 168, "mentoring.availability.errors.cutoff"),
    meetingDefault: z.string().trim().max(500, "validation.tooLong").default(""),
    day1: ranges,
    day2: ranges,
    day3: ranges,
    day4: ranges,
    day5: ranges,
    day6: ranges,
    day7: ranges,
    overrides: z
      .string()
      .max(5000, "validation.tooLong")
      .default("")
      .transform((v, ctx) => {
        const parsed = parseOverrides(v);
        if (!parsed) ctx.addIssue({ code: "custom", message: "mentoring.availability.errors.overrides" });
        return parsed ?? [];
      }),
  })
  .refine((v) => v.stepMinutes <= v.slotMinutes, { path: ["stepMinutes"], message: "mentoring.availability.errors.stepLonger" });

export type AvailabilityInput = z.output<typeof AvailabilitySchema>;
