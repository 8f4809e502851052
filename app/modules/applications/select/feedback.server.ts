import { asUser, type Claims } from "~/platform/db/transaction.server";
import type { FeedbackIntent } from "./feedback-schema";
import { managedCall, type ManagedCall } from "../managed-call.server";

// Releasing reviewers' feedback to founders, apart from deciding: per application or for every
// decided application of the call. The founders read it on their application page (through
// released_feedback() in SQL); the audit trigger on applications records each release with its actor.

export type FeedbackRow = { id: string; code: string; startup: string; decision: string | null; reviews: number; released: boolean };
export type FeedbackPage = { call: ManagedCall; applications: FeedbackRow[] };

/** The call's submitted applications with their submitted reviews and whether feedback is out, in one statement. */
export function feedbackPage(claims: Claims, callId: string): Promise<FeedbackPage> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    const applications = await tx<FeedbackRow[]>`
      select a.id, a.code, s.name as startup, a.decision, a.feedback_released as released,
             (select count(*)::int from public.review_assignments r where r.application_id = a.id and r.status = 'submitted') as reviews
        from public.applications a join public.startups s on s.id = a.startup_id
       where a.call_id = ${call.id} and a.status = 'submitted'
       order by a.decision nulls last, s.name, a.code
       limit 5000`;
    return { call, applications };
  });
}

/** Applies one button of the feedback page; the number of applications whose feedback changed. */
export function applyFeedback(claims: Claims, callId: string, intent: FeedbackIntent): Promise<number> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    const release = intent.intent !== "withdraw";
    const one = intent.intent === "releaseDecided" ? null : intent.applicationId;
    const changed = await tx`
      update public.applications set feedback_released = ${release}
       where call_id = ${call.id} and status = 'submitted' and feedback_released <> ${release}
         and (${one}::uuid is null or id = ${one}::uuid)
         and (${one}::uuid is not null or decision is not null)`;
    return changed.count;
  });
}
