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

export type Settled = { payment: Payment; changed: boolean };

/** Money arrived for the payment. Tx runs as the service. */
export async function settlePaid(tx: Tx, payment: Payment, settledBy: string | null = null): Promise<Settled> {
  const locked = await lockPayment(tx, { id: payment.id });
  if (!locked || !["pending", "expired", "cancelled"].includes(locked.status)) return { payment: locked ?? payment, changed: false };
  const outcome = await paymentKind(locked.kind).onPaid(tx, locked);
  const status = outcome === "fulfilled" ? "paid" : "refund_needed";
  await tx`update public.payments set status = ${status}, settled_at = now(), settled_by = ${settledBy}, updated_at = now() where id = ${locked.id}`;
  return { payment: { ...locked, status, settledAt: new Date() }, changed: true };
}

/** The payment's time ran out unpaid (Stripe's expiry or the deadline sweep). Tx runs as the service. */
export async function settleExpired(tx: Tx, payment: Payment): Promise<Settled> {
  const locked = await lockPayment(tx, { id: payment.id });
  if (!locked || locked.status !== "pending") return { payment: locked ?? payment, changed: false };
  await tx`update public.payments set status = 'expired', updated_at = now() where id = ${locked.id}`;
  const expired = { ...locked, status: "expired" as const };
  await paymentKind(locked.kind).onExpired(tx, expired);
  return { payment: expired, changed: true };
}
