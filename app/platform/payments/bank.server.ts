import { randomInt } from "node:crypto";
import { asServiceWithin, asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { env, isProduction } from "~/platform/env.server";
import { paymentKind, type Payment } from "./kinds.server";
import { qrSvg } from "./qr.server";
import { settlePaid } from "./settle.server";
import { findPayment, insertPayment, type NewPayment } from "./store.server";
import { vietQrPayload } from "./vietqr";

// Bank transfer: the payer transfers the amount with our reference in the description, by hand or
// by scanning a VietQR code; the organisation's staff see it on the bank statement and mark the
// payment received. Until then it waits, and the deadline sweep expires it like a card checkout.

export type BankAccount = { bin: string; account: string; name: string };

/**
 * Where transfers go. A local run (not production, or `npm start` on localhost) without an account
 * configured gets a demo account, so the flow can be tried; a deployment without one has bank transfer off.
 */
export function bankAccount(): BankAccount | null {
  const { BANK_TRANSFER_BIN: bin, BANK_TRANSFER_ACCOUNT: account, BANK_TRANSFER_ACCOUNT_NAME: name, APP_URL } = env();
  if (bin && account && name) return { bin, account, name };
  const local = ["localhost", "127.0.0.1"].includes(new URL(APP_URL).hostname);
  return isProduction() && !local ? null : { bin: "970436", account: "0011000000000", name: "BINH DUONG INNOVATION DEMO" };
}

export class BankTransferOff extends Error {}

// No 0/O or 1/I: the payer types it from a screen into a banking app.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const newBankReference = () => "BDI" + Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");

/** A pending transfer for the capability's record, with its reference; in the caller's transaction. */
export async function startBankTransfer(tx: Tx, p: NewPayment): Promise<Payment> {
  if (!bankAccount()) throw new BankTransferOff();
  paymentKind(p.kind);
  return asServiceWithin(tx, (t) => insertPayment(t, p, "bank_transfer", newBankReference()));
}

/** What the payer needs to transfer: the account, the reference and the VietQR code carrying both. */
export async function transferInstructions(payment: Payment) {
  const account = bankAccount();
  if (!account || payment.method !== "bank_transfer" || !payment.bankReference) return null;
  const payload = vietQrPayload({ bin: account.bin, account: account.account, amountVnd: payment.amountVnd, purpose: payment.bankReference });
  return { ...account, reference: payment.bankReference, amountVnd: payment.amountVnd, payload, qr: `data:image/svg+xml;base64,${Buffer.from(await qrSvg(payload)).toString("base64")}` };
}

export type ConfirmResult = "confirmed" | "refund_needed" | "not_found" | "forbidden" | "not_pending";

/**
 * A manager or staff member of the receiving organisation saw the money arrive. The check is
 * theirs (RLS shows them the payment; their role is asked of the database), the write the service's.
 */
export async function confirmBankTransfer(claims: Claims, paymentId: string): Promise<ConfirmResult> {
  return asUser(claims, async (tx) => {
    const payment = await findPayment(tx, paymentId);
    if (!payment || payment.method !== "bank_transfer") return "not_found";
    const [{ may } = { may: false }] = await tx<{ may: boolean }[]>`
      select public.has_org_role(${payment.orgId}, '{manager,staff}') or public.is_platform_admin() as may`;
    if (!may) return "forbidden";
    if (!["pending", "expired"].includes(payment.status)) return "not_pending";
    const { payment: settled, changed } = await asServiceWithin(tx, (t) => settlePaid(t, payment, claims.sub));
    if (!changed) return "not_pending";
    return settled.status === "paid" ? "confirmed" : "refund_needed";
  });
}
