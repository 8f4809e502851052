import type postgres from "postgres";
import { asServiceWithin, switchToService, type Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { formatDateTime, formatTime, zoneName } from "~/platform/i18n/format";
import { tFor, type Locale } from "~/platform/i18n/i18n";
import { queueMails, queueMailsAndReturn, type QueuedMail } from "~/platform/mail/outbox.server";
import { sessionIcs } from "./ics";

// Mails about a session, to both sides (the mentor and each of the startup's founders), each in
// their own language and time zone, with the ICS that brings their calendar up to date. Queued in
// the caller's transaction: a refused or rolled-back change sends nothing.

export type SessionMailKind = "booked" | "rescheduled" | "cancelled" | "reminder" | "location" | "ended";
/** Kinds whose ICS removes the event: a cancelled session, and one cancelled because its mentoring ended. */
const CANCELS: ReadonlySet<SessionMailKind> = new Set(["cancelled", "ended"]);
type Person = { id: string; email: string; name: string; locale: Locale; time_zone: string };
type SessionRow = {
  id: string;
  starts_at: Date;
  ends_at: Date;
  location: string;
  sequence: number;
  status: string;
  startup_name: string;
  program_name_vi: string;
  program_name_en: string;
  mentor: Person;
  founders: Person[];
};

const PEOPLE = (column: string) => `
  json_build_object('id', u.id, 'email', u.email, 'name', coalesce(p.display_name, u.email),
                    'locale', coalesce(p.locale, 'vi'), 'time_zone', coalesce(p.time_zone, 'Asia/Ho_Chi_Minh'))`.replace("u.id", `${column}`);

/** Read as the service (`t` runs as it): the people of a session are not all visible to the caller. */
async function readSession(t: Tx, sessionId: string): Promise<SessionRow | null> {
  const [row] = await sessionQuery(t, t`${sessionId}::uuid`);
  return row ?? null;
}

function sessionQuery(t: Tx, id: postgres.Fragment) {
  return t<SessionRow[]>`
      select s.id, s.starts_at, s.ends_at, s.location, s.sequence, s.status, st.name as startup_name,
             pr.name_vi as program_name_vi, pr.name_en as program_name_en,
             (select ${t.unsafe(PEOPLE("u.id"))} from auth.users u left join public.profiles p on p.id = u.id where u.id = s.mentor_id) as mentor,
             coalesce((select json_agg(${t.unsafe(PEOPLE("u.id"))} order by u.email)
                         from public.startup_members sm join auth.users u on u.id = sm.user_id left join public.profiles p on p.id = u.id
                        where sm.startup_id = s.startup_id), '[]') as founders
        from public.mentoring_sessions s
        join public.startups st on st.id = s.startup_id
        join public.programs pr on pr.id = s.program_id
       where s.id = ${id}`;
}

/** Start and end as the reader reads them: "29 Mar 2027, 09:00 – 10:00" in their zone and language. */
export function whenFor(startsAt: Date, endsAt: Date, locale: Locale, timeZone: string) {
  return `${formatDateTime(startsAt, locale, timeZone)} – ${formatTime(endsAt, locale, timeZone)}`; // formatters kept per language and zone
}

/**
 * Queues the mail of `kind` about the session to the mentor and every founder of its startup: read
 * and queued as the service in one switch of role, 4 statements whatever the number of readers.
 */
export function mailSession(tx: Tx, sessionId: string, kind: SessionMailKind, was?: { startsAt: Date; endsAt: Date }): Promise<void> {
  return asServiceWithin(tx, async (service) => {
    const s = await readSession(service, sessionId);
    if (s) await queueMails(service, sessionMails(s, kind, was));
  });
}

/**
 * `mailSession` for a booking, without waiting between statements while the mentor's lock is held
 * (decision 008, tenth pass, posts): `booked` is the locking statement, already sent, which leaves
 * the new session's id in the transaction-local setting `app.booked_session`. The switch to the
 * service and the session's read are sent behind it in the same write, so PostgreSQL runs them as
 * soon as the booking is done, with no round trip to Node between; then the mails, inserted by a
 * statement that also switches back. Should the booking fail, the two statements behind it fail
 * as "transaction aborted" and the booking's own error is thrown (it is awaited first).
 */
export async function mailBookedSession<T>(tx: Tx, booked: Promise<T>): Promise<T> {
  const switched = switchToService(tx);
  const read = sessionQuery(tx, tx`current_setting('app.booked_session')::uuid`).execute();
  read.catch(() => {});
  const result = await booked;
  await switched;
  const [s] = await read;
  if (!s) throw new Error("mailBookedSession: the booked session was not found");
  await queueMailsAndReturn(tx, sessionMails(s, "booked"));
  return result;
}

function sessionMails(s: SessionRow, kind: SessionMailKind, was?: { startsAt: Date; endsAt: Date }): QueuedMail<"mentoring-session">[] {
  const host = new URL(env().APP_URL).hostname;
  const url = `${env().APP_URL}/mentoring/sessions`;
  const everyone = [s.mentor, ...s.founders];
  // the invitation differs between readers only by its language (title, description): written once per language
  const invitations = new Map<Locale, string>();
  const invitation = (locale: Locale) => {
    let ics = invitations.get(locale);
    if (ics === undefined) {
      const t = tFor(locale);
      ics = sessionIcs({
        id: s.id,
        sequence: s.sequence,
        startsAt: new Date(s.starts_at),
        endsAt: new Date(s.ends_at),
        title: t("mentoring.booking.ics.title", { mentor: s.mentor.name, startup: s.startup_name }),
        description: t("mentoring.booking.ics.description", { program: locale === "vi" ? s.program_name_vi : s.program_name_en, url }),
        location: s.location,
        cancelled: CANCELS.has(kind),
        organizer: { name: s.mentor.name, email: s.mentor.email },
        attendees: everyone.map((p) => ({ name: p.name, email: p.email })),
        host,
      });
      invitations.set(locale, ics);
    }
    return ics;
  };
  return everyone.map((person) => {
    const other = person.id === s.mentor.id ? s.startup_name : s.mentor.name;
    const props = {
      locale: person.locale,
      kind,
      name: person.name,
      with: other,
      when: whenFor(new Date(s.starts_at), new Date(s.ends_at), person.locale, person.time_zone),
      zone: zoneName(person.time_zone, person.locale, s.starts_at),
      was: was ? whenFor(was.startsAt, was.endsAt, person.locale, person.time_zone) : null,
      location: s.location,
      url,
    };
    // a reminder changes nothing in the calendar, so it carries no invitation
    const attachments =
      kind === "reminder"
        ? []
        : [{ filename: "invite.ics", contentType: `text/calendar; method=${CANCELS.has(kind) ? "CANCEL" : "REQUEST"}`, content: invitation(person.locale) }];
    return { to: person.email, name: "mentoring-session" as const, props, attachments };
  });
}
