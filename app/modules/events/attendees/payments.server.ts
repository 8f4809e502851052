import type { Tx } from "~/platform/db/transaction.server";

// The organisers' side of paid orders: bank transfers still to be marked received (each links to
// its payment page, where staff confirm it), and money that came too late for a seat, to refund.
// One query, read as the organiser (RLS on payments: the receiving organisation's managers and staff).

export type OwedRow = {
  paymentId: string;
  orderCode: string;
  email: string;
  amountVnd: number;
  method: "card" | "bank_transfer";
  status: "pending" | "refund_needed";
  bankReference: string | null;
  deadline: Date;
};

export async function paymentsToAct(tx: Tx, eventId: string): Promise<OwedRow[]> {
  const rows = await tx<(Omit<OwedRow, "amountVnd"> & { amountVnd: string })[]>`
    select p.id as "paymentId", o.code as "orderCode", o.email, p.amount_vnd as "amountVnd", p.method, p.status,
           p.bank_reference as "bankReference", p.deadline
      from public.event_orders o
      join public.payments p on p.kind = 'event_order' and p.reference = o.id
     where o.event_id = ${eventId}
       and ((p.status = 'pending' and p.method = 'bank_transfer') or p.status = 'refund_needed')
     order by p.status desc, p.deadline
     limit 200`;
  return rows.map((r) => ({ ...r, amountVnd: Number(r.amountVnd) }));
}
