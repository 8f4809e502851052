import { asServiceWithin, type Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { zoneName } from "~/platform/i18n/format";
import { tFor, type Locale } from "~/platform/i18n/i18n";
import { enqueueMail } from "~/platform/mail/outbox.server";
import { sessionIcs } from "../booking/ics";
import { whenFor } from "../booking/mail.server";

// The booking mail path, reused for a seat at office hours: each founder of the startup that took
// or gave up the seat gets the session mail in their language and zone, with an ICS (one UID per
// office hours × startup; SEQUENCE from the clock, so taking a seat again after leaving updates
// the same event). Queued in the caller's transaction.

type Person = { email: string; name: string; locale: Locale; time_zone: string };
type SeatRow = { starts_at: Date; ends_at: Date; location: string; startup_name: string; mentor: Person; founders: Person[] };

const PERSON = `json_build_object('email', u.email, 'name', coalesce(p.display_name, u.email),
                                  'locale', coalesce(p.locale, 'vi'), 'time_zone', coalesce(p.time_zone, 'Asia/Ho_Chi_Minh'))`;

export async function mailSeat(tx: Tx, officeHoursId: string, startupId: string, kind: "booked" | "cancelled") {
  const [s] = await asServiceWithin(
    tx,
    (t) => t<SeatRow[]>`
      select o.starts_at, o.ends_at, o.location, st.name as startup_name,
             (select ${t.unsafe(PERSON)} from auth.users u left join public.profiles p on p.id = u.id where u.id = o.mentor_id) as mentor,
             coalesce((select json_agg(${t.unsafe(PERSON)} order by u.email)
                         from public.startup_members sm join auth.users u on u.id = sm.user_id left join public.profiles p on p.id = u.id
                        where sm.startup_id = st.id), '[]') as founders
        from public.mentor_office_hours o, public.startups st
       where o.id = ${officeHoursId} and st.id = ${startupId}`,
  );
  if (!s) return;
  const host = new URL(env().APP_URL).hostname;
  const url = `${env().APP_URL}/mentoring/office-hours`;
  const sequence = Math.floor((Date.now() - Date.UTC(2026, 0, 1)) / 1000);
  for (const person of s.founders) {
    const t = tFor(person.locale);
    const title = t("mentoring.office.icsTitle", { mentor: s.mentor.name });
    const props = {
      locale: person.locale,
      kind,
      name: person.name,
      with: title,
      when: whenFor(new Date(s.starts_at), new Date(s.ends_at), person.locale, person.time_zone),
      zone: zoneName(person.time_zone, person.locale, s.starts_at),
      was: null,
      location: s.location,
      url,
    };
    const content = sessionIcs({
      id: `${officeHoursId}-${startupId}`,
      sequence,
      startsAt: new Date(s.starts_at),
      endsAt: new Date(s.ends_at),
      title,
      description: url,
      location: s.location,
      cancelled: kind === "cancelled",
      organizer: { name: s.mentor.name, email: s.mentor.email },
      attendees: [person].map((p) => ({ name: p.name, email: p.email })),
      host,
    });
    const attachment = { filename: "invite.ics", contentType: `text/calendar; method=${kind === "cancelled" ? "CANCEL" : "REQUEST"}`, content };
    await enqueueMail(tx, person.email, "mentoring-session", props, [attachment]);
  }
}
