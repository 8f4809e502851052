import { createEvents, type EventAttributes } from "ics";

// The whole event as an ICS file, written by the `ics` package: the event itself from its first
// start to its last end, and each agenda session, in UTC (the reader's calendar shows its own zone).
export type IcsEvent = {
  id: string;
  title: string;
  description: string;
  location: string;
  url: string;
  startsAt: Date;
  endsAt: Date;
  sessions: { id: string; title: string; room: string; startsAt: Date; endsAt: Date }[];
  /** the host part of each UID: the app's own domain */
  host: string;
};

const utc = (start: Date, end: Date) =>
  ({ start: start.getTime(), startInputType: "utc", startOutputType: "utc", end: end.getTime(), endInputType: "utc", endOutputType: "utc" }) as const;

export function eventIcs(e: IcsEvent): string {
  const events: EventAttributes[] = [
    {
      ...utc(e.startsAt, e.endsAt),
      uid: `event-${e.id}@${e.host}`,
      title: e.title,
      description: e.description,
      ...(e.location ? { location: e.location } : {}),
      url: e.url,
      status: "CONFIRMED",
      productId: "innovation-region/events",
    },
    ...e.sessions.map(
      (s): EventAttributes => ({
        ...utc(s.startsAt, s.endsAt),
        uid: `event-session-${s.id}@${e.host}`,
        title: `${s.title} · ${e.title}`,
        ...(s.room || e.location ? { location: [s.room, e.location].filter(Boolean).join(", ") } : {}),
        url: e.url,
        productId: "innovation-region/events",
      }),
    ),
  ];
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("ics: no value");
  return value;
}
