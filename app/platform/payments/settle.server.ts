import { auditAsService } from "~/platform/audit/audit.server";
import type { Tx } from "~/platform/db/transaction.server";
import { paymentKind, type Payment } from "./kinds.server";
import { lockPayment } from "./store.server";

// The one state machine of a payment, for every method and every path (Stripe's webhooks, staff
// confirming a transfer, the deadline sweep). Each step locks the payment's row first, so a
// completion and an expiry racing each other are applied one after the other, and the capability
// is called back once per change, in the same transaction.
//
//   pending ──paid, fulfilled──▶ paid
//   pending ──paid, cannot──────▶ refund_needed   (money without a seat: staff refund it)
//   pending ──deadline──────────▶ expired ──paid──▶ paid | refund_needed (paid at the last second)
//
// Each change is written to the audit trail in the same transaction: paid (by Stripe), received
// (a bank transfer, with the staff member who marked it), expired, refund flagged.

export type Settled = { payment: Payment; changed: boolean };

/** Money arrived for the payment. Tx runs as the service. */
export async function settlePaid(tx: Tx, payment: Payment, settledBy: string | null = null): Promise<Settled> {
  const locked = await lockPayment(tx, { id: payment.id });
  if (!locked || !["pending", "expired", "cancelled"].includes(locked.status)) return { payment: locked ?? payment, changed: false };
  const outcome = await paymentKind(locked.kind).onPaid(tx, locked);
  const status = outcome === "fulfilled" ? "paid" : "refund_needed";
  await tx`update public.payments set status = ${status}, settled_at = now(), settled_by = ${settledBy}, updated_at = now() where id = ${locked.id}`;
  const kind = status === "refund_needed" ? "payment_refund_flagged" : settledBy ? "payment_received" : "payment_paid";
  await record(tx, locked, kind, settledBy, { from: locked.status });
  return { payment: { ...locked, status, settledAt: new Date() }, changed: true };
}

/** The payment's time ran out unpaid (Stripe's expiry or the deadline sweep). Tx runs as the service. */
export async function settleExpired(tx: Tx, payment: Payment): Promise<Settled> {
  const locked = await lockPayment(tx, { id: payment.id });
  if (!locked || locked.status !== "pending") return { payment: locked ?? payment, changed: false };
  await tx`update public.payments set status = 'expired', updated_at = now() where id = ${locked.id}`;
  const expired = { ...locked, status: "expired" as const };
  await paymentKind(locked.kind).onExpired(tx, expired);
  await record(tx, locked, "payment_expired", null, {});
  return { payment: expired, changed: true };
}

async function record(tx: Tx, p: Payment, kind: string, actorId: string | null, detail: Record<string, unknown>) {
  const scopeId = (await paymentKind(p.kind).auditScope?.(tx, p)) ?? null;
  const what = { paymentKind: p.kind, reference: p.reference, method: p.method, amountVnd: p.amountVnd, ...detail };
  await auditAsService(tx, { orgId: p.orgId, scopeId, subjectType: "payment", subjectId: p.id, kind, detail: what }, actorId);
}
