import { asUser, type Claims } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { enqueueMail } from "~/platform/mail/outbox.server";
import type { Stage } from "./schema";
import { managedCall } from "../managed-call.server";
import { foundersOf } from "../people.server";

// Stage moves, singly or in bulk. Each runs as the manager (RLS, and the audit trigger records
// them as the actor), changes only submitted applications of the call that are not already there,
// and mails every founder of each changed application in their language, in the same transaction.
// Decisions are decided silently and told in a step of their own (decisions.server.ts, notify.server.ts).
export type Outcome = { changed: number; skipped: number };

type Changed = { id: string; code: string; startup_id: string; startup: string; offer_expires_at: Date | null; feedback_released: boolean };

const appUrl = (id: string) => `${env().APP_URL}/applications/${id}`;

export function moveStage(claims: Claims, callId: string, ids: string[], stage: Stage): Promise<Outcome> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
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
