import { beforeAll, describe, expect, it } from "vitest";
import "~/payments.server"; // the event_order payment kind, as the server's entry loads it
import { asService } from "~/platform/db/transaction.server";
import { resetEnv } from "~/platform/env.server";
import { cancelOrder } from "~/modules/events/register/change.server";
import { confirmOrder, registerOrder, releaseOrder } from "~/modules/events/register/order.server";
import type { RegisterInput } from "~/modules/events/register/schema";
import { joinWaitlist } from "~/modules/events/waitlist/waitlist.server";
import { createOrg } from "../support/factories";
import { createEvent, createPeople, createQuota, createTicketType, quotaState } from "../support/event-factories";
import type { TestUser } from "../support/factories";

// Capacity under concurrency (QUALITY.md, "Concurrency"): every request below runs in its own
// transaction on its own pooled connection, all started together, so they truly overlap. The
// quotas' row locks and the check on ticket_quotas are what hold; the page checks nothing.

// Two hundred requests queue for the pool's ten connections, and each confirmed one renders its
// ticket mail inside its transaction: on a loaded test machine the last ones wait longer than the
// app's per-transaction deadline, which would answer "try again" (a 503), not oversell. This file
// tests what is sold, so it gives them time.
process.env.DATABASE_TRANSACTION_TIMEOUT_MS = "120000";
resetEnv();

let org: string;
beforeAll(async () => {
  org = (await createOrg()).id;
});

const one = (person: TestUser, ticketType: string, extra: Partial<RegisterInput> = {}): RegisterInput => ({
  email: person.email,
  locale: "en",
  attendees: [{ ticketType, name: person.name, email: person.email, locale: "en", answers: {} }],
  ...extra,
});

/** Register, and join the waitlist when sold out: what the page does for a visitor who asked to wait. */
async function registerOrWait(person: TestUser, eventId: string, ticketType: string) {
  const placed = await registerOrder(person.claims, eventId, one(person, ticketType));
  if (placed.ok) return { kind: "order" as const, id: placed.value.orderId };
  expect(placed.errors).toEqual({ tickets: "events.register.refused.soldOut" });
  const waiting = await joinWaitlist(person.claims, { ticketType, name: person.name, email: person.email, locale: "en" });
  if (!waiting.ok) throw new Error(JSON.stringify(waiting.errors));
  return { kind: "waiting" as const, id: waiting.value.placeId };
}

const countOrders = (eventId: string) =>
  asService(
    (tx) => tx<{ status: string; n: number }[]>`select status, count(*)::int as n from public.event_orders where event_id = ${eventId} group by status`,
  ).then((rows) => Object.fromEntries(rows.map((r) => [r.status, r.n])));

const seatsOut = (ticketType: string) =>
  asService(
    async (tx) =>
      (
        await tx<{ n: number }[]>`
        select (select count(*) from public.event_tickets k join public.event_orders o on o.id = k.order_id
                 where k.ticket_type_id = ${ticketType} and o.status in ('held', 'confirmed'))::int
             + (select count(*) from public.event_waitlist w where w.ticket_type_id = ${ticketType} and w.status = 'offered')::int as n`
      )[0]!.n,
  );

describe("registrations racing for seats", () => {
  it("200 people at once for 50 seats: exactly 50 confirmed orders, 150 on an ordered waitlist, every run", async () => {
    for (let run = 0; run < 2; run++) {
      const event = await createEvent(org);
      const quota = await createQuota(event.id, 50);
      const type = await createTicketType(event.id, { quotas: [quota] });
      const people = await createPeople(200);
      const results = await Promise.all(people.map((p) => registerOrWait(p, event.id, type)));
      expect(results.filter((r) => r.kind === "order")).toHaveLength(50);
      expect(await countOrders(event.id)).toEqual({ confirmed: 50 });
      expect(await quotaState(quota)).toEqual({ size: 50, taken: 50 });
      const list = await asService(
        (tx) => tx<{ position: string; status: string }[]>`select position, status from public.event_waitlist where ticket_type_id = ${type} order by position`,
      );
      expect(list).toHaveLength(150);
      expect(new Set(list.map((w) => w.position)).size).toBe(150);
      expect(list.every((w) => w.status === "waiting")).toBe(true);
    }
  });

  it("cancellations racing new registrations on a full event never pass capacity, and each freed seat makes one offer", async () => {
    const event = await createEvent(org);
    const quota = await createQuota(event.id, 20);
    const type = await createTicketType(event.id, { quotas: [quota] });
    const holders = await createPeople(20);
    const placed = await Promise.all(holders.map((p) => registerOrder(p.claims, event.id, one(p, type))));
    const waiting = await createPeople(10);
    for (const p of waiting) await registerOrWait(p, event.id, type);
    const newcomers = await createPeople(40);
    const cancelling = holders.slice(0, 8);
    const outcomes = await Promise.all([
      ...cancelling.map((p, i) => cancelOrder(p.claims, (placed[i] as { ok: true; value: { orderId: string } }).value.orderId)),
      ...newcomers.map((p) => registerOrder(p.claims, event.id, one(p, type))),
    ]);
    expect(outcomes.slice(0, 8).every((o) => o.ok)).toBe(true);
    // the freed seats went to the list, not to newcomers who came after it
    expect(outcomes.slice(8).filter((o) => o.ok)).toHaveLength(0);
    expect(await quotaState(quota)).toEqual({ size: 20, taken: 20 });
    expect(await seatsOut(type)).toBe(20);
    const offered = await asService(
      (tx) => tx<{ user_id: string }[]>`select user_id from public.event_waitlist where ticket_type_id = ${type} and status = 'offered' order by position`,
    );
    expect(offered.map((o) => o.user_id)).toEqual(waiting.slice(0, 8).map((p) => p.id));
  });

  it("shared quotas hold across ticket types: what is left is the smallest remaining quota", async () => {
    const event = await createEvent(org);
    const hall = await createQuota(event.id, 30, "Hall");
    const students = await createQuota(event.id, 10, "Students");
    const standard = await createTicketType(event.id, { quotas: [hall] });
    const student = await createTicketType(event.id, { quotas: [hall, students], name: "Student" });
    const people = await createPeople(60);
    const results = await Promise.all(people.map((p, i) => registerOrder(p.claims, event.id, one(p, i % 2 ? student : standard))));
    expect(results.filter((r) => r.ok)).toHaveLength(30);
    expect(await quotaState(hall)).toEqual({ size: 30, taken: 30 });
    expect((await quotaState(students)).taken).toBeLessThanOrEqual(10);
    expect(await seatsOut(standard) + (await seatsOut(student))).toBe(30);
    expect(await seatsOut(student)).toBe((await quotaState(students)).taken);
  });

  it("lowering a quota below what is taken is refused by the database", async () => {
    const event = await createEvent(org);
    const quota = await createQuota(event.id, 5);
    const type = await createTicketType(event.id, { quotas: [quota] });
    for (const p of await createPeople(3)) await registerOrder(p.claims, event.id, one(p, type));
    await expect(asService((tx) => tx`update public.ticket_quotas set size = 2 where id = ${quota}`)).rejects.toThrow();
    expect(await quotaState(quota)).toEqual({ size: 5, taken: 3 });
  });
});

describe("orders for paid tickets", () => {
  it("are held, not confirmed, and give their seats back when released; a late payment with the seat gone is flagged for refund", async () => {
    const event = await createEvent(org);
    const quota = await createQuota(event.id, 1);
    const type = await createTicketType(event.id, { quotas: [quota], price: 500_000 });
    const [buyer, other] = await createPeople(2);
    const byTransfer = { method: "bank_transfer" } as const;
    const placed = await registerOrder(buyer!.claims, event.id, one(buyer!, type, byTransfer));
    if (!placed.ok) throw new Error(JSON.stringify(placed.errors));
    expect(placed.value.status).toBe("held");
    expect(await registerOrder(other!.claims, event.id, one(other!, type, byTransfer))).toEqual({ ok: false, errors: { tickets: "events.register.refused.soldOut" } });
    expect(await asService((tx) => releaseOrder(tx, placed.value.orderId))).toEqual({ released: true });
    expect(await asService((tx) => releaseOrder(tx, placed.value.orderId))).toEqual({ released: false });
    expect(await quotaState(quota)).toEqual({ size: 1, taken: 0 });
    const second = await registerOrder(other!.claims, event.id, one(other!, type, byTransfer));
    expect(second.ok).toBe(true);
    // the first buyer's payment arrives after all: the seat is gone, so no oversell
    expect(await asService((tx) => confirmOrder(tx, placed.value.orderId))).toEqual({ status: "expired", changed: false, needsRefund: true });
    expect(await quotaState(quota)).toEqual({ size: 1, taken: 1 });
    // the second's is on time, and confirming twice changes it once
    const id = (second as { ok: true; value: { orderId: string } }).value.orderId;
    expect(await asService((tx) => confirmOrder(tx, id))).toEqual({ status: "confirmed", changed: true, needsRefund: false });
    expect(await asService((tx) => confirmOrder(tx, id))).toEqual({ status: "confirmed", changed: false, needsRefund: false });
    const mails = await asService((tx) => tx<{ n: number }[]>`select count(*)::int as n from public.email_outbox where to_email = ${other!.email}`);
    expect(mails[0]!.n).toBe(1);
  });
});
