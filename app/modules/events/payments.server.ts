import { registerPaymentKind } from "~/platform/payments/kinds.server";
import { confirmOrder, releaseOrder } from "./register/order.server";
import { EVENT_ORDER } from "./register/pay.server";

// The events capability's payment kind (decisions/004-paid-orders.md): a paid held order is
// confirmed and its tickets mailed; an expired payment releases the seats down the waitlists; money
// for an order that can no longer have its seats (the hold lapsed and they were taken, or the buyer
// cancelled) is flagged for refund, never a second sale of a seat. The platform calls these as the
// service, in the transaction that records the payment's new state. Imported by app/payments.server.ts.

registerPaymentKind(EVENT_ORDER, {
  onPaid: async (tx, payment) => {
    const [order] = await tx<{ status: string }[]>`select status from public.event_orders where id = ${payment.reference} for update`;
    if (!order) return "cannot_fulfil"; // the event was deleted meanwhile
    if (order.status === "cancelled") {
      // the buyer cancelled while paying: their seats went on; keep the money visible for a refund
      await tx`update public.event_orders set needs_refund = true where id = ${payment.reference}`;
      return "cannot_fulfil";
    }
    const confirmed = await confirmOrder(tx, payment.reference);
    return confirmed.status === "confirmed" ? "fulfilled" : "cannot_fulfil";
  },
  onExpired: async (tx, payment) => {
    await releaseOrder(tx, payment.reference);
  },
  // the buyer's orders are on the event's page
  returnPath: async (tx, payment) => {
    const [row] = await tx<{ slug: string }[]>`
      select e.slug from public.event_orders o join public.events e on e.id = o.event_id where o.id = ${payment.reference}`;
    return row ? `/events/${encodeURIComponent(row.slug)}` : null;
  },
  auditScope: async (tx, payment) => {
    const [row] = await tx<{ event_id: string }[]>`select event_id from public.event_orders where id = ${payment.reference}`;
    return row?.event_id ?? null;
  },
});
