import type Stripe from "stripe";
import { asService, type Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { logger } from "~/platform/log.server";
import { settleExpired, settlePaid } from "./settle.server";
import { lockPayment } from "./store.server";
import { stripeClient } from "./stripe.server";

// Stripe's webhook (POST /webhooks/stripe). Stripe delivers each event at least once, in any
// order, for days: the event's id is recorded under a unique key in the same transaction as its
// effect, so a repeat (even one arriving at the same moment) changes nothing; the answer is sent
// after that transaction commits, so a 2xx always means "recorded", and anything else is retried.

export type WebhookAnswer = { status: 200 | 400 | 404; body: string };

export async function receiveStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookAnswer> {
  const stripe = stripeClient();
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!stripe || !secret) return { status: 404, body: "card payments are off" };
  let event: Stripe.Event;
  try {
    // the SDK checks the signature over the exact bytes and refuses a timestamp older than 300 s
    event = stripe.webhooks.constructEvent(rawBody, signature ?? "", secret);
  } catch {
    return { status: 400, body: "bad signature" };
  }
  await asService((tx) => applyEvent(tx, event));
  return { status: 200, body: "ok" };
}

async function applyEvent(tx: Tx, event: Stripe.Event) {
  const [fresh] = await tx`insert into public.stripe_events (id, type) values (${event.id}, ${event.type}) on conflict (id) do nothing returning id`;
  if (!fresh) return; // delivered before: its effect is already committed
  const effect = effectOf(event);
  if (!effect) return;
  const payment = await lockPayment(tx, { stripeSessionId: effect.session.id });
  if (!payment) {
    logger.warn({ event: event.id, session: effect.session.id }, "stripe event for an unknown checkout session");
    return;
  }
  await tx`update public.stripe_events set payment_id = ${payment.id} where id = ${event.id}`;
  if (effect.to === "paid") await settlePaid(tx, payment);
  else await settleExpired(tx, payment);
}

/** The events that move a payment; Checkout's "completed" means paid only once the money is there. */
function effectOf(event: Stripe.Event): { session: Stripe.Checkout.Session; to: "paid" | "expired" } | null {
  switch (event.type) {
    case "checkout.session.completed":
      return event.data.object.payment_status === "unpaid" ? null : { session: event.data.object, to: "paid" };
    case "checkout.session.async_payment_succeeded":
      return { session: event.data.object, to: "paid" };
    case "checkout.session.expired":
    case "checkout.session.async_payment_failed":
      return { session: event.data.object, to: "expired" };
    default:
      return null;
  }
}
