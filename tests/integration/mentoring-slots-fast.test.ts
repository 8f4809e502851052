import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { dateText, dayNumber, freeSlots, freeStarts, mondayOfDay, weekdayOf, type Busy, type DateOverride, type SlotRules, type WeeklyRule } from "~/modules/mentoring/availability/slots";
import { mondayOf } from "~/modules/mentoring/booking/week.server";

// The slots' calendar arithmetic in day numbers (decision 008, tenth pass) against the Temporal
// version it replaced, kept here as the reference: the same slots for random rules, overrides,
// sessions, windows and zones (daylight saving included), and the same Monday of a week.

const MINUTE = 60_000;
function referenceSlots(rules: SlotRules, weekly: readonly WeeklyRule[], overrides: readonly DateOverride[], busy: readonly Busy[], window: { from: Date; until: Date; now: Date }) {
  const instant = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime());
  const hoursOf = (date: Temporal.PlainDate) => {
    const own = overrides.filter((o) => o.date === date.toString());
    if (own.some((o) => o.starts === null || o.ends === null)) return [];
    if (own.length > 0) return own.map((o) => ({ starts: o.starts!, ends: o.ends! }));
    return weekly.filter((r) => r.weekday === date.dayOfWeek);
  };
  const weekOf = (date: Temporal.PlainDate) => date.subtract({ days: date.dayOfWeek - 1 }).toString();
  const zone = rules.timeZone;
  const now = window.now.getTime();
  const first = Math.max(window.from.getTime(), now + rules.minNoticeMinutes * MINUTE);
  const last = Math.min(window.until.getTime() - 1, now + rules.horizonDays * 24 * 60 * MINUTE);
  if (first > last) return [];
  const [length, step] = [rules.slotMinutes * MINUTE, rules.stepMinutes * MINUTE];
  const [before, after] = [rules.bufferBeforeMinutes * MINUTE, rules.bufferAfterMinutes * MINUTE];
  const blocked = busy.map((b) => [b.blockedFrom.getTime(), b.blockedUntil.getTime()] as const);
  const perWeek = new Map<string, number>();
  for (const b of busy) {
    if (b.officeHours) continue;
    const week = weekOf(instant(b.startsAt).toZonedDateTimeISO(zone).toPlainDate());
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  const slots = new Map<number, number>();
  const lastDay = instant(new Date(last)).toZonedDateTimeISO(zone).toPlainDate().add({ days: 1 });
  for (let day = instant(new Date(first)).toZonedDateTimeISO(zone).toPlainDate().subtract({ days: 1 }); Temporal.PlainDate.compare(day, lastDay) <= 0; day = day.add({ days: 1 })) {
    if ((perWeek.get(weekOf(day)) ?? 0) >= rules.weeklyCap) continue;
    for (const interval of hoursOf(day)) {
      const open = day.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(interval.starts) }).epochMilliseconds;
      const close = day.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(interval.ends) }).epochMilliseconds;
      for (let start = open; start + length <= close; start += step) {
        if (start < first || start > last) continue;
        if (blocked.some(([f, u]) => start - before < u && f < start + length + after)) continue;
        slots.set(start, start);
      }
    }
  }
  return [...slots.values()].sort((a, b) => a - b);
}

function referenceMonday(param: string | null, zone: string, now: Date) {
  let date: Temporal.PlainDate;
  try {
    date = param && /^\d{4}-\d{2}-\d{2}$/.test(param) ? Temporal.PlainDate.from(param) : Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone).toPlainDate();
  } catch {
    date = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone).toPlainDate();
  }
  return date.subtract({ days: date.dayOfWeek - 1 }).toString();
}

const ZONES = ["Europe/Amsterdam", "Asia/Ho_Chi_Minh", "Asia/Kolkata", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Pacific/Chatham", "UTC"];
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
const interval = fc.tuple(time, time).filter(([a, b]) => a < b);
const START = Date.UTC(2026, 0, 1);
const instantMs = fc.integer({ min: START - 400 * 86_400_000, max: START + 800 * 86_400_000 }).map((ms) => Math.floor(ms / MINUTE) * MINUTE);

describe("the slots' day numbers", () => {
  it("write, number and weekday dates as Temporal does", () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 2_900_000 }), (day) => {
        const date = Temporal.PlainDate.from("1970-01-01").add({ days: day });
        expect(dateText(day)).toBe(date.toString());
        expect(dayNumber(date.year, date.month, date.day)).toBe(day);
        expect(weekdayOf(day)).toBe(date.dayOfWeek);
        expect(dateText(mondayOfDay(day))).toBe(date.subtract({ days: date.dayOfWeek - 1 }).toString());
      }),
      { numRuns: 500 },
    );
  });

  it("give the same free slots as the Temporal version", () => {
    fc.assert(
      fc.property(
        fc.record({
          zone: fc.constantFrom(...ZONES),
          slotMinutes: fc.constantFrom(15, 30, 45, 60, 90),
          stepMinutes: fc.constantFrom(15, 30, 60),
          before: fc.constantFrom(0, 10, 30),
          after: fc.constantFrom(0, 15),
          notice: fc.constantFrom(0, 60, 24 * 60),
          horizon: fc.integer({ min: 1, max: 400 }),
          cap: fc.integer({ min: 0, max: 4 }),
          weekly: fc.array(fc.tuple(fc.integer({ min: 1, max: 7 }), interval), { maxLength: 6 }),
          overrides: fc.array(fc.tuple(fc.integer({ min: -10, max: 40 }), fc.option(interval)), { maxLength: 5 }),
          busy: fc.array(fc.tuple(fc.integer({ min: -20 * 24 * 60, max: 40 * 24 * 60 }), fc.integer({ min: 15, max: 240 }), fc.boolean()), { maxLength: 12 }),
          now: instantMs,
          from: fc.integer({ min: -3 * 24 * 60, max: 30 * 24 * 60 }),
          days: fc.integer({ min: 0, max: 21 }),
        }),
        (c) => {
          const rules: SlotRules = {
            timeZone: c.zone,
            slotMinutes: c.slotMinutes,
            stepMinutes: c.stepMinutes,
            bufferBeforeMinutes: c.before,
            bufferAfterMinutes: c.after,
            minNoticeMinutes: c.notice,
            horizonDays: c.horizon,
            weeklyCap: c.cap,
          };
          const from = new Date(c.now + c.from * MINUTE);
          const until = new Date(from.getTime() + c.days * 86_400_000 + 7 * 60 * MINUTE);
          const base = Temporal.Instant.fromEpochMilliseconds(from.getTime()).toZonedDateTimeISO(c.zone).toPlainDate();
          const weekly = c.weekly.map(([weekday, [starts, ends]]) => ({ weekday, starts, ends }));
          const overrides = c.overrides.map(([offset, hours]) => ({ date: base.add({ days: offset }).toString(), starts: hours?.[0] ?? null, ends: hours?.[1] ?? null }));
          const busy = c.busy.map(([at, minutes, officeHours]) => {
            const startsAt = new Date(from.getTime() + at * MINUTE);
            return { startsAt, blockedFrom: new Date(startsAt.getTime() - 10 * MINUTE), blockedUntil: new Date(startsAt.getTime() + minutes * MINUTE), officeHours };
          });
          const window = { from, until, now: new Date(c.now) };
          const expected = referenceSlots(rules, weekly, overrides, busy, window);
          expect(freeStarts(rules, weekly, overrides, busy, window)).toEqual(expected);
          expect(freeSlots(rules, weekly, overrides, busy, window).map((s) => [s.start.epochMilliseconds, s.end.epochMilliseconds])).toEqual(
            expected.map((s) => [s, s + c.slotMinutes * MINUTE]),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it("find the same Monday as the Temporal version", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        instantMs,
        fc.oneof(fc.constant(null), fc.constant("2026-02-30"), fc.constant("0000-01-03"), fc.constant("bad"), fc.integer({ min: 0, max: 3_000_000 }).map((d) => dateText(d - 719_528))),
        (zone, now, param) => {
          expect(mondayOf(param, zone, new Date(now)).toString()).toBe(referenceMonday(param, zone, new Date(now)));
        },
      ),
      { numRuns: 400 },
    );
  });
});
