import ICAL from "ical.js";

/** An invitation read back with ical.js, as a calendar would read it: the fields our tests assert. */
export function readIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const event = new ICAL.Event(cal.getFirstSubcomponent("vevent")!);
  return {
    method: cal.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    status: event.component.getFirstPropertyValue("status"),
    location: event.location,
  };
}
