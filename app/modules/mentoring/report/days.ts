import { Temporal } from "temporal-polyfill";
import { formatDate } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";

/**
 * formatDate for many instants in one zone and language, formatting each local day once: the
 * report's 500 last sessions fall on a few hundred days, and Intl's format was 3 % of the page's
 * CPU. The local day of an instant comes from the zone's offset, which Temporal gives with the
 * transitions around it (as wallClock does for slots); instants between the same two transitions
 * share it, in whatever order they come. Each day's text is formatDate's own, of the first instant
 * seen on that day, so the result is formatDate's for every instant.
 */
export function dateFormatter(locale: Locale, timeZone: string) {
  const days = new Map<string, string>();
  let [offset, from, until] = [0, Infinity, -Infinity];
  return (iso: string) => {
    const ms = Date.parse(iso);
    if (!(ms >= from && ms < until)) {
      const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
      offset = zoned.offsetNanoseconds / 1e6;
      until = zoned.getTimeZoneTransition("next")?.epochMilliseconds ?? Infinity;
      // the last change before this instant; if the offset then was another one (the instant is the
      // change itself), the window starts at the instant
      const previous = zoned.getTimeZoneTransition("previous");
      from = previous && previous.offsetNanoseconds === zoned.offsetNanoseconds ? previous.epochMilliseconds : ms;
    }
    const day = new Date(ms + offset).toISOString().slice(0, 10);
    let text = days.get(day);
    if (text === undefined) days.set(day, (text = formatDate(iso, locale, timeZone)));
    return text;
  };
}
