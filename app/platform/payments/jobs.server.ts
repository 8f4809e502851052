import { asService } from "~/platform/db/transaction.server";
import type { JobSet } from "~/platform/jobs/types";
import { logger } from "~/platform/log.server";
import type { Payment } from "./kinds.server";
import { settleExpired, settlePaid } from "./settle.server";
import { lockPayment, toPayment } from "./store.server";
import { stripeClient } from "./stripe.server";

// The deadline sweep: pending payments past their deadline expire here, not only when Stripe says
// so (a bank transfer has no webhook; a lost or late webhook must not keep a seat held). A card
// checkout is closed at Stripe first; if Stripe says it was paid after all, it is settled paid.

export const EXPIRE_PAYMENTS = "payments.expire";

async function expireDue(now: Date) {
  const due = await asService((tx) => tx.unsafe(`select * from public.payments where status = 'pending' and deadline <= $1 order by deadline limit 200`, [now]));
  for (const row of due) await expireOne(toPayment(row as never), now);
}

async function expireOne(payment: Payment, now: Date) {
  const paidAtStripe = payment.stripeSessionId ? await closeCheckout(payment.stripeSessionId) : false;
  await asService(async (tx) => {
    const locked = await lockPayment(tx, { id: payment.id });
    if (!locked || locked.status !== "pending" || locked.deadline > now) return; // settled meanwhile, or its deadline moved
    if (paidAtStripe) await settlePaid(tx, locked);
    else await settleExpired(tx, locked);
  });
}

/** Expire the Checkout Session at Stripe; true when it turned out to be paid already. */
async function closeCheckout(sessionId: string): Promise<boolean> {
  const stripe = stripeClient();
  if (!stripe) return false; // card payments were switched off since: nothing to close
  try {
    const session = await stripe.checkout.sessions.expire(sessionId);
    return session.payment_status === "paid";
  } catch (error) {
    // only an open session can be expired: ask what became of it
    const session = await stripe.checkout.sessions.retrieve(sessionId).catch(() => {
      throw error;
    });
    if (session.status === "open") throw error; // Stripe is down: retry the sweep later
    logger.info({ sessionId, status: session.status }, "checkout session already closed at the deadline");
    return session.status === "complete" && session.payment_status === "paid";
  }
}

export const paymentJobs: JobSet = {
  tasks: { [EXPIRE_PAYMENTS]: (_payload, job) => expireDue(job.now) },
  schedules: [{ task: EXPIRE_PAYMENTS, cron: "* * * * *" }],
};
