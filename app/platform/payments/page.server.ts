import { asUser, type Claims } from "~/platform/db/transaction.server";
import { NotFoundError } from "~/platform/db/errors.server";
import { requireId } from "~/platform/ids.server";
import { bankAccount, transferInstructions } from "./bank.server";
import { findPaymentKind } from "./kinds.server";
import { findPayment } from "./store.server";
import { cardPaymentsEnabled } from "./stripe.server";

/** Which methods this deployment offers: card needs Stripe's keys, bank transfer an account. */
export const paymentMethods = () => ({ card: cardPaymentsEnabled(), bankTransfer: bankAccount() !== null });

/**
 * One payment for its payer or the receiving organisation's managers and staff (RLS; anyone else
 * gets a 404): its state, how to pay it while it waits, and whether the viewer may confirm a transfer.
 */
export async function paymentPage(claims: Claims, paymentId: string) {
  const id = requireId(paymentId);
  const { payment, back, mayConfirm } = await asUser(claims, async (tx) => {
    const payment = await findPayment(tx, id);
    if (!payment) throw new NotFoundError();
    const [row] = await tx<{ may: boolean }[]>`select public.has_org_role(${payment.orgId}, '{manager,staff}') or public.is_platform_admin() as may`;
    const back = payment.payerId === claims.sub ? ((await findPaymentKind(payment.kind)?.returnPath?.(tx, payment)) ?? null) : null;
    return { payment, back, mayConfirm: payment.method === "bank_transfer" && ["pending", "expired"].includes(payment.status) && !!row?.may };
  });
  const waiting = payment.status === "pending";
  return {
    payment: {
      id: payment.id,
      description: payment.description,
      amountVnd: payment.amountVnd,
      method: payment.method,
      status: payment.status,
      deadline: payment.deadline.toISOString(),
      checkoutUrl: waiting && cardPaymentsEnabled() ? payment.checkoutUrl : null,
    },
    transfer: waiting ? await transferInstructions(payment) : null,
    mayConfirm,
    /** the payer's way back to what they paid for (their order) */
    back,
  };
}
