import { createEvent } from "ics";

// A session as an ICS invitation (RFC 5545/5546), written by the `ics` package: times in UTC (the
// reader's calendar shows them in its own zone, so no zone is guessed), one UID per session for its
// whole life, SEQUENCE raised by every change (the database keeps it), METHOD:REQUEST for a new or
// moved session and METHOD:CANCEL when it is cancelled, so calendars update the event in place.

export type IcsPerson = { name: string; email: string };
export type IcsSession = {
  id: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description: string;
  location: string;
  cancelled: boolean;
  organizer: IcsPerson;
  attendees: IcsPerson[];
  /** the host part of the UID: the app's own domain */
  host: string;
};

export const sessionUid = (id: string, host: string) => `mentoring-session-${id}@${host}`;

export function sessionIcs(s: IcsSession): string {
  const link = /^https?:\/\//i.test(s.location) ? s.location : undefined;
  const { error, value } = createEvent({
    productId: "innovation-region/mentoring",
    method: s.cancelled ? "CANCEL" : "REQUEST",
    uid: sessionUid(s.id, s.host),
    sequence: s.sequence,
    start: s.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: s.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: s.title,
    description: s.description,
    ...(s.location ? { location: s.location } : {}),
    ...(link ? { url: link } : {}),
    status: s.cancelled ? "CANCELLED" : "CONFIRMED",
    organizer: { name: s.organizer.name, email: s.organizer.email },
    attendees: s.attendees.map((a) => ({ name: a.name, email: a.email, rsvp: true, partstat: "ACCEPTED", role: "REQ-PARTICIPANT" })),
  });
  if (error || !value) throw error ?? new Error("ics: no value");
  return value;
}
