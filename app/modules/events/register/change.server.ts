import postgres from "postgres";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { refused, type Outcome } from "~/platform/http/form.server";
import { mailOffers } from "../waitlist/offers.server";
import type { TransferInput } from "./schema";
import { mailTickets } from "./tickets-mail.server";

// After registering: cancel under the event's policy (the seats go down the waitlist at once), or
// give a ticket to someone else (the same seat under a new name: no capacity moves).

export async function cancelOrder(claims: Claims, orderId: string): Promise<Outcome> {
  try {
    await asUser(claims, async (tx) => {
      const offered = await tx<{ id: string }[]>`select public.cancel_order(${orderId}) as id`;
      await mailOffers(
        tx,
        offered.map((o) => o.id),
      );
    });
    return { ok: true, value: undefined };
  } catch (error) {
    if (error instanceof postgres.PostgresError && error.message === "not_found") return refused({ orderId: "events.register.refused.notFound" });
    if (error instanceof postgres.PostgresError && error.message === "cancel_closed") return refused({ orderId: "events.register.refused.cancelClosed" });
    throw error;
  }
}

export async function transferTicket(claims: Claims, input: TransferInput): Promise<Outcome> {
  try {
    await asUser(claims, async (tx) => {
      await tx`select public.transfer_ticket(${input.ticketId}, ${input.name}, ${input.email}, ${input.locale})`;
      const [t] = await tx<{ order_id: string }[]>`select order_id from public.event_tickets where id = ${input.ticketId}`;
      await mailTickets(tx, t!.order_id, "transferred", [input.ticketId]);
    });
    return { ok: true, value: undefined };
  } catch (error) {
    if (error instanceof postgres.PostgresError && error.message === "not_found") return refused({ ticketId: "events.register.refused.notFound" });
    if (error instanceof postgres.PostgresError && error.message === "transfer_closed") return refused({ ticketId: "events.register.refused.transferClosed" });
    throw error;
  }
}
