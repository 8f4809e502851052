import { asServiceWithin, type Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { startBankTransfer } from "~/platform/payments/bank.server";
import { startCardPayment } from "~/platform/payments/checkout.server";
import type { Payment, PaymentMethod } from "~/platform/payments/kinds.server";
import type { NewPayment } from "~/platform/payments/store.server";

// Paying for a held order (the payment kind "event_order", registered in ../payments.server.ts).
// Card: a Stripe Checkout that expires at the order's 30-minute hold. Bank transfer: the hold is
// lengthened to the transfer deadline (two days, never past the event's start), because a
// transfer takes a banking app and staff reading the statement, not a card form.

export const EVENT_ORDER = "event_order";
export const TRANSFER_DAYS = 2;

type HeldOrder = { id: string; code: string; total_vnd: string; hold_until: Date; slug: string; org_id: string; title: string; starts_at: Date };

/** The held order as its buyer reads it (RLS), with what the payment says. */
async function heldOrder(tx: Tx, orderId: string, locale: "vi" | "en"): Promise<HeldOrder> {
  const [o] = await tx<HeldOrder[]>`
    select o.id, o.code, o.total_vnd, o.hold_until, e.slug, e.org_id, case when ${locale} = 'vi' then e.title_vi else e.title_en end as title, e.starts_at
      from public.event_orders o join public.events e on e.id = o.event_id
     where o.id = ${orderId} and o.status = 'held'`;
  if (!o) throw new Error(`no held order ${orderId} to pay`);
  return o;
}

const asPayment = (o: HeldOrder, payerId: string, deadline: Date): NewPayment => ({
  kind: EVENT_ORDER,
  reference: o.id,
  orgId: o.org_id,
  payerId,
  description: `${o.title} · ${o.code}`.slice(0, 200),
  amountVnd: Number(o.total_vnd),
  deadline,
});

/** The transfer's deadline: two days from now, not past the event's start, and never shorter than the hold already given. */
export function transferDeadline(now: Date, holdUntil: Date, startsAt: Date): Date {
  const wanted = Math.min(now.getTime() + TRANSFER_DAYS * 86_400_000, startsAt.getTime());
  return new Date(Math.max(wanted, holdUntil.getTime()));
}

/**
 * Start paying a held order, in the buyer's transaction. A bank transfer is a row (fast, so it
 * shares the transaction that placed the order); a card opens a Checkout Session at Stripe, so
 * the caller runs it after the order's transaction has committed and released the quotas' locks.
 */
export async function startOrderPayment(tx: Tx, payerId: string, orderId: string, method: PaymentMethod, locale: "vi" | "en", now = new Date()): Promise<Payment> {
  const o = await heldOrder(tx, orderId, locale);
  if (method === "card") {
    const back = `${env().APP_URL}/events/${encodeURIComponent(o.slug)}`;
    return startCardPayment(tx, asPayment(o, payerId, o.hold_until), { successUrl: `${back}?done=paid&order=${o.code}`, cancelUrl: `${back}?order=${o.code}` }, now);
  }
  const deadline = transferDeadline(now, o.hold_until, o.starts_at);
  // the seats stay held as long as the transfer may come (the order's hold is the service's to move)
  await asServiceWithin(tx, (t) => t`update public.event_orders set hold_until = ${deadline} where id = ${o.id} and status = 'held'`);
  return startBankTransfer(tx, asPayment(o, payerId, deadline));
}
