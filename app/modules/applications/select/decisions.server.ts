import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { NotFoundError } from "~/platform/db/errors.server";
import { isUuid } from "~/platform/ids";
import { requireId } from "~/platform/ids.server";
import type { Decision } from "./schema";
import { managedCall, type ManagedCall } from "../managed-call.server";
import { raisedName } from "../outcomes.server";
import { MAX_OFFER_DAYS } from "./decision-answer";

// Deciding, silently: a decision is a pending row only the call's managers can see, until the
// notify step tells the founders (notify.server.ts). Changing it rewrites the row, undoing it
// deletes the row; the application itself, its timeline and the founders' mailbox stay untouched.
// The database holds the rules (see migration 20261201100000_decide_then_notify.sql); the checks
// here answer the manager with what is wrong before the database would refuse.

export const WARNINGS = ["few_reviews", "below_threshold", "conflict"] as const;
export type Warning = (typeof WARNINGS)[number];

export type DecideOptions = {
  includeMessage: boolean;
  releaseFeedback: boolean;
  /** The offer's last day (YYYY-MM-DD) in the call's time zone; none: offer_days after the founders are told. */
  deadline?: string;
  /** The manager saw the warnings and accepts anyway. */
  confirmWarnings: boolean;
};

export type DecideOutcome =
  | { kind: "done"; changed: number; skipped: number }
  | { kind: "warnings"; applications: { code: string; warnings: Warning[] }[] }
  | { kind: "deadline"; error: "past" | "tooFar" };


async function deadlineOf(tx: Tx, call: ManagedCall, day: string) {
  const [row] = await tx<{ at: Date; past: boolean; too_far: boolean }[]>`
    select x.at, x.at <= now() as past, x.at > now() + make_interval(days => ${MAX_OFFER_DAYS}) as too_far
      from (select (${day}::date + time '23:59') at time zone ${call.timeZone} as at) x`;
  return row!;
}

/**
 * Decide on the given applications of the call, silently: accept, waitlist or reject. Only
 * submitted applications whose founders have not answered an offer change; deciding what the
 * founders were already told withdraws the pending change instead. Accepting an application that
 * has warnings needs `confirmWarnings`; without it nothing is written and the warnings come back.
 */
export async function decide(claims: Claims, callId: string, ids: string[], decision: Decision, options: DecideOptions): Promise<DecideOutcome> {
  try {
    return await decideOnce(claims, callId, ids, decision, options);
  } catch (error) {
    // The database refused what changed since the checks (a conflict found, an offer answered, an
    // application withdrawn meanwhile): decide again on what is true now, asking again.
    const name = raisedName(error);
    if (name === "warnings_unconfirmed") return decideOnce(claims, callId, ids, decision, { ...options, confirmWarnings: false });
    if (name === "decision_locked") return decideOnce(claims, callId, ids, decision, options);
    throw error;
  }
}

function decideOnce(claims: Claims, callId: string, ids: string[], decision: Decision, options: DecideOptions): Promise<DecideOutcome> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    let deadline: Date | null = null;
    if (decision === "accepted" && options.deadline) {
      const d = await deadlineOf(tx, call, options.deadline);
      if (d.past) return { kind: "deadline", error: "past" };
      if (d.too_far) return { kind: "deadline", error: "tooFar" };
      deadline = d.at;
    }
    const targets = await tx<
      {
        id: string;
        code: string;
        told: Decision | null;
        warnings: Warning[] | null;
      }[]
    >`
      select a.id, a.code, a.decision as told, public.acceptance_warnings(a.id) as warnings
        from public.applications a
       where a.id = any(${tx.array(ids.filter(isUuid))}::uuid[]) and a.call_id = ${call.id}
         and a.status = 'submitted' and a.offer_response is null
       order by a.code`;
    const warned = targets.filter((t) => decision === "accepted" && t.told !== "accepted" && (t.warnings ?? []).length > 0);
    if (warned.length > 0 && !options.confirmWarnings) {
      return {
        kind: "warnings",
        applications: warned.map((t) => ({
          code: t.code,
          warnings: t.warnings!,
        })),
      };
    }
    // What the founders were told already: the pending change (if any) is withdrawn.
    const same = targets.filter((t) => t.told === decision).map((t) => t.id);
    const withdrawn = await tx`delete from public.pending_decisions where application_id = any(${tx.array(same)}::uuid[])`;
    const rows = targets
      .filter((t) => t.told !== decision)
      .map((t) => ({
        application_id: t.id,
        call_id: call.id,
        decision,
        offer_expires_at: decision === "accepted" ? deadline : null,
        include_message: options.includeMessage,
        release_feedback: options.releaseFeedback,
        warnings_overridden: decision === "accepted" && options.confirmWarnings ? (t.warnings ?? []) : [],
      }));
    let written = 0;
    if (rows.length > 0) {
      const result = await tx`
          insert into public.pending_decisions ${tx(rows.map((r) => ({ ...r, warnings_overridden: tx.array(r.warnings_overridden) })))}
          on conflict (application_id) do update
             set decision = excluded.decision, offer_expires_at = excluded.offer_expires_at, include_message = excluded.include_message,
                 release_feedback = excluded.release_feedback, warnings_overridden = excluded.warnings_overridden
           where (pending_decisions.decision, pending_decisions.offer_expires_at, pending_decisions.include_message, pending_decisions.release_feedback)
                 is distinct from (excluded.decision, excluded.offer_expires_at, excluded.include_message, excluded.release_feedback)`;
      written = result.count;
    }
    const changed = written + withdrawn.count;
    return { kind: "done", changed, skipped: ids.length - changed };
  });
}

/**
 * Undo a decision the founders have not been told: the pending row goes, nothing else remains.
 * False when there was nothing to undo; an application not of this call is not found.
 */
export async function undoDecision(claims: Claims, callId: string, applicationId: string): Promise<boolean> {
  const id = requireId(applicationId);
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    const [row] = await tx<{ undone: boolean }[]>`
      with gone as (delete from public.pending_decisions where application_id = ${id} and call_id = ${call.id} returning 1)
      select exists (select 1 from gone) as undone from public.applications a where a.id = ${id} and a.call_id = ${call.id}`;
    if (!row) throw new NotFoundError();
    return row.undone;
  });
}

/** What the decide controls of one application show: its pending (unsent) decision and its warnings (application_dossier() reads them). */
export type DecideControls = {
  pending: { decision: Decision; offerExpiresAt: string | null; decidedAt: string } | null;
  warnings: Warning[];
};
