import { randomUUID } from "node:crypto";
import { audit } from "~/platform/audit/audit.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { refused, type Outcome } from "~/platform/http/form.server";
import { enqueueMailToMany, renderMail, type RenderedMail } from "~/platform/mail/outbox.server";
import { managedEvent, type ManagedEvent } from "../managed-event.server";
import { recipientsOf, type Recipient } from "./audience.server";
import type { Audience, MessageInput } from "./schema";

// Messages from an event's organisers (its organisation's managers and staff) to its attendees or
// waitlist: the page that writes them with the messages already sent, a preview of the mail in
// each language with the number of people it will reach, and the send: the message row and one
// mail per person, in that person's language, in one transaction. Anyone else gets a 404.

type Locale = "vi" | "en";

export type SentMessage = { id: string; subject: { vi: string; en: string }; audience: Audience; recipients: number; sender: string | null; sentAt: Date };

/** The page: the event, its ticket types to choose from, the messages sent (newest first) and a fresh key for the form. */
export function messagesPage(claims: Claims, eventId: string) {
  return asUser(claims, async (tx) => {
    const e = await managedEvent(tx, eventId);
    const [types, sent] = await Promise.all([
      tx<{ id: string; name_vi: string; name_en: string }[]>`
        select id, name_vi, name_en from public.ticket_types where event_id = ${e.id} order by position, created_at`,
      tx<SentMessage[]>`
        select m.id, jsonb_build_object('vi', m.subject_vi, 'en', m.subject_en) as subject, m.audience, m.recipients,
               p.display_name as sender, m.created_at as "sentAt"
          from public.event_messages m left join public.profiles p on p.id = m.sender_id
         where m.event_id = ${e.id}
         order by m.created_at desc, m.id limit 100`,
    ]);
    return {
      event: { id: e.id, slug: e.slug, title: e.title },
      ticketTypes: types.map((t) => ({ id: t.id, name: { vi: t.name_vi, en: t.name_en } })),
      sent,
      sendKey: randomUUID(),
    };
  });
}

/** The mail a reader in `locale` gets: the organisers' text in that language, or the other when they wrote only one. */
function mailProps(e: ManagedEvent, m: MessageInput, locale: Locale) {
  const own = locale === "vi" ? { subject: m.subjectVi, body: m.bodyVi } : { subject: m.subjectEn, body: m.bodyEn };
  const other = locale === "vi" ? { subject: m.subjectEn, body: m.bodyEn } : { subject: m.subjectVi, body: m.bodyVi };
  const text = own.subject ? own : other;
  return { locale, event: e.title[locale], ...text, to: m.to, url: `${env().APP_URL}/events/${e.slug}` };
}

async function checkedAudience(tx: Tx, e: ManagedEvent, m: MessageInput): Promise<Outcome<Recipient[]>> {
  if (m.ticketTypes.length > 0) {
    const [{ n } = { n: 0 }] = await tx<{ n: number }[]>`
      select count(*)::int as n from public.ticket_types where event_id = ${e.id} and id = any(${m.ticketTypes}::uuid[])`;
    if (n !== new Set(m.ticketTypes).size) return refused({ ticketTypes: "events.messages.refused.ticketType" });
  }
  return { ok: true, value: await recipientsOf(tx, e.id, m) };
}

export type Preview = { count: number; byLocale: Record<Locale, number>; mails: Record<Locale, RenderedMail> };

/** The mail as each language's readers will read it, and how many people it would reach. Writes nothing. */
export function previewMessage(claims: Claims, eventId: string, m: MessageInput): Promise<Outcome<Preview>> {
  return asUser(claims, async (tx) => {
    const e = await managedEvent(tx, eventId);
    const people = await checkedAudience(tx, e, m);
    if (!people.ok) return people;
    const [vi, en] = await Promise.all([renderMail("event-message", mailProps(e, m, "vi")), renderMail("event-message", mailProps(e, m, "en"))]);
    const byLocale = { vi: people.value.filter((r) => r.locale === "vi").length, en: people.value.filter((r) => r.locale === "en").length };
    return { ok: true, value: { count: people.value.length, byLocale, mails: { vi, en } } };
  });
}

/**
 * Send: the message and its mails, or nothing. A key already used for this event is the same send
 * posted again: nothing more is written and the first send's count is answered.
 */
export function sendMessage(claims: Claims, eventId: string, m: MessageInput): Promise<Outcome<{ recipients: number; repeated: boolean }>> {
  return asUser(claims, async (tx) => {
    const e = await managedEvent(tx, eventId);
    const people = await checkedAudience(tx, e, m);
    if (!people.ok) return people;
    if (people.value.length === 0) return refused({ to: "events.messages.refused.nobody" });
    const audience: Audience = { to: m.to, ticketTypes: m.ticketTypes, checkedIn: m.to === "attendees" ? m.checkedIn : "any" };
    // a concurrent send with the same key waits here for the first to commit, then inserts nothing
    const [created] = await tx<{ id: string }[]>`
      insert into public.event_messages (event_id, sender_id, send_key, subject_vi, subject_en, body_vi, body_en, audience, recipients)
      values (${e.id}, ${claims.sub}, ${m.sendKey}, ${m.subjectVi}, ${m.subjectEn}, ${m.bodyVi}, ${m.bodyEn}, ${tx.json(audience)}, ${people.value.length})
      on conflict (event_id, send_key) do nothing
      returning id`;
    if (!created) {
      const [first] = await tx<{ recipients: number }[]>`select recipients from public.event_messages where event_id = ${e.id} and send_key = ${m.sendKey}`;
      return { ok: true, value: { recipients: first?.recipients ?? 0, repeated: true } };
    }
    const detail = { recipients: people.value.length, audience };
    await audit(tx, { orgId: e.orgId, scopeId: e.id, subjectType: "event_message", subjectId: created.id, kind: "message_sent", detail });
    await enqueueMailToMany(tx, people.value, "event-message", (locale) => mailProps(e, m, locale));
    return { ok: true, value: { recipients: people.value.length, repeated: false } };
  });
}
