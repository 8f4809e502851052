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

const instant = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime());
const MINUTE = 60_000;

/** The wall-clock intervals of one date: its overrides if it has any (a day off wins), else the weekly rules. */
function hoursOf(date: Temporal.PlainDate, weekly: readonly WeeklyRule[], overrides: readonly DateOverride[]) {
  const own = overrides.filter((o) => o.date === date.toString());
  if (own.some((o) => o.starts === null || o.ends === null)) return [];
  if (own.length > 0) return own.map((o) => ({ starts: o.starts!, ends: o.ends! }));
  return weekly.filter((r) => r.weekday === date.dayOfWeek);
}

/** The week a moment belongs to on the mentor's calendar: the date of its Monday. */
const weekOf = (date: Temporal.PlainDate) => date.subtract({ days: date.dayOfWeek - 1 }).toString();

/**
 * Free slots of `slotMinutes`, starting every `stepMinutes` from the start of each interval, whose
 * start lies in [from, until), at least `minNoticeMinutes` after `now` and at most `horizonDays`
 * after it (as book_session() checks), whose buffered time touches no busy range, in weeks where
 * the mentor has fewer than `weeklyCap` sessions. Sorted by start, without duplicates.
 */
export function freeSlots(rules: SlotRules, weekly: readonly WeeklyRule[], overrides: readonly DateOverride[], busy: readonly Busy[], window: Window): Slot[] {
  const zone = rules.timeZone;
  // the same bounds as book_session(): start in [from, until), not before the notice, not after the horizon
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
  // a day either side: an interval on the mentor's calendar may reach into the window from the day before
  const lastDay = instant(new Date(last)).toZonedDateTimeISO(zone).toPlainDate().add({ days: 1 });
  for (let day = instant(new Date(first)).toZonedDateTimeISO(zone).toPlainDate().subtract({ days: 1 }); Temporal.PlainDate.compare(day, lastDay) <= 0; day = day.add({ days: 1 })) {
    // an interval lies within its date, so all its slots fall in the date's week
    if ((perWeek.get(weekOf(day)) ?? 0) >= rules.weeklyCap) continue;
    for (const interval of hoursOf(day, weekly, overrides)) {
      // wall clock to instant once per interval edge, where the zone's rules apply; the slots
      // then step in exact time (epoch milliseconds), as they do on the night the clocks change
      const open = day.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(interval.starts) }).epochMilliseconds;
      const close = day.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(interval.ends) }).epochMilliseconds;
      for (let start = open; start + length <= close; start += step) {
        if (start < first || start > last) continue;
        const from = start - before;
        const until = start + length + after;
        if (blocked.some(([f, u]) => from < u && f < until)) continue;
        slots.set(start, start);
      }
    }
  }
  return [...slots.values()]
    .sort((a, b) => a - b)
    .map((start) => ({ start: Temporal.Instant.fromEpochMilliseconds(start), end: Temporal.Instant.fromEpochMilliseconds(start + length) }));
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
