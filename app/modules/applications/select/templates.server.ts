import { asUser, type Claims } from "~/platform/db/transaction.server";
import type { Decision, TemplatesInput } from "./schema";
import { managedCall, type ManagedCall } from "../managed-call.server";
import type { Bilingual } from "~/platform/i18n/i18n";

export type DecidedApplication = {
  id: string;
  code: string;
  startup: string;
  decision: Decision;
  decidedAt: string;
  offerExpiresAt: string | null;
  offerResponse: "confirmed" | "declined" | "lapsed" | null;
  feedbackReleased: boolean;
};

/** A decision made and not yet sent: only the call's managers know of it. */
export type PendingDecision = { id: string; code: string; startup: string; decision: Decision; told: Decision | null; offerExpiresAt: string | null; decidedAt: string };

export type DecisionsPage = {
  call: ManagedCall;
  templates: Partial<Record<Decision, Bilingual>>;
  decided: DecidedApplication[];
  pending: PendingDecision[];
};

/** The decisions page: the call's message templates, the decisions not yet sent and every decision sent, in one statement. */
export function decisionsPage(claims: Claims, callId: string): Promise<DecisionsPage> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    const [row] = await tx<{ templates: DecisionsPage["templates"]; decided: DecidedApplication[]; pending: PendingDecision[] }[]>`
      select coalesce((select json_object_agg(t.decision, json_build_object('vi', t.body_vi, 'en', t.body_en))
                         from public.decision_templates t where t.call_id = ${call.id}), '{}') as templates,
             coalesce((select json_agg(json_build_object(
                         'id', a.id, 'code', a.code, 'startup', s.name, 'decision', a.decision, 'decidedAt', a.decided_at,
                         'offerExpiresAt', a.offer_expires_at, 'offerResponse', a.offer_response,
                         'feedbackReleased', a.feedback_released) order by a.decision, s.name)
                         from public.applications a join public.startups s on s.id = a.startup_id
                        where a.call_id = ${call.id} and a.decision is not null), '[]') as decided,
             coalesce((select json_agg(json_build_object(
                         'id', a.id, 'code', a.code, 'startup', s.name, 'decision', p.decision, 'told', a.decision,
                         'offerExpiresAt', p.offer_expires_at, 'decidedAt', p.decided_at) order by p.decision, s.name)
                         from public.pending_decisions p join public.applications a on a.id = p.application_id
                         join public.startups s on s.id = a.startup_id
                        where p.call_id = ${call.id}), '[]') as pending`;
    return { call, templates: row!.templates, decided: row!.decided, pending: row!.pending };
  });
}

/** Save the three bilingual message templates of a call. */
export function saveTemplates(claims: Claims, callId: string, input: TemplatesInput): Promise<void> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    const rows = (["accepted", "waitlisted", "rejected"] as const).map((d) => ({
      call_id: call.id,
      decision: d,
      body_vi: input[`${d}_vi`],
      body_en: input[`${d}_en`],
    }));
    await tx`
      insert into public.decision_templates ${tx(rows, "call_id", "decision", "body_vi", "body_en")}
      on conflict (call_id, decision) do update set body_vi = excluded.body_vi, body_en = excluded.body_en`;
  });
}
