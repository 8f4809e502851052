import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateFormatter } from "~/modules/mentoring/report/days";
import { formatDate } from "~/platform/i18n/format";

// The mentoring report formats its last sessions' days through dateFormatter(), which formats each
// local day once. It must say what formatDate says for every instant, in any order: around both
// changes of a year, at the changes themselves, in half-hour and 45-minute zones and Lord Howe's
// 30-minute summer time, in both languages.
const ZONES = ["Europe/Amsterdam", "Asia/Ho_Chi_Minh", "Asia/Kolkata", "America/St_Johns", "Australia/Lord_Howe", "Asia/Kathmandu", "America/New_York", "UTC"];
const START = Date.UTC(2025, 0, 1);
// minutes over two years, and instants near midnight UTC and on the quarter hour (where changes fall)
const instant = fc.oneof(
  fc.integer({ min: 0, max: 2 * 366 * 24 * 60 }).map((m) => START + m * 60_000),
  fc.tuple(fc.integer({ min: 0, max: 2 * 366 * 24 * 4 }), fc.constantFrom(-1, 0, 1)).map(([q, ms]) => START + q * 15 * 60_000 + ms),
);

describe("the report's days", () => {
  it("are formatDate's, for instants in any order, in every kind of zone and both languages", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.constantFrom("vi" as const, "en" as const), fc.array(instant, { minLength: 1, maxLength: 200 }), (zone, locale, instants) => {
        const day = dateFormatter(locale, zone);
        for (const ms of instants) {
          const iso = new Date(ms).toISOString();
          expect(day(iso)).toBe(formatDate(iso, locale, zone));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("are formatDate's at each change of offset and a millisecond either side", () => {
    // Amsterdam 2026: 29 March 01:00 UTC and 25 October 01:00 UTC; Lord Howe: 5 April 15:00 UTC (2026), 3 October 15:30 UTC
    const changes = [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1), Date.UTC(2026, 3, 4, 15), Date.UTC(2026, 9, 3, 15, 30)];
    for (const zone of ["Europe/Amsterdam", "Australia/Lord_Howe", "America/St_Johns"]) {
      const day = dateFormatter("en", zone);
      for (const at of changes)
        for (const ms of [at + 1, at, at - 1, at + 86_400_000, at - 86_400_000]) {
          const iso = new Date(ms).toISOString();
          expect(day(iso), `${zone} ${iso}`).toBe(formatDate(iso, "en", zone));
        }
    }
  });
});
