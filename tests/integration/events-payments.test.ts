import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { paymentsToAct } from "~/modules/events/attendees/payments.server";
import { eventPage } from "~/modules/events/page/event.server";
import { registerOrder } from "~/modules/events/register/order.server";
import type { RegisterInput } from "~/modules/events/register/schema";
import { joinWaitlist } from "~/modules/events/waitlist/waitlist.server";
import { BusyError } from "~/platform/db/errors.server";
import { asService, asUser } from "~/platform/db/transaction.server";
import { resetEnv } from "~/platform/env.server";
import { confirmBankTransfer } from "~/platform/payments/bank.server";
import { paymentPage } from "~/platform/payments/page.server";
import { receiveStripeWebhook } from "~/platform/payments/webhook.server";
import { createEvent, createPeople, createQuota, createTicketType, quotaState } from "../support/event-factories";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { startFakeStripe } from "../support/fake-stripe";
import { readIcs } from "../support/ics";
import { runScheduled } from "../support/jobs"; // loads app/jobs.server.ts, which registers every payment kind

// Paid event orders end to end: the registrant pays by card (the real Stripe SDK against a local
// fake of Stripe's API, webhooks signed with the SDK's helper) or by bank transfer (staff mark it
// received); the order is confirmed and its tickets mailed exactly once, expiry releases the seats
// down the waitlist, money that comes after the seat went to someone else is flagged for refund.

let fake: Awaited<ReturnType<typeof startFakeStripe>>;
let org: string;
let staff: TestUser;

const useStripe = (on: boolean) => {
  for (const [k, v] of Object.entries(fake.env)) process.env[k] = on ? v : "";
  resetEnv();
};

beforeAll(async () => {
  fake = await startFakeStripe();
  org = (await createOrg()).id;
  staff = await createUser();
  await addMember(org, staff.id, "staff");
});
afterAll(async () => {
  useStripe(false);
  await fake.close();
});
beforeEach(() => useStripe(true));

const PRICE = 350_000;
const buy = (person: TestUser, ticketType: string, method: RegisterInput["method"], extra: Partial<RegisterInput> = {}): RegisterInput => ({
  email: person.email,
  locale: "en",
  method,
  attendees: [{ ticketType, name: person.name, email: person.email, locale: "en", answers: {} }],
  ...extra,
});

async function paidEvent(seats: number) {
  const event = await createEvent(org);
  const quota = await createQuota(event.id, seats);
  const type = await createTicketType(event.id, { quotas: [quota], price: PRICE });
  return { event, quota, type };
}

async function placeOrThrow(person: TestUser, eventId: string, input: RegisterInput) {
  const placed = await registerOrder(person.claims, eventId, input);
  if (!placed.ok) throw new Error(JSON.stringify(placed.errors));
  return placed.value;
}

const orderOf = async (id: string) =>
  (await asService((tx) => tx<{ status: string; needs_refund: boolean; hold_until: Date | null }[]>`
    select status, needs_refund, hold_until from public.event_orders where id = ${id}`))[0]!;
const paymentOf = async (id: string) =>
  (await asService((tx) => tx<{ status: string; settled_by: string | null }[]>`select status, settled_by from public.payments where id = ${id}`))[0]!;
type Mail = { to_email: string; locale: string; subject: string; template: string; attachments: { filename: string; content: string }[] };
const mailsTo = (emails: string[]) =>
  asService((tx) => tx<Mail[]>`select to_email, locale, subject, template, attachments from public.email_outbox where to_email = any(${emails}) order by to_email, created_at`);
const auditOf = (paymentId: string) =>
  asService((tx) => tx<{ kind: string; actor_id: string | null; scope_id: string | null }[]>`
    select kind, actor_id, scope_id from public.audit_events where subject_id = ${paymentId} order by id`);
const myOrder = async (person: TestUser, slug: string) => (await eventPage(person.claims, slug, null)).mine!.orders[0]!;
const deliver = (e: { payload: string; header: string }) => receiveStripeWebhook(e.payload, e.header);

describe("paying an event order by card", () => {
  it("holds the seats, sends the buyer to Stripe Checkout, and confirms once however often Stripe delivers: one mail per attendee, in their language, with the ICS", async () => {
    const { event, quota, type } = await paidEvent(5);
    const [buyer, friend] = await createPeople(2);
    const input = buy(buyer!, type, "card", {
      attendees: [
        { ticketType: type, name: "Nguyễn Văn An", email: buyer!.email, locale: "vi", answers: {} },
        { ticketType: type, name: "Jane Friend", email: friend!.email, locale: "en", answers: {} },
      ],
    });
    const placed = await placeOrThrow(buyer!, event.id, input);
    expect(placed.status).toBe("held");
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === placed.payment!.id)!;
    expect(placed.payment).toEqual({ id: expect.any(String), method: "card", checkoutUrl: session.url });
    expect(session).toMatchObject({ currency: "vnd", amount_total: 2 * PRICE, status: "open" });
    expect(session.success_url).toContain(`/events/${event.slug}?done=paid`);
    expect(await quotaState(quota)).toEqual({ size: 5, taken: 2 });
    expect(await myOrder(buyer!, event.slug)).toMatchObject({ status: "held", payment: { status: "pending", method: "card" } });
    expect(await mailsTo([buyer!.email, friend!.email])).toEqual([]);

    fake.pay(session.id);
    const e = fake.event("checkout.session.completed", session.id);
    // A repeat waits on the first delivery's event key; one that waits past the lock timeout (a
    // loaded machine) is answered busy (503 at the route) and Stripe sends it again, as below.
    const answer = (ev: typeof e) => deliver(ev).then((a) => a.status, (error: unknown) => (error instanceof BusyError ? 503 : Promise.reject(error)));
    const together = await Promise.all([answer(e), answer(e), answer(e)]);
    expect(together).toContain(200);
    for (const status of together) expect([200, 503]).toContain(status);
    expect([await answer(e), await answer(e)]).toEqual([200, 200]);

    expect(await orderOf(placed.orderId)).toMatchObject({ status: "confirmed", needs_refund: false });
    expect(await paymentOf(placed.payment!.id)).toMatchObject({ status: "paid", settled_by: null });
    expect(await quotaState(quota)).toEqual({ size: 5, taken: 2 });
    const mails = await mailsTo([buyer!.email, friend!.email]);
    expect(mails.map((m) => [m.to_email, m.locale, m.subject])).toEqual([
      [buyer!.email, "vi", `Vé của bạn: Diễn đàn ${event.slug}`],
      [friend!.email, "en", `Your ticket: Forum ${event.slug}`],
    ]);
    for (const m of mails) expect(readIcs(m.attachments[0]!.content).location).toBe("Hall A, Thu Dau Mot");
    expect(await auditOf(placed.payment!.id)).toEqual([{ kind: "payment_paid", actor_id: null, scope_id: event.id }]);
    expect(await myOrder(buyer!, event.slug)).toMatchObject({ status: "confirmed", payment: { status: "paid" } });
  });

  it("releases the seats when the checkout expires on the job clock, and offers them down the waitlist", async () => {
    const { event, quota, type } = await paidEvent(1);
    const [buyer, waiting] = await createPeople(2);
    const placed = await placeOrThrow(buyer!, event.id, buy(buyer!, type, "card"));
    const joined = await joinWaitlist(waiting!.claims, { ticketType: type, name: waiting!.name, email: waiting!.email, locale: "vi" });
    expect(joined.ok).toBe(true);

    await runScheduled("payments.expire", new Date(Date.now() + 31 * 60_000));

    expect(await paymentOf(placed.payment!.id)).toMatchObject({ status: "expired" });
    expect(fake.sessions.get([...fake.sessions.values()].find((s) => s.client_reference_id === placed.payment!.id)!.id)!.status).toBe("expired");
    expect(await orderOf(placed.orderId)).toMatchObject({ status: "expired", needs_refund: false });
    // the seat went straight to the head of the list, as an offer that holds it
    const [place] = await asService((tx) => tx<{ status: string }[]>`select status from public.event_waitlist where ticket_type_id = ${type}`);
    expect(place!.status).toBe("offered");
    expect(await quotaState(quota)).toEqual({ size: 1, taken: 1 });
    expect((await mailsTo([waiting!.email])).map((m) => m.template)).toEqual(["event-waitlist-offer"]);
    expect(await mailsTo([buyer!.email])).toEqual([]);
    expect((await auditOf(placed.payment!.id)).map((a) => a.kind)).toEqual(["payment_expired"]);
    expect(await myOrder(buyer!, event.slug)).toMatchObject({ status: "expired", needsRefund: false, payment: { status: "expired" } });
    // a second sweep changes nothing
    await runScheduled("payments.expire", new Date(Date.now() + 32 * 60_000));
    expect((await auditOf(placed.payment!.id)).map((a) => a.kind)).toEqual(["payment_expired"]);
  });

  it("flags a payment that completes after the hold lapsed and the seat was taken for refund, shown to buyer and organiser, never a second seat", async () => {
    const { event, quota, type } = await paidEvent(1);
    const [late, next] = await createPeople(2);
    const placed = await placeOrThrow(late!, event.id, buy(late!, type, "card"));
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === placed.payment!.id)!;
    // the hold lapses (the events sweep) and someone else takes the seat by bank transfer
    await runScheduled("events.sweep-holds", new Date(Date.now() + 31 * 60_000));
    expect(await orderOf(placed.orderId)).toMatchObject({ status: "expired" });
    const taken = await placeOrThrow(next!, event.id, buy(next!, type, "bank_transfer"));
    expect(taken.status).toBe("held");
    // the first buyer had paid at the last second; Stripe's webhook comes now
    fake.pay(session.id);
    expect((await deliver(fake.event("checkout.session.completed", session.id))).status).toBe(200);

    expect(await paymentOf(placed.payment!.id)).toMatchObject({ status: "refund_needed" });
    expect(await orderOf(placed.orderId)).toMatchObject({ status: "expired", needs_refund: true });
    expect(await quotaState(quota)).toEqual({ size: 1, taken: 1 });
    expect(await mailsTo([late!.email])).toEqual([]);
    expect((await auditOf(placed.payment!.id)).map((a) => a.kind)).toEqual(["payment_refund_flagged"]);
    expect(await myOrder(late!, event.slug)).toMatchObject({ status: "expired", needsRefund: true, payment: { status: "refund_needed" } });
    // the organisers see it (and the transfer still awaited), as themselves
    const owed = await asUser(staff.claims, (tx) => paymentsToAct(tx, event.id));
    expect(owed.map((r) => [r.paymentId, r.status])).toEqual([
      [placed.payment!.id, "refund_needed"],
      [taken.payment!.id, "pending"],
    ]);
    // and someone outside the organisation sees none of it
    const [stranger] = await createPeople(1);
    expect(await asUser(stranger!.claims, (tx) => paymentsToAct(tx, event.id))).toEqual([]);
  });

  it("refuses a bad or stale signature and writes nothing", async () => {
    const { event, type } = await paidEvent(2);
    const [buyer] = await createPeople(1);
    const placed = await placeOrThrow(buyer!, event.id, buy(buyer!, type, "card"));
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === placed.payment!.id)!;
    fake.pay(session.id);
    const forged = fake.event("checkout.session.completed", session.id, { secret: "whsec_someone_else" });
    const stale = fake.event("checkout.session.completed", session.id, { signedAt: Math.floor(Date.now() / 1000) - 600 });
    for (const e of [forged, stale, { payload: forged.payload, header: "" }]) expect((await deliver(e)).status).toBe(400);
    expect(await orderOf(placed.orderId)).toMatchObject({ status: "held" });
    expect(await paymentOf(placed.payment!.id)).toMatchObject({ status: "pending" });
    const [stored] = await asService((tx) => tx<{ n: number }[]>`select count(*)::int as n from public.stripe_events where payment_id = ${placed.payment!.id}`);
    expect(stored!.n).toBe(0);
    expect(await auditOf(placed.payment!.id)).toEqual([]);
    expect(await mailsTo([buyer!.email])).toEqual([]);
  });

  it("says card payment is off without Stripe's keys, and a paid order needs a method: nothing is held", async () => {
    const { event, quota, type } = await paidEvent(2);
    const [buyer] = await createPeople(1);
    useStripe(false);
    expect(await registerOrder(buyer!.claims, event.id, buy(buyer!, type, "card"))).toEqual({ ok: false, errors: { method: "events.register.refused.cardOff" } });
    expect(await registerOrder(buyer!.claims, event.id, buy(buyer!, type, undefined))).toEqual({ ok: false, errors: { method: "events.register.refused.method" } });
    expect(await quotaState(quota)).toEqual({ size: 2, taken: 0 });
    const [orders] = await asService((tx) => tx<{ n: number }[]>`select count(*)::int as n from public.event_orders where event_id = ${event.id}`);
    expect(orders!.n).toBe(0);
  });
});

describe("paying an event order by bank transfer", () => {
  it("holds the seats until the transfer deadline, shows the VietQR instructions, and issues the tickets when staff mark it received", async () => {
    useStripe(false); // bank transfer needs no Stripe
    const { event, type } = await paidEvent(3);
    const [buyer, stranger] = await createPeople(2);
    const before = Date.now();
    const placed = await placeOrThrow(buyer!, event.id, buy(buyer!, type, "bank_transfer"));
    expect(placed.payment).toMatchObject({ method: "bank_transfer", checkoutUrl: null });
    // held for two days, not the 30 minutes of a card checkout
    const hold = (await orderOf(placed.orderId)).hold_until!.getTime();
    expect(hold).toBeGreaterThanOrEqual(before + 2 * 86_400_000 - 1000);
    expect(hold).toBeLessThanOrEqual(Date.now() + 2 * 86_400_000 + 1000);

    const page = await paymentPage(buyer!.claims, placed.payment!.id);
    expect(page.payment).toMatchObject({ amountVnd: PRICE, status: "pending", method: "bank_transfer" });
    expect(page.payment.description).toContain(`Forum ${event.slug}`);
    expect(page.transfer!.reference).toMatch(/^BDI[A-Z2-9]{8}$/);
    expect(page.transfer!.payload).toContain(page.transfer!.reference);
    expect(page.transfer!.payload).toContain(`54${String(PRICE).length.toString().padStart(2, "0")}${PRICE}`);
    expect(page.mayConfirm).toBe(false);
    expect(page.back).toBe(`/events/${event.slug}`);
    expect((await myOrder(buyer!, event.slug)).payment).toMatchObject({ id: placed.payment!.id, status: "pending", method: "bank_transfer" });

    // the buyer cannot confirm their own transfer, nor can a stranger; staff of the organisation can, once
    expect(await confirmBankTransfer(buyer!.claims, placed.payment!.id)).toBe("forbidden");
    expect(await confirmBankTransfer(stranger!.claims, placed.payment!.id)).toBe("not_found");
    expect(await paymentPage(staff.claims, placed.payment!.id)).toMatchObject({ mayConfirm: true, back: null });
    expect(await confirmBankTransfer(staff.claims, placed.payment!.id)).toBe("confirmed");
    expect(await confirmBankTransfer(staff.claims, placed.payment!.id)).toBe("not_pending");

    expect(await orderOf(placed.orderId)).toMatchObject({ status: "confirmed" });
    expect(await paymentOf(placed.payment!.id)).toEqual({ status: "paid", settled_by: staff.id });
    const mails = await mailsTo([buyer!.email]);
    expect(mails.map((m) => [m.template, m.attachments[0]!.filename])).toEqual([["event-ticket", "event.ics"]]);
    expect(await auditOf(placed.payment!.id)).toEqual([{ kind: "payment_received", actor_id: staff.id, scope_id: event.id }]);
    expect(await myOrder(buyer!, event.slug)).toMatchObject({ status: "confirmed", payment: { status: "paid", method: "bank_transfer" } });
  });

  it("expires an unpaid transfer at its deadline and gives the seats back", async () => {
    useStripe(false);
    const { event, quota, type } = await paidEvent(1);
    const [buyer] = await createPeople(1);
    const placed = await placeOrThrow(buyer!, event.id, buy(buyer!, type, "bank_transfer"));
    await runScheduled("payments.expire", new Date(Date.now() + 86_400_000));
    expect(await paymentOf(placed.payment!.id)).toMatchObject({ status: "pending" });
    await runScheduled("payments.expire", new Date(Date.now() + 2 * 86_400_000 + 60_000));
    expect(await paymentOf(placed.payment!.id)).toMatchObject({ status: "expired" });
    expect(await orderOf(placed.orderId)).toMatchObject({ status: "expired" });
    expect(await quotaState(quota)).toEqual({ size: 1, taken: 0 });
  });
});
