import postgres from "postgres";
import { asServiceWithin, asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { refused, type Outcome } from "~/platform/http/form.server";
import type { Locale } from "~/platform/i18n/i18n";
import { managedEvent } from "../managed-event.server";
import { matchSignature, parseCode } from "./token.server";

// Check-in at the door, for the event's staff: the code's signature is checked here (the secret is
// the app's), then check_in_ticket() decides under the ticket's row lock, so two phones scanning the
// same ticket at once make one check-in and the other hears "already checked in". Anyone else gets a 404.

export type Count = { checkedIn: number; total: number };
export type Attendee = { ticketId: string; name: string; ticketType: string; answers: { label: string; answer: string }[] };
export type CheckedIn = Attendee & { outcome: "checked_in" | "already"; checkedInAt: Date; checkedInBy: string | null; count: Count };
export type Recent = { ticketId: string; name: string; ticketType: string; checkedInAt: Date; checkedInBy: string | null };

const REFUSALS: Record<string, string> = {
  not_found: "events.checkin.errors.unknown",
  other_event: "events.checkin.errors.otherEvent",
  superseded: "events.checkin.errors.superseded",
  not_valid: "events.checkin.errors.notValid",
};

async function countOf(tx: Tx, eventId: string): Promise<Count> {
  const [c] = await tx<Count[]>`
    select count(*) filter (where k.checked_in_at is not null)::int as "checkedIn", count(*)::int as total
      from public.event_tickets k join public.event_orders o on o.id = k.order_id
     where k.event_id = ${eventId} and o.status = 'confirmed'`;
  return c!;
}

function recent(tx: Tx, eventId: string, locale: Locale) {
  return tx<Recent[]>`
    select k.id as "ticketId", k.attendee_name as name, case when ${locale} = 'vi' then t.name_vi else t.name_en end as "ticketType",
           k.checked_in_at as "checkedInAt", (select p.display_name from public.profiles p where p.id = k.checked_in_by) as "checkedInBy"
      from public.event_tickets k join public.ticket_types t on t.id = k.ticket_type_id
     where k.event_id = ${eventId} and k.checked_in_at is not null
     order by k.checked_in_at desc, k.id limit 10`;
}

/** The check-in page: the event, the live count and the last check-ins (to undo a mistake). */
export function checkInBoard(claims: Claims, eventId: string, locale: Locale) {
  return asUser(claims, async (tx) => {
    const e = await managedEvent(tx, eventId);
    const [count, last] = await Promise.all([countOf(tx, e.id), recent(tx, e.id, locale)]);
    return { event: { id: e.id, slug: e.slug, title: e.title }, count, recent: last };
  });
}

async function attendee(tx: Tx, ticketId: string, locale: Locale): Promise<Attendee> {
  const [k] = await tx<{ name: string; type_vi: string; type_en: string; answers: Record<string, string> }[]>`
    select k.attendee_name as name, t.name_vi as type_vi, t.name_en as type_en, k.answers
      from public.event_tickets k join public.ticket_types t on t.id = k.ticket_type_id where k.id = ${ticketId}`;
  const questions = await tx<{ id: string; label_vi: string; label_en: string }[]>`
    select q.id, q.label_vi, q.label_en from public.event_questions q
     where q.event_id = (select event_id from public.event_tickets where id = ${ticketId}) order by q.position, q.created_at`;
  return {
    ticketId,
    name: k!.name,
    ticketType: locale === "vi" ? k!.type_vi : k!.type_en,
    answers: questions
      .filter((q) => (k!.answers[q.id] ?? "") !== "")
      .map((q) => ({ label: locale === "vi" ? q.label_vi : q.label_en, answer: k!.answers[q.id]! })),
  };
}

/** Check in the ticket a code names. Refusals are field errors on `code`, in the viewer's language once translated. */
export async function checkIn(claims: Claims, eventId: string, rawCode: string, locale: Locale): Promise<Outcome<CheckedIn>> {
  try {
    return await asUser(claims, async (tx) => {
      const e = await managedEvent(tx, eventId);
      const code = parseCode(rawCode);
      if (!code) return refused({ code: "events.checkin.errors.unknown" });
      // The number alone finds the ticket, whatever event it is for (the staff may not read others'):
      // only a valid signature lets the answer say more than "unknown".
      const [t] = await asServiceWithin(
        tx,
        (s) => s<{ id: string; event_id: string; token_version: number }[]>`
          select id, event_id, token_version from public.event_tickets where ticket_no = ${code.number.toString()}`,
      );
      const match = t ? matchSignature({ id: t.id, version: t.token_version }, code.signature) : "forged";
      if (!t || match === "forged") return refused({ code: "events.checkin.errors.unknown" });
      if (match === "old") return refused({ code: REFUSALS.superseded! });
      if (t.event_id !== e.id) return refused({ code: REFUSALS.other_event! });
      const [r] = await tx<{ outcome: "checked_in" | "already"; checked_in_at: Date; checked_in_by_name: string | null }[]>`
        select * from public.check_in_ticket(${e.id}, ${t.id}, ${t.token_version})`;
      const [who, count] = await Promise.all([attendee(tx, t.id, locale), countOf(tx, e.id)]);
      return { ok: true, value: { ...who, outcome: r!.outcome, checkedInAt: r!.checked_in_at, checkedInBy: r!.checked_in_by_name, count } };
    });
  } catch (error) {
    if (error instanceof postgres.PostgresError && error.message in REFUSALS) return refused({ code: REFUSALS[error.message]! });
    throw error;
  }
}

/** Take back a check-in made by mistake (audited in the database). */
export function undoCheckIn(claims: Claims, eventId: string, ticketId: string): Promise<Outcome<{ undone: boolean; count: Count }>> {
  return asUser(claims, async (tx) => {
    const e = await managedEvent(tx, eventId);
    const [r] = await tx<{ undone: boolean }[]>`select public.undo_check_in(${e.id}, ${ticketId}) as undone`;
    return { ok: true, value: { undone: r!.undone, count: await countOf(tx, e.id) } };
  });
}
