import { Temporal } from "temporal-polyfill";

// Sale windows are typed as wall-clock times in the event's zone (a datetime-local input has no
// zone) and stored as instants. Temporal does the zone arithmetic, daylight saving included: a
// time that does not exist in the zone moves forward, an ambiguous one takes the earlier instant.

/** "2026-12-01T09:00" in `timeZone` as an instant. */
export function instantOf(local: string, timeZone: string): Date {
  const zoned = Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone, { disambiguation: "compatible" });
  return new Date(zoned.epochMilliseconds);
}

/** An instant as "YYYY-MM-DDTHH:MM" in `timeZone`, for a datetime-local input. */
export function localOf(at: Date | string, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(new Date(at).getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: "minute" });
}
