import { NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { formatInZone } from "~/platform/i18n/format";
import { enqueueMail } from "~/platform/mail/outbox.server";
import type { Decision, Stage } from "./schema";
import { managedCall } from "../managed-call.server";
import { foundersOf } from "../people.server";

// Stage moves and decisions, singly or in bulk. Each runs as the manager (RLS, and the audit
// trigger records them as the actor), changes only submitted applications of the call that are
// not already there, and mails every founder of each changed application in their language, in
// the same transaction.
export type Outcome = { changed: number; skipped: number };

type Changed = { id: string; code: string; startup_id: string; startup: string; offer_expires_at: Date | null; feedback_released: boolean };

const appUrl = (id: string) => `${env().APP_URL}/applications/${id}`;

export function moveStage(claims: Claims, callId: string, ids: string[], stage: Stage): Promise<Outcome> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    if (!call) throw new NotFoundError();
    const changed = await tx<Changed[]>`
      update public.applications a set stage = ${stage}
        from public.startups s
       where s.id = a.startup_id and a.id = any(${tx.array(ids)}::uuid[]) and a.call_id = ${call.id}
         and a.status = 'submitted' and a.stage <> ${stage}
      returning a.id, a.code, a.startup_id, s.name as startup, a.offer_expires_at, a.feedback_released`;
    const byStartup = new Map(changed.map((c) => [c.startup_id, c]));
    for (const f of await foundersOf(tx, [...byStartup.keys()])) {
      const app = byStartup.get(f.startupId)!;
      await enqueueMail(tx, f.email, "application-stage", {
        locale: f.locale, startup: app.startup, call: call.title[f.locale], code: app.code, stage, url: appUrl(app.id),
      });
    }
    return { changed: changed.length, skipped: ids.length - changed.length };
  });
}

export type DecideOptions = { includeMessage: boolean; releaseFeedback: boolean };

/**
 * Accept, waitlist or reject; the application moves to the decision stage with it, so it never
 * reads "Screening" once decided. Accepting opens an offer until now + the call's offer_days; the
 * founders' mail asks them to confirm and names the deadline in the call's time zone. An
 * application whose founders already answered an offer keeps its decision (skipped).
 */
export function decide(claims: Claims, callId: string, ids: string[], decision: Decision, options: DecideOptions): Promise<Outcome> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    if (!call) throw new NotFoundError();
    const changed = await tx<Changed[]>`
      update public.applications a
         set decision = ${decision}, decided_at = now(), stage = 'decision',
             offer_expires_at = case when ${decision} = 'accepted' then now() + make_interval(days => ${call.offerDays}) end,
             feedback_released = a.feedback_released or ${options.releaseFeedback}
        from public.startups s
       where s.id = a.startup_id and a.id = any(${tx.array(ids)}::uuid[]) and a.call_id = ${call.id}
         and a.status = 'submitted' and a.offer_response is null and a.decision is distinct from ${decision}::public.app_decision
      returning a.id, a.code, a.startup_id, s.name as startup, a.offer_expires_at, a.feedback_released`;
    if (changed.length === 0) return { changed: 0, skipped: ids.length };
    const [template] = options.includeMessage
      ? await tx<{ body_vi: string; body_en: string }[]>`
          select body_vi, body_en from public.decision_templates where call_id = ${call.id} and decision = ${decision}`
      : [];
    const byStartup = new Map(changed.map((c) => [c.startup_id, c]));
    for (const f of await foundersOf(tx, [...byStartup.keys()])) {
      const app = byStartup.get(f.startupId)!;
      await enqueueMail(tx, f.email, "application-decision", {
        locale: f.locale,
        startup: app.startup,
        call: call.title[f.locale],
        code: app.code,
        decision,
        message: template ? (f.locale === "vi" ? template.body_vi : template.body_en) : "",
        deadline: app.offer_expires_at ? formatInZone(app.offer_expires_at, f.locale, call.timeZone) : null,
        feedbackReleased: app.feedback_released,
        url: appUrl(app.id),
      });
    }
    return { changed: changed.length, skipped: ids.length - changed.length };
  });
}
