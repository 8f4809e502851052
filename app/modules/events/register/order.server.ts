import postgres from "postgres";
import { asService, asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { refused, type FieldErrors, type Outcome } from "~/platform/http/form.server";
import { logger } from "~/platform/log.server";
import type { PaymentMethod } from "~/platform/payments/kinds.server";
import { paymentMethods } from "~/platform/payments/page.server";
import { mailOffers } from "../waitlist/offers.server";
import { askedOf, checkAnswers, type Question } from "./answers";
import { startOrderPayment } from "./pay.server";
import type { RegisterInput } from "./schema";
import { mailReadTickets, mailTickets, ticketRows } from "./tickets-mail.server";
import { returnFromService, switchToService } from "~/platform/db/transaction.server";

// Placing an order, as pretix does it in small steps inside one transaction: check the answers,
// then register_order() in SQL checks the tickets, locks the quotas (sorted), takes the seats and
// writes the order; a free order is confirmed at once and its tickets mailed in the same
// transaction. A paid order is held and its payment started (pay.server.ts): a bank transfer in
// the same transaction, a card checkout right after it commits, so no quota lock waits on Stripe.
// The payment's handlers (../payments.server.ts) call confirmOrder() and releaseOrder().

/** The names register_order() raises, and the message each one shows (on the tickets). */
const REFUSALS: Record<string, string> = {
  not_found: "events.register.refused.notFound",
  not_on_sale: "events.register.refused.notOnSale",
  code_required: "events.register.refused.codeRequired",
  too_few: "events.register.refused.tooFew",
  too_many: "events.register.refused.tooMany",
  sold_out: "events.register.refused.soldOut",
  offer_invalid: "events.register.refused.offerInvalid",
  bad_line: "events.register.refused.notFound",
};

export type OrderStatus = "held" | "confirmed" | "expired" | "cancelled";
export type Placed = {
  orderId: string;
  code: string;
  status: OrderStatus;
  /** a held order's payment: where the buyer goes next (Stripe's checkout, or the transfer page) */
  payment: { id: string; method: PaymentMethod; checkoutUrl: string | null } | null;
};

/** A refusal found after the order was written: thrown so its transaction rolls back. */
class Unpayable extends Error {
  constructor(readonly errors: FieldErrors) {
    super("unpayable");
  }
}

/** Register the caller for an event (by id, or by its page's slug); a paid order is held and its payment started. */
export async function registerOrder(claims: Claims, event: string | { slug: string }, input: RegisterInput, now = new Date()): Promise<Outcome<Placed>> {
  const offered = paymentMethods();
  if (input.method === "card" && !offered.card) return refused({ method: "events.register.refused.cardOff" });
  if (input.method === "bank_transfer" && !offered.bankTransfer) return refused({ method: "events.register.refused.bankOff" });
  let placed: Outcome<Placed>;
  try {
    placed = await asUser(claims, async (tx) => {
      // the event (by its page's slug, or its id) and its questions in one statement, under RLS
      const [found] = await tx<{ id: string; questions: Question[] }[]>`
        select e.id,
               coalesce((select json_agg(json_build_object('id', q.id, 'kind', q.kind, 'options', q.options, 'required', q.required,
                                                           'ticketTypeIds', q.ticket_type_ids))
                           from public.event_questions q where q.event_id = e.id and not q.retired), '[]') as questions
          from public.events e
         where ${typeof event === "string" ? tx`e.id = ${event}` : tx`e.slug = ${event.slug}`}`;
      if (!found) return refused({ tickets: REFUSALS.not_found! });
      const outcome = await place(tx, found.id, found.questions, input);
      if (!outcome.ok || outcome.value.status !== "held") return outcome;
      if (!input.method) throw new Unpayable({ method: "events.register.refused.method" });
      if (input.method !== "bank_transfer") return outcome;
      const p = await startOrderPayment(tx, claims.sub, outcome.value.orderId, "bank_transfer", input.locale, now);
      return { ok: true as const, value: { ...outcome.value, payment: { id: p.id, method: p.method, checkoutUrl: null } } };
    });
  } catch (error) {
    if (error instanceof Unpayable) return refused(error.errors);
    if (error instanceof postgres.PostgresError && error.message in REFUSALS) return refused({ tickets: REFUSALS[error.message]! });
    throw error;
  }
  if (!placed.ok || placed.value.status !== "held" || input.method !== "card") return placed;
  return withCheckout(claims, placed.value, input.locale, now);
}

/** Open the card checkout for an order just held; if Stripe cannot, the seats go back at once and the buyer is told. */
async function withCheckout(claims: Claims, order: Placed, locale: "vi" | "en", now: Date): Promise<Outcome<Placed>> {
  try {
    const p = await asUser(claims, (tx) => startOrderPayment(tx, claims.sub, order.orderId, "card", locale, now));
    return { ok: true, value: { ...order, payment: { id: p.id, method: p.method, checkoutUrl: p.checkoutUrl } } };
  } catch (error) {
    logger.error({ err: error, order: order.orderId }, "could not open a card checkout; releasing the order");
    await asService((tx) => releaseOrder(tx, order.orderId));
    return refused({ method: "events.register.refused.cardFailed" });
  }
}

async function place(tx: Tx, eventId: string, questions: Question[], input: RegisterInput): Promise<Outcome<Placed>> {
  const errors: FieldErrors = {};
  const lines = input.attendees.map((a, i) => {
    const checked = checkAnswers(askedOf(questions, a.ticketType), a.answers);
    if (!checked.ok) for (const [q, key] of Object.entries(checked.errors)) errors[`attendees.${i}.answers.${q}`] = key;
    return { ticketType: a.ticketType, name: a.name, email: a.email, locale: a.locale, answers: checked.ok ? checked.answers : {} };
  });
  if (Object.keys(errors).length) return refused(errors);
  // The order, its code and status, and its tickets as the service, sent in one write: PostgreSQL
  // runs them one after another as soon as the quota's lock is granted, with no round trip to Node
  // between (decision 008, tenth pass, posts). register_order() leaves the order's id in a
  // transaction-local setting for the statements behind it. Should it fail, they fail as
  // "transaction aborted" and its own error is thrown (awaited first).
  const placed = tx<{ id: string }[]>`
    select set_config('app.placed_order',
                      public.register_order(${eventId}, ${tx.json(lines)}, ${input.email}, ${input.locale}, ${input.code ?? null}, ${input.offer ?? null})::text,
                      true) as id`.execute();
  const status = tx<{ code: string; status: OrderStatus }[]>`
    select code, status from public.event_orders where id = current_setting('app.placed_order')::uuid`.execute();
  status.catch(() => {});
  const switched = switchToService(tx);
  const tickets = ticketRows(tx, tx`current_setting('app.placed_order')::uuid`).execute();
  tickets.catch(() => {});
  const [row] = await placed;
  const [order] = await status;
  await switched;
  const rows = await tickets;
  // a held order's tickets are mailed when it is paid (confirmOrder)
  if (order!.status === "confirmed") await mailReadTickets(tx, rows, "confirmed");
  else await returnFromService(tx);
  return { ok: true, value: { orderId: row!.id, code: order!.code, status: order!.status, payment: null } };
}

/**
 * A held order was paid: confirm it and mail its tickets, once (a second call changes nothing).
 * For the payment handlers, inside the service's transaction (a webhook, a job, staff marking a
 * transfer paid through the service path). A payment for an order whose hold lapsed and whose
 * seats are gone leaves it expired and flagged for refund: never oversold.
 */
export async function confirmOrder(tx: Tx, orderId: string): Promise<{ status: OrderStatus; changed: boolean; needsRefund: boolean }> {
  const [before] = await tx<{ status: OrderStatus }[]>`select status from public.event_orders where id = ${orderId} for update`;
  if (!before) throw new Error(`confirmOrder: no order ${orderId}`);
  if (before.status === "confirmed") return { status: "confirmed", changed: false, needsRefund: false };
  const [after] = await tx<{ status: OrderStatus }[]>`select public.confirm_order(${orderId}) as status`;
  const [flag] = await tx<{ needs_refund: boolean }[]>`select needs_refund from public.event_orders where id = ${orderId}`;
  if (after!.status === "confirmed") await mailTickets(tx, orderId, "confirmed");
  return { status: after!.status, changed: after!.status === "confirmed", needsRefund: flag!.needs_refund };
}

/**
 * A held order's payment will not come (the checkout expired, the transfer deadline passed): the
 * order expires, its seats go back and down the waitlists. For the payment handlers, inside the
 * service's transaction; a second call, or one for a confirmed order's late expiry event, changes nothing.
 */
export async function releaseOrder(tx: Tx, orderId: string): Promise<{ released: boolean }> {
  const [row] = await tx<{ status: OrderStatus }[]>`select status from public.event_orders where id = ${orderId} for update`;
  if (row?.status !== "held") return { released: false };
  const offered = await tx<{ id: string }[]>`select public.end_order(${orderId}, 'expired') as id`;
  await mailOffers(
    tx,
    offered.map((o) => o.id),
  );
  return { released: true };
}
