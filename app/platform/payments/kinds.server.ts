import type { Tx } from "~/platform/db/transaction.server";

// What a payment is for belongs to the capability that asked for it (an event order, a space
// booking); the platform only moves its money through states. A capability registers its kind
// once, at import (like its strings), and the platform calls it back in the same transaction as
// the state change, so an order is confirmed exactly when its payment is recorded paid.

export type PaymentMethod = "card" | "bank_transfer";
export type PaymentStatus = "pending" | "paid" | "expired" | "refund_needed" | "cancelled";

export type Payment = {
  id: string;
  kind: string;
  reference: string;
  orgId: string;
  payerId: string | null;
  description: string;
  amountVnd: number;
  method: PaymentMethod;
  status: PaymentStatus;
  deadline: Date;
  stripeSessionId: string | null;
  checkoutUrl: string | null;
  bankReference: string | null;
  settledAt: Date | null;
};

/** What the capability made of money that arrived: delivered, or it cannot (the seat is gone): staff refund it. */
export type Fulfilment = "fulfilled" | "cannot_fulfil";

/**
 * A capability's side of its payments. Both run as the service inside the transaction that records
 * the payment's new state (a throw rolls both back, and Stripe delivers again). `onPaid` may see a
 * payment whose deadline passed (the buyer paid at the last second): it fulfils if it still can.
 */
export type PaymentKind = {
  onPaid: (tx: Tx, payment: Payment) => Promise<Fulfilment>;
  onExpired: (tx: Tx, payment: Payment) => Promise<void>;
  /** The record whose audit log lists the payment's changes (an event for its orders); none: the organisation's trail only. */
  auditScope?: (tx: Tx, payment: Payment) => Promise<string | null>;
  /** Where the payment page sends the payer back to (their order), read in the viewer's transaction. */
  returnPath?: (tx: Tx, payment: Payment) => Promise<string | null>;
};

const kinds = new Map<string, PaymentKind>();

export function registerPaymentKind(kind: string, handler: PaymentKind) {
  if (!/^[a-z][a-z0-9_]{1,39}$/.test(kind)) throw new Error(`Payment kind "${kind}" must be a lower-case word`);
  const known = kinds.get(kind);
  if (known && known !== handler) throw new Error(`Payment kind "${kind}" is registered twice`);
  kinds.set(kind, handler);
}

/** The handler of a kind, or undefined: for pages, which show a payment whatever registered it. */
export const findPaymentKind = (kind: string): PaymentKind | undefined => kinds.get(kind);

/** The handler of a kind; a payment of a kind nobody registered is a deployment error, not the payer's. */
export function paymentKind(kind: string): PaymentKind {
  const handler = kinds.get(kind);
  if (!handler) throw new Error(`No capability registered the payment kind "${kind}"`);
  return handler;
}
