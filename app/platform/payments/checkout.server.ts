import { asServiceWithin, type Tx } from "~/platform/db/transaction.server";
import { paymentKind, type Payment } from "./kinds.server";
import { insertPayment, type NewPayment } from "./store.server";
import { stripeClient } from "./stripe.server";

// Card payment through Stripe Checkout. The payment row and the Checkout Session are made in the
// caller's transaction (the session's id is stored with the row); if that transaction rolls back,
// the session is left to expire at Stripe, and its events find no payment and change nothing.

export class CardPaymentsOff extends Error {}

// Stripe accepts a Checkout expiry from 30 minutes to 24 hours ahead.
const MIN_EXPIRY_MS = 31 * 60_000;
const MAX_EXPIRY_MS = 23.9 * 3600_000;

/**
 * A pending card payment whose Checkout page expires at the hold's deadline (within Stripe's
 * window; a deadline closer than 30 minutes is enforced by the deadline sweep, which expires the
 * session at Stripe). Returns the payment with its checkout URL, where the payer goes next.
 */
export async function startCardPayment(tx: Tx, p: NewPayment, urls: { successUrl: string; cancelUrl: string }, now = new Date()): Promise<Payment> {
  const stripe = stripeClient();
  if (!stripe) throw new CardPaymentsOff();
  paymentKind(p.kind);
  const deadline = new Date(Math.min(p.deadline.getTime(), now.getTime() + MAX_EXPIRY_MS));
  const expiresAt = Math.max(deadline.getTime(), now.getTime() + MIN_EXPIRY_MS);
  return asServiceWithin(tx, async (t) => {
    const payment = await insertPayment(t, { ...p, deadline }, "card", null);
    const session = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        // VND is zero-decimal at Stripe: unit_amount is whole đồng
        line_items: [{ quantity: 1, price_data: { currency: "vnd", unit_amount: p.amountVnd, product_data: { name: p.description } } }],
        client_reference_id: payment.id,
        metadata: { payment_id: payment.id, kind: p.kind, reference: p.reference },
        expires_at: Math.floor(expiresAt / 1000),
        success_url: urls.successUrl,
        cancel_url: urls.cancelUrl,
      },
      { idempotencyKey: `payment-${payment.id}` },
    );
    await t`update public.payments set stripe_session_id = ${session.id}, checkout_url = ${session.url ?? null}, updated_at = now() where id = ${payment.id}`;
    return { ...payment, stripeSessionId: session.id, checkoutUrl: session.url ?? null };
  });
}
