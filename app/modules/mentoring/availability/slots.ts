import { Temporal } from "temporal-polyfill";

// A mentor's free slots, computed from wall-clock rules in the mentor's own time zone. Pure: the
// caller passes the rules, the sessions that already block time and the clock.
//
// Every step from a wall-clock time to an instant goes through Temporal with the mentor's zone
// (`PlainDate.toZonedDateTime`), so daylight saving is the zone database's business, never an
// offset we add: a rule "Mondays 09:00–12:00" in Europe/Amsterdam is 08:00Z in winter and 07:00Z
// in summer, and on the night clocks move the slots follow real time (Cal.com shifted slots by an
// hour after DST ended: #1092, #10517).

/** Weekly hours: ISO weekday (1 = Monday), wall-clock "HH:MM" or "HH:MM:SS", `ends` after `starts`. */
export type WeeklyRule = { weekday: number; starts: string; ends: string };
/** A date's own hours ("YYYY-MM-DD" on the mentor's calendar); `starts`/`ends` null is a day off. */
export type DateOverride = { date: string; starts: string | null; ends: string | null };
/**
 * Time an existing session blocks (with its buffers), half-open, and when it starts (for the weekly
 * cap). Office hours block their own time (a slot's buffers may not reach into them, as the
 * database checks) but are no session: they do not count towards the weekly cap.
 */
export type Busy = { startsAt: Date; blockedFrom: Date; blockedUntil: Date; officeHours?: boolean };

export type SlotRules = {
  timeZone: string;
  slotMinutes: number;
  stepMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  weeklyCap: number;
};

export type Slot = { start: Temporal.Instant; end: Temporal.Instant };

type Window = { from: Date; until: Date; now: Date };

const MINUTE = 60_000;

/** The wall-clock intervals of one date ("YYYY-MM-DD", ISO `weekday`): its overrides if it has any (a day off wins), else the weekly rules. */
function hoursOf(date: string, weekday: number, weekly: readonly WeeklyRule[], overrides: readonly DateOverride[]) {
  const own = overrides.filter((o) => o.date === date);
  if (own.some((o) => o.starts === null || o.ends === null)) return [];
  if (own.length > 0) return own.map((o) => ({ starts: o.starts!, ends: o.ends! }));
  return weekly.filter((r) => r.weekday === weekday);
}

// Calendar dates as whole days since 1970-01-01 (a "day number"): adding days, the weekday and the
// date's text need no zone, so they are integer arithmetic and Date's UTC calendar, not Temporal's
// polyfill (most of the week page's own time, decision 008, tenth pass). Every step between a wall
// clock and an instant still goes through Temporal or `wallClock` with the zone.
const DAY = 86_400_000;
/** The day number of a date's year, month (1–12) and day (years 0–99 too: `setUTCFullYear`, not `Date.UTC`). */
export function dayNumber(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / DAY);
}
const dayOfText = (date: string) => dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
const pad = (n: number, width: number) => String(n).padStart(width, "0");
/** "YYYY-MM-DD" of a day number, as Temporal.PlainDate's toString writes it (years beyond 0–9999 signed, six digits). */
export function dateText(day: number): string {
  const d = new Date(day * DAY);
  const y = d.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? pad(y, 4) : `${y < 0 ? "-" : "+"}${pad(Math.abs(y), 6)}`;
  return `${year}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}
/** A day number as a Temporal.PlainDate, built from its parts (a third of the cost of parsing its text). */
export function plainDateOf(day: number): Temporal.PlainDate {
  const d = new Date(day * DAY);
  return new Temporal.PlainDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
/** ISO weekday (1 = Monday) of a day number: 1970-01-01 was a Thursday. */
export const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;
/** The Monday of a day number's week. */
export const mondayOfDay = (day: number) => day - (weekdayOf(day) - 1);

/**
 * Free slots of `slotMinutes`, starting every `stepMinutes` from the start of each interval, whose
 * start lies in [from, until), at least `minNoticeMinutes` after `now` and at most `horizonDays`
 * after it (as book_session() checks), whose buffered time touches no busy range, in weeks where
 * the mentor has fewer than `weeklyCap` sessions. Sorted by start, without duplicates.
 */
export function freeSlots(rules: SlotRules, weekly: readonly WeeklyRule[], overrides: readonly DateOverride[], busy: readonly Busy[], window: Window): Slot[] {
  const length = rules.slotMinutes * MINUTE;
  return freeStarts(rules, weekly, overrides, busy, window).map((start) => ({
    start: Temporal.Instant.fromEpochMilliseconds(start),
    end: Temporal.Instant.fromEpochMilliseconds(start + length),
  }));
}

/** `freeSlots`' starts as epoch milliseconds, sorted, without duplicates: for callers that need no Temporal.Instant. */
export function freeStarts(rules: SlotRules, weekly: readonly WeeklyRule[], overrides: readonly DateOverride[], busy: readonly Busy[], window: Window): number[] {
  const zone = rules.timeZone;
  // the same bounds as book_session(): start in [from, until), not before the notice, not after the horizon
  const now = window.now.getTime();
  const first = Math.max(window.from.getTime(), now + rules.minNoticeMinutes * MINUTE);
  const last = Math.min(window.until.getTime() - 1, now + rules.horizonDays * 24 * 60 * MINUTE);
  if (first > last) return [];
  const [length, step] = [rules.slotMinutes * MINUTE, rules.stepMinutes * MINUTE];
  const [before, after] = [rules.bufferBeforeMinutes * MINUTE, rules.bufferAfterMinutes * MINUTE];
  // an instant's date on the mentor's calendar
  const clock = wallClock(zone);
  const dayOf = (ms: number) => dayOfText(clock(ms).date);

  const blocked = busy.map((b) => [b.blockedFrom.getTime(), b.blockedUntil.getTime()] as const);
  // sessions per week of the mentor's calendar, by the day number of its Monday
  const perWeek = new Map<number, number>();
  for (const b of busy) {
    if (b.officeHours) continue;
    const week = mondayOfDay(dayOf(b.startsAt.getTime()));
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }

  // the rules' few wall-clock times, each parsed once
  const times = new Map<string, Temporal.PlainTime>();
  const plainTime = (text: string) => {
    let t = times.get(text);
    if (!t) times.set(text, (t = Temporal.PlainTime.from(text)));
    return t;
  };

  const slots = new Set<number>();
  // a day either side: an interval on the mentor's calendar may reach into the window from the day before
  const lastDay = dayOf(last) + 1;
  for (let day = dayOf(first) - 1; day <= lastDay; day++) {
    // an interval lies within its date, so all its slots fall in the date's week
    if ((perWeek.get(mondayOfDay(day)) ?? 0) >= rules.weeklyCap) continue;
    const text = dateText(day);
    const intervals = hoursOf(text, weekdayOf(day), weekly, overrides);
    if (intervals.length === 0) continue;
    const date = plainDateOf(day);
    for (const interval of intervals) {
      // wall clock to instant once per interval edge, where the zone's rules apply; the slots
      // then step in exact time (epoch milliseconds), as they do on the night the clocks change
      const open = date.toZonedDateTime({ timeZone: zone, plainTime: plainTime(interval.starts) }).epochMilliseconds;
      const close = date.toZonedDateTime({ timeZone: zone, plainTime: plainTime(interval.ends) }).epochMilliseconds;
      for (let start = open; start + length <= close; start += step) {
        if (start < first || start > last) continue;
        const from = start - before;
        const until = start + length + after;
        if (blocked.some(([f, u]) => from < u && f < until)) continue;
        slots.add(start);
      }
    }
  }
  return [...slots].sort((a, b) => a - b);
}

/** A slot as the viewer reads it: wall-clock start and end in their zone, with the zone's offset. */
export function slotIn(slot: Slot, timeZone: string) {
  const start = slot.start.toZonedDateTimeISO(timeZone);
  const end = slot.end.toZonedDateTimeISO(timeZone);
  return { date: start.toPlainDate().toString(), starts: start.toPlainTime().toString({ smallestUnit: "minute" }), ends: end.toPlainTime().toString({ smallestUnit: "minute" }), offset: start.offset };
}

/**
 * The wall-clock date ("YYYY-MM-DD") and time ("HH:MM", seconds cut as Temporal's toString cuts
 * them) of instants in a zone, for instants given in order: Temporal finds the zone's offset and its
 * next change, then instants before that change are shifted by the offset, without Temporal (which
 * cost about 0.5 ms a slot: most of the week page's own time).
 */
export function wallClock(zone: string) {
  let [offset, from, until] = [0, Infinity, -Infinity];
  return (ms: number) => {
    if (ms < from || ms >= until) {
      const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
      offset = zoned.offsetNanoseconds / 1e6;
      from = ms;
      until = zoned.getTimeZoneTransition("next")?.epochMilliseconds ?? Infinity;
    }
    const iso = new Date(ms + offset).toISOString();
    return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
  };
}
