import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { freeSlots, slotIn, type Busy, type SlotRules, type WeeklyRule } from "~/modules/mentoring/availability/slots";

// Slot computation (pure). Expected instants are written out by hand in UTC, from the zones'
// published offsets, so the test does not check Temporal against itself. Europe/Amsterdam moves to
// summer time on 2026-03-29 at 02:00 (UTC+1 → UTC+2) and back on 2026-10-25 at 03:00;
// Asia/Ho_Chi_Minh is UTC+7 all year; Asia/Kolkata UTC+5:30.
const AMS = "Europe/Amsterdam";
const HCM = "Asia/Ho_Chi_Minh";
const KOL = "Asia/Kolkata";

const rules = (over: Partial<SlotRules> = {}): SlotRules => ({
  timeZone: AMS,
  slotMinutes: 60,
  stepMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 0,
  horizonDays: 365,
  weeklyCap: 100,
  ...over,
});
const MONDAY_MORNING: WeeklyRule[] = [{ weekday: 1, starts: "09:00", ends: "12:00" }];
const d = (iso: string) => new Date(iso);
const window = (from: string, until: string, now = "2026-01-01T00:00:00Z") => ({ from: d(from), until: d(until), now: d(now) });
const starts = (slots: ReturnType<typeof freeSlots>) => slots.map((s) => s.start.toString());
const seenIn = (slots: ReturnType<typeof freeSlots>, zone: string) => slots.map((s) => slotIn(s, zone));

describe("weekly hours in the mentor's zone, seen from Ho Chi Minh City", () => {
  it("follows Amsterdam into summer time in March", () => {
    const slots = freeSlots(rules(), MONDAY_MORNING, [], [], window("2026-03-23T00:00:00Z", "2026-03-31T00:00:00Z"));
    expect(starts(slots)).toEqual([
      "2026-03-23T08:00:00Z", "2026-03-23T09:00:00Z", "2026-03-23T10:00:00Z", // 09:00 CET = 08:00Z
      "2026-03-30T07:00:00Z", "2026-03-30T08:00:00Z", "2026-03-30T09:00:00Z", // 09:00 CEST = 07:00Z
    ]);
    expect(seenIn(slots, HCM).map((s) => `${s.date} ${s.starts}-${s.ends}${s.offset}`)).toEqual([
      "2026-03-23 15:00-16:00+07:00", "2026-03-23 16:00-17:00+07:00", "2026-03-23 17:00-18:00+07:00",
      "2026-03-30 14:00-15:00+07:00", "2026-03-30 15:00-16:00+07:00", "2026-03-30 16:00-17:00+07:00",
    ]);
    // the mentor sees the same wall-clock hours both weeks
    expect(seenIn(slots, AMS).map((s) => s.starts)).toEqual(["09:00", "10:00", "11:00", "09:00", "10:00", "11:00"]);
  });

  it("follows Amsterdam back to winter time in October", () => {
    const slots = freeSlots(rules(), MONDAY_MORNING, [], [], window("2026-10-19T00:00:00Z", "2026-10-27T00:00:00Z"));
    expect(starts(slots)).toEqual([
      "2026-10-19T07:00:00Z", "2026-10-19T08:00:00Z", "2026-10-19T09:00:00Z",
      "2026-10-26T08:00:00Z", "2026-10-26T09:00:00Z", "2026-10-26T10:00:00Z",
    ]);
    expect(seenIn(slots, HCM).map((s) => s.starts)).toEqual(["14:00", "15:00", "16:00", "15:00", "16:00", "17:00"]);
  });

  it("offers only the hours that exist on the night the clocks go forward", () => {
    const night: WeeklyRule[] = [{ weekday: 7, starts: "01:00", ends: "04:00" }];
    const slots = freeSlots(rules(), night, [], [], window("2026-03-28T12:00:00Z", "2026-03-30T00:00:00Z"));
    // 01:00 CET and 03:00 CEST: 02:00–03:00 never happens, so two real hours hold two slots
    expect(starts(slots)).toEqual(["2026-03-29T00:00:00Z", "2026-03-29T01:00:00Z"]);
    expect(seenIn(slots, AMS).map((s) => `${s.starts}${s.offset}`)).toEqual(["01:00+01:00", "03:00+02:00"]);
    expect(seenIn(slots, HCM).map((s) => s.starts)).toEqual(["07:00", "08:00"]);
  });

  it("offers the repeated hour on the night the clocks go back", () => {
    const night: WeeklyRule[] = [{ weekday: 7, starts: "01:00", ends: "04:00" }];
    const slots = freeSlots(rules(), night, [], [], window("2026-10-24T12:00:00Z", "2026-10-26T00:00:00Z"));
    // 01:00 CEST to 04:00 CET is four real hours: 02:00 happens twice
    expect(starts(slots)).toEqual(["2026-10-24T23:00:00Z", "2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z", "2026-10-25T02:00:00Z"]);
    expect(seenIn(slots, AMS).map((s) => `${s.starts}${s.offset}`)).toEqual(["01:00+02:00", "02:00+02:00", "02:00+01:00", "03:00+01:00"]);
    expect(seenIn(slots, HCM).map((s) => `${s.date} ${s.starts}`)).toEqual(["2026-10-25 06:00", "2026-10-25 07:00", "2026-10-25 08:00", "2026-10-25 09:00"]);
  });

  it("handles a half-hour zone: a mentor in Kolkata", () => {
    const kolkata = rules({ timeZone: KOL, slotMinutes: 30, stepMinutes: 30 });
    const slots = freeSlots(kolkata, [{ weekday: 1, starts: "10:00", ends: "11:00" }], [], [], window("2026-01-05T00:00:00Z", "2026-03-31T00:00:00Z"));
    const jan = slots.filter((s) => s.start.toString().startsWith("2026-01-05"));
    const mar = slots.filter((s) => s.start.toString().startsWith("2026-03-30"));
    expect(starts(jan)).toEqual(["2026-01-05T04:30:00Z", "2026-01-05T05:00:00Z"]); // 10:00 IST = 04:30Z
    expect(seenIn(jan, HCM).map((s) => s.starts)).toEqual(["11:30", "12:00"]);
    expect(seenIn(jan, AMS).map((s) => s.starts)).toEqual(["05:30", "06:00"]);
    expect(starts(mar)).toEqual(["2026-03-30T04:30:00Z", "2026-03-30T05:00:00Z"]); // India has no summer time
    expect(seenIn(mar, AMS).map((s) => s.starts)).toEqual(["06:30", "07:00"]);
  });
});

describe("overrides, buffers, notice, horizon, cap", () => {
  it("takes a day off and a date's own hours over the weekly rule", () => {
    const overrides = [
      { date: "2026-03-23", starts: null, ends: null },
      { date: "2026-03-30", starts: "14:00", ends: "15:00" },
    ];
    const slots = freeSlots(rules(), MONDAY_MORNING, overrides, [], window("2026-03-23T00:00:00Z", "2026-04-07T00:00:00Z"));
    expect(starts(slots)).toEqual(["2026-03-30T12:00:00Z", "2026-04-06T07:00:00Z", "2026-04-06T08:00:00Z", "2026-04-06T09:00:00Z"]);
  });

  it("keeps buffered slots clear of sessions, and lets them share an end point", () => {
    const buffered = rules({ stepMinutes: 30, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 });
    const busy: Busy[] = [{ startsAt: d("2026-03-23T10:00:00Z"), blockedFrom: d("2026-03-23T09:45:00Z"), blockedUntil: d("2026-03-23T11:15:00Z") }];
    const slots = freeSlots(buffered, [{ weekday: 1, starts: "09:00", ends: "13:00" }], [], busy, window("2026-03-23T00:00:00Z", "2026-03-24T00:00:00Z"));
    // 08:30Z blocks [08:15, 09:45): it ends where the session's buffer begins
    expect(starts(slots)).toEqual(["2026-03-23T08:00:00Z", "2026-03-23T08:30:00Z"]);
  });

  it("starts no earlier than the notice and no later than the horizon", () => {
    const slots = freeSlots(
      rules({ minNoticeMinutes: 60, horizonDays: 7 }),
      MONDAY_MORNING,
      [],
      [],
      window("2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z", "2026-03-23T08:30:00Z"),
    );
    // now 08:30Z: notice to 09:30Z, horizon to 2026-03-30T08:30Z
    expect(starts(slots)).toEqual(["2026-03-23T10:00:00Z", "2026-03-30T07:00:00Z", "2026-03-30T08:00:00Z"]);
  });

  it("offers nothing in a week that has reached the cap, counted on the mentor's calendar", () => {
    // Monday 2026-03-30 00:30 in Amsterdam is still Sunday in UTC: it fills the week of the 30th
    const busy: Busy[] = [{ startsAt: d("2026-03-29T22:30:00Z"), blockedFrom: d("2026-03-29T22:30:00Z"), blockedUntil: d("2026-03-29T23:30:00Z") }];
    const slots = freeSlots(rules({ weeklyCap: 1 }), MONDAY_MORNING, [], busy, window("2026-03-23T00:00:00Z", "2026-04-07T00:00:00Z"));
    expect(starts(slots)).toEqual([
      "2026-03-23T08:00:00Z", "2026-03-23T09:00:00Z", "2026-03-23T10:00:00Z",
      "2026-04-06T07:00:00Z", "2026-04-06T08:00:00Z", "2026-04-06T09:00:00Z",
    ]);
  });

  it("steps inside an interval and never runs a slot past its end", () => {
    const slots = freeSlots(rules({ slotMinutes: 45, stepMinutes: 30 }), [{ weekday: 1, starts: "09:00", ends: "10:30" }], [], [], window("2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z"));
    expect(seenIn(slots, AMS).map((s) => `${s.starts}-${s.ends}`)).toEqual(["09:00-09:45", "09:30-10:15"]);
  });
});

describe("for any rules and sessions", () => {
  it("offers slots of the set length, sorted, once each, none touching a busy range", () => {
    const zones = [AMS, HCM, KOL, "America/New_York"];
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.record({ weekday: fc.integer({ min: 1, max: 7 }), from: fc.integer({ min: 0, max: 1380 }), len: fc.integer({ min: 15, max: 600 }) }), { maxLength: 6 }),
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 14 * 96 }), len: fc.integer({ min: 1, max: 8 }) }), { maxLength: 8 }),
        fc.constantFrom(15, 30, 60),
        fc.constantFrom(15, 30),
        fc.integer({ min: 0, max: 30 }),
        (zone, raw, sessions, slotMinutes, stepMinutes, buffer) => {
          const weekly = raw.map((r) => ({ weekday: r.weekday, starts: hhmm(r.from), ends: hhmm(Math.min(r.from + r.len, 1439)) }));
          const base = Date.parse("2026-03-20T00:00:00Z");
          const busy = sessions.map((s) => {
            const from = new Date(base + s.at * 900_000);
            return { startsAt: from, blockedFrom: from, blockedUntil: new Date(from.getTime() + s.len * 900_000) };
          });
          const r = rules({ timeZone: zone, slotMinutes, stepMinutes, bufferBeforeMinutes: buffer, bufferAfterMinutes: buffer });
          const slots = freeSlots(r, weekly, [], busy, { from: new Date(base), until: new Date(base + 14 * 86_400_000), now: new Date(base) });
          const ms = slots.map((s) => [s.start.epochMilliseconds, s.end.epochMilliseconds] as const);
          for (const [i, [start, end]] of ms.entries()) {
            expect(end - start).toBe(slotMinutes * 60_000);
            if (i > 0) expect(start).toBeGreaterThan(ms[i - 1]![0]);
            for (const b of busy) {
              const clear = end + buffer * 60_000 <= b.blockedFrom.getTime() || start - buffer * 60_000 >= b.blockedUntil.getTime();
              expect(clear).toBe(true);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
