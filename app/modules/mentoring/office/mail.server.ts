import { asServiceWithin, type Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { zoneName } from "~/platform/i18n/format";
import { tFor, type Locale } from "~/platform/i18n/i18n";
import { enqueueMail } from "~/platform/mail/outbox.server";
import { sessionIcs } from "../booking/ics";
import { whenFor } from "../booking/mail.server";

// Mails about office hours, each in its reader's language and zone, queued in the caller's
// transaction (decisions/008-office-hours-slots-and-mails.md):
// - a seat taken or given back: the startup's founders get the session mail with an ICS, the
//   mentor a note of who came or went and the seats now taken;
// - office hours cancelled: the founders of every seated startup get a mail whose ICS cancels the
//   event their seat put in their calendar.
// One UID per office hours × startup; SEQUENCE is the row's revision, raised by every change.

type Person = { email: string; name: string; locale: Locale; time_zone: string };
type OfficeRow = { id: string; starts_at: Date; ends_at: Date; location: string; seats: number; seats_taken: number; revision: number; mentor: Person };
type Seat = { startup_id: string; startup_name: string; founders: Person[] };

const PERSON = `json_build_object('email', u.email, 'name', coalesce(p.display_name, u.email),
                                  'locale', coalesce(p.locale, 'vi'), 'time_zone', coalesce(p.time_zone, 'Asia/Ho_Chi_Minh'))`;

/** The office hours, and the startups named (or, without names, every seated one) with their founders. */
async function read(tx: Tx, officeHoursId: string, startupIds: string[] | null) {
  return asServiceWithin(tx, async (t) => {
    const [office] = await t<OfficeRow[]>`
      select o.id, o.starts_at, o.ends_at, o.location, o.seats, o.seats_taken, o.revision,
             (select ${t.unsafe(PERSON)} from auth.users u left join public.profiles p on p.id = u.id where u.id = o.mentor_id) as mentor
        from public.mentor_office_hours o where o.id = ${officeHoursId}`;
    const seats = await t<Seat[]>`
      select st.id as startup_id, st.name as startup_name,
             coalesce((select json_agg(${t.unsafe(PERSON)} order by u.email)
                         from public.startup_members sm join auth.users u on u.id = sm.user_id left join public.profiles p on p.id = u.id
                        where sm.startup_id = st.id), '[]') as founders
        from public.startups st
       where st.id = any(${startupIds ?? []}::uuid[])
          or (${startupIds === null}::boolean
              and exists (select 1 from public.office_hours_seats s where s.office_hours_id = ${officeHoursId} and s.startup_id = st.id))
       order by st.name`;
    return { office, seats };
  });
}

const officeUrl = () => `${env().APP_URL}/mentoring/office-hours`;

/** The seat's calendar event as `person` receives it. */
function seatInvite(o: OfficeRow, startupId: string, person: Person, cancelled: boolean) {
  const title = tFor(person.locale)("mentoring.office.icsTitle", { mentor: o.mentor.name });
  const content = sessionIcs({
    id: `${o.id}-${startupId}`,
    sequence: o.revision,
    startsAt: new Date(o.starts_at),
    endsAt: new Date(o.ends_at),
    title,
    description: officeUrl(),
    location: o.location,
    cancelled,
    organizer: { name: o.mentor.name, email: o.mentor.email },
    attendees: [{ name: person.name, email: person.email }],
    host: new URL(env().APP_URL).hostname,
  });
  return { title, attachment: { filename: "invite.ics", contentType: `text/calendar; method=${cancelled ? "CANCEL" : "REQUEST"}`, content } };
}

const timeFor = (o: OfficeRow, person: Person) => ({
  when: whenFor(new Date(o.starts_at), new Date(o.ends_at), person.locale, person.time_zone),
  zone: zoneName(person.time_zone, person.locale, o.starts_at),
});

/** A seat was taken or given back: its startup's founders and the mentor hear of it. */
export async function mailSeat(tx: Tx, officeHoursId: string, startupId: string, kind: "booked" | "cancelled") {
  const { office: o, seats } = await read(tx, officeHoursId, [startupId]);
  const seat = seats[0];
  if (!o || !seat) return;
  for (const person of seat.founders) {
    const { title, attachment } = seatInvite(o, startupId, person, kind === "cancelled");
    const props = { locale: person.locale, kind, name: person.name, with: title, ...timeFor(o, person), was: null, location: o.location, url: officeUrl() };
    await enqueueMail(tx, person.email, "mentoring-session", props, [attachment]);
  }
  const m = o.mentor;
  await enqueueMail(tx, m.email, "office-hours", {
    locale: m.locale,
    kind: kind === "booked" ? "seatTaken" : "seatLeft",
    name: m.name,
    startup: seat.startup_name,
    mentor: m.name,
    ...timeFor(o, m),
    taken: o.seats_taken,
    seats: o.seats,
    location: o.location,
    url: officeUrl(),
  });
}

/** The mentor cancelled: the founders of every seated startup get the cancelling invitation. */
export async function mailCancelled(tx: Tx, officeHoursId: string) {
  const { office: o, seats } = await read(tx, officeHoursId, null);
  if (!o) return;
  for (const seat of seats) {
    for (const person of seat.founders) {
      const { attachment } = seatInvite(o, seat.startup_id, person, true);
      const props = {
        locale: person.locale,
        kind: "cancelled" as const,
        name: person.name,
        startup: seat.startup_name,
        mentor: o.mentor.name,
        ...timeFor(o, person),
        taken: o.seats_taken,
        seats: o.seats,
        location: o.location,
        url: officeUrl(),
      };
      await enqueueMail(tx, person.email, "office-hours", props, [attachment]);
    }
  }
}
