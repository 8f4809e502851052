import { NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { enqueueMail } from "~/platform/mail/outbox.server";
import { managedCall } from "../managed-call.server";
import { recipientsOf } from "../people.server";

/**
 * Remind the slow reviewers: everyone with unfinished assignments in this call (or only the one
 * named). Each gets one mail in their own language and their open assignments record reminded_at.
 * Returns how many reviewers were reminded.
 */
export function remindReviewers(claims: Claims, callId: string, reviewerId?: string): Promise<number> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    if (!call) throw new NotFoundError();
    const slow = await tx<{ reviewer_id: string; pending: number }[]>`
      with touched as (
        update public.review_assignments r set reminded_at = now()
          from public.applications a
         where a.id = r.application_id and a.call_id = ${call.id} and r.round = 'review' and r.status = 'assigned'
           and (${reviewerId ?? null}::uuid is null or r.reviewer_id = ${reviewerId ?? null})
        returning r.reviewer_id
      )
      select reviewer_id, count(*)::int as pending from touched group by reviewer_id`;
    const pending = new Map(slow.map((s) => [s.reviewer_id, s.pending]));
    for (const person of await recipientsOf(tx, [...pending.keys()])) {
      await enqueueMail(tx, person.email, "review-reminder", {
        locale: person.locale,
        name: person.name,
        call: call.title[person.locale],
        pending: pending.get(person.userId)!,
        url: `${env().APP_URL}/review`,
      });
    }
    return slow.length;
  });
}
