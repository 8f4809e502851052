import { NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import type { Locale } from "~/platform/i18n/i18n";
import { requireId } from "~/platform/ids.server";
import { enqueueMail, mailSubject, renderMail, type RenderedMail } from "~/platform/mail/outbox.server";
import { decisionMailProps, type Templates } from "./decision-mail";
import type { Decision } from "./schema";
import { managedCall, type ManagedCall } from "../managed-call.server";
import { foundersOf } from "../people.server";

// The notify step: what will be sent (each mail rendered as its founder will read it), then the
// send. The manager confirms one version of the list: the send locks the call's pending rows,
// refuses if they are no longer what was shown, and in the same transaction moves each decision
// onto its application, queues the mails and deletes the pending rows. Two managers pressing
// notify at once: the second waits for the first's lock, then finds the list changed (empty).

export type Counts = Record<Decision, number>;
/** One mail to come: its founder and subject. Its HTML is served on its own (`pendingMail`), so the list stays small for any cohort. */
export type PreviewMail = { founderId: string; to: string; locale: Locale; subject: string };
export type PendingItem = {
  id: string;
  code: string;
  startup: string;
  decision: Decision;
  /** What the founders were told before, if anything. */
  told: Decision | null;
  /** The chosen deadline; null for an acceptance: the call's offer days from the send. */
  offerExpiresAt: string | null;
  deadlinePassed: boolean;
  mails: PreviewMail[];
};
export type NotifyPreview = { call: ManagedCall; items: PendingItem[]; counts: Counts; version: string };
export type NotifyOutcome = { kind: "sent"; counts: Counts; mails: number } | { kind: "changed" } | { kind: "deadlinePassed"; codes: string[] };

type PendingRow = {
  id: string;
  code: string;
  startup: string;
  startup_id: string;
  decision: Decision;
  told: Decision | null;
  offer_expires_at: Date | null;
  include_message: boolean;
  feedback_released: boolean;
};

// One text of the call's pending rows, locked or not: what the confirmation names.
const VERSION = `md5(coalesce(string_agg(concat_ws('|', p.application_id, p.decision, p.offer_expires_at, p.include_message,
  p.release_feedback, p.decided_at), ',' order by p.application_id), ''))`;

const countsOf = (rows: { decision: Decision }[]): Counts => ({
  accepted: rows.filter((r) => r.decision === "accepted").length,
  waitlisted: rows.filter((r) => r.decision === "waitlisted").length,
  rejected: rows.filter((r) => r.decision === "rejected").length,
});

async function templatesOf(tx: Tx, callId: string): Promise<Templates> {
  const rows = await tx<{ decision: Decision; vi: string; en: string }[]>`
    select decision, body_vi as vi, body_en as en from public.decision_templates where call_id = ${callId}`;
  return Object.fromEntries(rows.map((r) => [r.decision, { vi: r.vi, en: r.en }]));
}

/** The call's pending rows (one application's, if given), in the list's order. */
function pendingRows(tx: Tx, callId: string, applicationId?: string) {
  return tx<(PendingRow & { deadline_passed: boolean })[]>`
    select a.id, a.code, s.name as startup, a.startup_id, p.decision, a.decision as told, p.offer_expires_at,
           p.include_message, (a.feedback_released or p.release_feedback) as feedback_released,
           coalesce(p.offer_expires_at <= now(), false) as deadline_passed
      from public.pending_decisions p
      join public.applications a on a.id = p.application_id
      join public.startups s on s.id = a.startup_id
     where p.call_id = ${callId} ${applicationId ? tx`and p.application_id = ${applicationId}` : tx``}
     order by p.decision, s.name, a.code`;
}

/** The decision mail's props for one founder, as it would read if sent now. */
function previewProps(call: ManagedCall, r: PendingRow, templates: Templates, locale: Locale) {
  // An acceptance without a chosen deadline: the call's offer days from now.
  const offerExpiresAt = r.decision === "accepted" ? (r.offer_expires_at ?? new Date(Date.now() + call.offerDays * 86_400_000)) : null;
  const facts = { ...r, offerExpiresAt, includeMessage: r.include_message, feedbackReleased: r.feedback_released };
  return decisionMailProps(call, env().APP_URL, facts, templates, locale);
}

/** The call's pending decisions with every mail they will send (recipient and subject), and the list's version. */
export function notifyPreview(claims: Claims, callId: string): Promise<NotifyPreview> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    const [rows, [v], templates] = await Promise.all([
      pendingRows(tx, call.id),
      tx<{ version: string }[]>`select ${tx.unsafe(VERSION)} as version from public.pending_decisions p where p.call_id = ${call.id}`,
      templatesOf(tx, call.id),
    ]);
    const founders = await foundersOf(tx, rows.map((r) => r.startup_id));
    const items = rows.map(
      (r): PendingItem => ({
        id: r.id,
        code: r.code,
        startup: r.startup,
        decision: r.decision,
        told: r.told,
        offerExpiresAt: r.offer_expires_at?.toISOString() ?? null,
        deadlinePassed: r.deadline_passed,
        mails: founders
          .filter((f) => f.startupId === r.startup_id)
          .map((f) => ({ founderId: f.userId, to: f.email, locale: f.locale, subject: mailSubject("application-decision", previewProps(call, r, templates, f.locale)) })),
      }),
    );
    return { call, items, counts: countsOf(rows), version: v!.version };
  });
}

/**
 * One pending decision's mail to one of its founders, rendered as the outbox will hold it if sent
 * now. NotFoundError unless the viewer manages the call, the decision is pending and the person is
 * one of the startup's founders.
 */
export function pendingMail(claims: Claims, callId: string, applicationId: string, founderId: string): Promise<RenderedMail & { locale: Locale }> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    const [[row], templates] = await Promise.all([pendingRows(tx, call.id, requireId(applicationId)), templatesOf(tx, call.id)]);
    if (!row) throw new NotFoundError();
    const founder = (await foundersOf(tx, [row.startup_id])).find((f) => f.userId === requireId(founderId));
    if (!founder) throw new NotFoundError();
    return { locale: founder.locale, ...(await renderMail("application-decision", previewProps(call, row, templates, founder.locale))) };
  });
}

/**
 * Tell the founders: for the version of the pending list the manager confirmed, move each decision
 * onto its application (decision, stage, offer deadline, released feedback, notified_at), queue one
 * mail per founder, delete the pending rows. All or nothing, and at most once.
 */
export function notifyFounders(claims: Claims, callId: string, version: string): Promise<NotifyOutcome> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    // The lock: held to commit, so a concurrent notify (or decide) on these rows waits for it.
    const [locked] = await tx<{ version: string; ids: string[]; expired: string[] }[]>`
      with p as (select * from public.pending_decisions where call_id = ${call.id} for update)
      select ${tx.unsafe(VERSION)} as version, coalesce(array_agg(p.application_id), '{}') as ids,
             coalesce(array_agg(a.code order by a.code) filter (where p.offer_expires_at <= now()), '{}') as expired
        from p join public.applications a on a.id = p.application_id`;
    if (locked!.ids.length === 0 || locked!.version !== version) return { kind: "changed" };
    if (locked!.expired.length > 0) return { kind: "deadlinePassed", codes: locked!.expired };
    const sent = await tx<PendingRow[]>`
      update public.applications a
         set decision = p.decision, decided_at = p.decided_at, notified_at = now(), stage = 'decision',
             offer_expires_at = case when p.decision = 'accepted'
                                     then coalesce(p.offer_expires_at, now() + make_interval(days => ${call.offerDays})) end,
             feedback_released = a.feedback_released or p.release_feedback
        from public.pending_decisions p, public.startups s
       where p.application_id = a.id and s.id = a.startup_id and a.id = any(${tx.array(locked!.ids)}::uuid[])
         and a.status = 'submitted' and a.offer_response is null
      returning a.id, a.code, s.name as startup, a.startup_id, p.decision, null as told, a.offer_expires_at,
                p.include_message, a.feedback_released`;
    await tx`delete from public.pending_decisions where application_id = any(${tx.array(locked!.ids)}::uuid[])`;
    const templates = await templatesOf(tx, call.id);
    const byStartup = new Map(sent.map((r) => [r.startup_id, r]));
    const founders = await foundersOf(tx, [...byStartup.keys()]);
    for (const f of founders) {
      const r = byStartup.get(f.startupId)!;
      const facts = { ...r, offerExpiresAt: r.offer_expires_at, includeMessage: r.include_message, feedbackReleased: r.feedback_released };
      await enqueueMail(tx, f.email, "application-decision", decisionMailProps(call, env().APP_URL, facts, templates, f.locale));
    }
    return { kind: "sent", counts: countsOf(sent), mails: founders.length };
  });
}
