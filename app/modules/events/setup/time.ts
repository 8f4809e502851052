import { Temporal } from "temporal-polyfill";

// Wall-clock times of the event's own zone, as datetime-local inputs give and take them
// ("2027-03-10T09:00"), to and from instants. Every step goes through Temporal with the zone's
// rules; a time a daylight-saving change skips moves forward, as people expect ("compatible").

export function instantOf(local: string, zone: string): Date {
  const at = Temporal.PlainDateTime.from(local).toZonedDateTime(zone, { disambiguation: "compatible" });
  return new Date(at.epochMilliseconds);
}

export function localOf(at: Date | string, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(new Date(at).getTime())
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString({ smallestUnit: "minute" });
}

/** Whole calendar days from one wall-clock time to another (an event "of two days" spans 1). */
export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from.slice(0, 10)).until(Temporal.PlainDate.from(to.slice(0, 10)), { largestUnit: "days" }).days;
}
