import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { wallClock } from "~/modules/mentoring/availability/slots";

// The week of slots shows each slot's wall-clock date and time in the viewer's and the mentor's
// zones through wallClock(), which asks Temporal only at each change of offset. It must say what
// Temporal says for every instant: across both changes of a year, in half-hour and 45-minute zones,
// and in a zone whose summer time moves the clock by 30 minutes (Lord Howe).
const ZONES = ["Europe/Amsterdam", "Asia/Ho_Chi_Minh", "Asia/Kolkata", "America/St_Johns", "Australia/Lord_Howe", "Asia/Kathmandu", "America/New_York", "UTC"];
const temporal = (ms: number, zone: string) => {
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  return { date: z.toPlainDate().toString(), time: z.toPlainTime().toString({ smallestUnit: "minute" }) };
};
const START = Date.UTC(2026, 0, 1);
const minutes = fc.array(fc.integer({ min: 0, max: 2 * 366 * 24 * 60 }), { minLength: 1, maxLength: 200 });

describe("wall-clock times of slots", () => {
  it("are Temporal's, for instants in order over two years in every kind of zone", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), minutes, (zone, offsets) => {
        const clock = wallClock(zone);
        for (const ms of [...offsets].sort((a, b) => a - b).map((m) => START + m * 60_000)) expect(clock(ms)).toEqual(temporal(ms, zone));
      }),
      { numRuns: 200 },
    );
  });

  it("are Temporal's for instants out of order too", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), minutes, (zone, offsets) => {
        const clock = wallClock(zone);
        for (const ms of offsets.map((m) => START + m * 60_000)) expect(clock(ms)).toEqual(temporal(ms, zone));
      }),
      { numRuns: 200 },
    );
  });

  it("are Temporal's on each side of Amsterdam's changes of 2026", () => {
    const clock = wallClock("Europe/Amsterdam");
    for (const iso of ["2026-03-29T00:59:00Z", "2026-03-29T01:00:00Z", "2026-10-25T00:59:00Z", "2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z"]) {
      const ms = Date.parse(iso);
      expect(clock(ms)).toEqual(temporal(ms, "Europe/Amsterdam"));
    }
    expect(clock(Date.parse("2026-03-29T01:00:00Z"))).toEqual({ date: "2026-03-29", time: "03:00" });
  });
});
