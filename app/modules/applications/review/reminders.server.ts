import { asService, asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { formatInZone } from "~/platform/i18n/format";
import { enqueueMail } from "~/platform/mail/outbox.server";
import { managedCall, type ManagedCall } from "../managed-call.server";
import { recipientsOf } from "../people.server";

// What reviewers are told: that they have work (when assigned), and that it is due (by a
// manager's button, or by the scheduler before the call's due date and once it has passed).
const reviewUrl = () => `${env().APP_URL}/review`;
const dueText = (at: Date | string, locale: "vi" | "en", zone: string) => formatInZone(at, locale, zone);
/** The "due soon" reminder goes out this long before the due date. */
export const DUE_SOON_HOURS = 48;

/** One mail per reviewer who was just given applications, with how many and the due date. */
export async function mailAssigned(tx: Tx, call: ManagedCall, reviewerIds: string[]) {
  const counts = new Map<string, number>();
  for (const id of reviewerIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const person of await recipientsOf(tx, [...counts.keys()])) {
    await enqueueMail(tx, person.email, "review-assigned", {
      locale: person.locale,
      name: person.name,
      call: call.title[person.locale],
      count: counts.get(person.userId)!,
      due: call.reviewDueAt ? dueText(call.reviewDueAt, person.locale, call.timeZone) : null,
      url: reviewUrl(),
    });
  }
}

/**
 * Remind the slow reviewers: everyone with unfinished assignments in this call (or only the one
 * named). Each gets one mail in their own language and their open assignments record reminded_at.
 * Returns how many reviewers were reminded.
 */
export function remindReviewers(claims: Claims, callId: string, reviewerId?: string): Promise<number> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
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
        url: reviewUrl(),
        due: call.reviewDueAt ? { at: dueText(call.reviewDueAt, person.locale, call.timeZone), overdue: Date.parse(call.reviewDueAt) <= Date.now() } : null,
      });
    }
    return slow.length;
  });
}

/**
 * The scheduler's sweep: reviewers with unfinished reviews of a call get one reminder when its
 * due date is less than DUE_SOON_HOURS away, and one more once it has passed. Each reminder is
 * recorded (review_reminders) in the same transaction as its mail, so a second sweep, or one
 * retried after a crash, sends nothing twice. Returns how many mails were queued. `now` is the
 * job's clock (the scheduler's tick), so a test moves time instead of waiting for it.
 */
export function remindByDueDate(now: Date = new Date()): Promise<number> {
  return asService(async (tx) => {
    const due = await tx<{ reviewer_id: string; pending: number; kind: "due_soon" | "overdue"; due_at: Date; zone: string; title_vi: string; title_en: string }[]>`
      with pending as (
        select a.call_id, r.reviewer_id, count(*)::int as pending,
               case when c.review_due_at <= ${now}::timestamptz then 'overdue' else 'due_soon' end as kind
          from public.review_assignments r
          join public.applications a on a.id = r.application_id
          join public.calls c on c.id = a.call_id
         where r.round = 'review' and r.status = 'assigned' and a.status = 'submitted' and a.decision is null
           and c.review_due_at is not null and c.review_due_at <= ${now}::timestamptz + make_interval(hours => ${DUE_SOON_HOURS})
         group by a.call_id, r.reviewer_id, c.review_due_at
      ), recorded as (
        insert into public.review_reminders (call_id, reviewer_id, kind)
        select call_id, reviewer_id, kind from pending
        on conflict do nothing
        returning call_id, reviewer_id, kind
      )
      select p.reviewer_id, p.pending, p.kind, c.review_due_at as due_at, c.time_zone as zone, c.title_vi, c.title_en
        from recorded x join pending p using (call_id, reviewer_id, kind) join public.calls c on c.id = x.call_id`;
    const people = new Map((await recipientsOf(tx, [...new Set(due.map((d) => d.reviewer_id))])).map((p) => [p.userId, p]));
    for (const d of due) {
      const person = people.get(d.reviewer_id);
      if (!person) continue;
      await enqueueMail(tx, person.email, "review-reminder", {
        locale: person.locale,
        name: person.name,
        call: person.locale === "vi" ? d.title_vi : d.title_en,
        pending: d.pending,
        url: reviewUrl(),
        due: { at: dueText(d.due_at, person.locale, d.zone), overdue: d.kind === "overdue" },
      });
    }
    return due.length;
  });
}
