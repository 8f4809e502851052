import type { Tx } from "~/platform/db/transaction.server";
import type { Payment, PaymentMethod } from "./kinds.server";

// The payments table as the platform reads and writes it. Writes run as the service (callers
// pass a service transaction or use asServiceWithin); reads in a person's transaction pass RLS.

type Row = {
  id: string;
  kind: string;
  reference: string;
  org_id: string;
  payer_id: string | null;
  description: string;
  amount_vnd: string;
  method: PaymentMethod;
  status: Payment["status"];
  deadline: Date;
  stripe_session_id: string | null;
  checkout_url: string | null;
  bank_reference: string | null;
  settled_at: Date | null;
};

export const toPayment = (r: Row): Payment => ({
  id: r.id,
  kind: r.kind,
  reference: r.reference,
  orgId: r.org_id,
  payerId: r.payer_id,
  description: r.description,
  amountVnd: Number(r.amount_vnd),
  method: r.method,
  status: r.status,
  deadline: r.deadline,
  stripeSessionId: r.stripe_session_id,
  checkoutUrl: r.checkout_url,
  bankReference: r.bank_reference,
  settledAt: r.settled_at,
});

const COLUMNS = `id, kind, reference, org_id, payer_id, description, amount_vnd, method, status, deadline,
  stripe_session_id, checkout_url, bank_reference, settled_at`;

/** One payment as the transaction's role may see it, or null. */
export async function findPayment(tx: Tx, id: string): Promise<Payment | null> {
  const [row] = await tx.unsafe<Row[]>(`select ${COLUMNS} from public.payments where id = $1`, [id]);
  return row ? toPayment(row) : null;
}

/** The payment, row-locked until the transaction ends: every state change goes through here. */
export async function lockPayment(tx: Tx, where: { id: string } | { stripeSessionId: string }): Promise<Payment | null> {
  const [column, value] = "id" in where ? ["id", where.id] : ["stripe_session_id", where.stripeSessionId];
  const [row] = await tx.unsafe<Row[]>(`select ${COLUMNS} from public.payments where ${column} = $1 for update`, [value]);
  return row ? toPayment(row) : null;
}

/** The payments of one capability's record (an order), newest first, as the role may see them. */
export async function paymentsFor(tx: Tx, kind: string, reference: string): Promise<Payment[]> {
  const rows = await tx.unsafe<Row[]>(`select ${COLUMNS} from public.payments where kind = $1 and reference = $2 order by created_at desc`, [
    kind,
    reference,
  ]);
  return rows.map(toPayment);
}

/** What a capability asks to be paid: for which of its records, to whom, how much, by when. */
export type NewPayment = Pick<Payment, "kind" | "reference" | "orgId" | "payerId" | "description" | "amountVnd" | "deadline">;

export async function insertPayment(tx: Tx, p: NewPayment, method: PaymentMethod, bankReference: string | null): Promise<Payment> {
  const [row] = await tx.unsafe<Row[]>(
    `insert into public.payments (kind, reference, org_id, payer_id, description, amount_vnd, method, deadline, bank_reference)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${COLUMNS}`,
    [p.kind, p.reference, p.orgId, p.payerId, p.description, p.amountVnd, method, p.deadline, bankReference],
  );
  return toPayment(row!);
}
