import { beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/platform/db/transaction.server";
import { cancelOrder } from "~/modules/events/register/change.server";
import { registerOrder } from "~/modules/events/register/order.server";
import type { RegisterInput } from "~/modules/events/register/schema";
import { joinWaitlist, leaveWaitlist } from "~/modules/events/waitlist/waitlist.server";
import { createOrg, outboxFor, type TestUser } from "../support/factories";
import { createEvent, createPeople, createQuota, createTicketType, quotaState } from "../support/event-factories";
import { runScheduled } from "../support/jobs";

// The waitlist of a sold-out ticket type: freed seats are offered down the list, one person a
// seat, held until the offer's deadline; the sweep (a graphile-worker task driven here on the job
// clock) lapses offers and moves on; people leave; the list closes when sales end.

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
const join = (p: TestUser, ticketType: string, locale: "vi" | "en" = "en") =>
  joinWaitlist(p.claims, { ticketType, name: p.name, email: p.email, locale });
const places = (ticketType: string) =>
  asService(
    (tx) => tx<{ id: string; user_id: string; status: string; offer_expires_at: Date | null }[]>`
      select id, user_id, status, offer_expires_at from public.event_waitlist where ticket_type_id = ${ticketType} order by position`,
  );

/** A sold-out type of one seat, its holder's order, and three people waiting. */
async function soldOut(opts: { salesEndInDays?: number } = {}) {
  const event = await createEvent(org, { offerHours: 2 });
  const quota = await createQuota(event.id, 1);
  const type = await createTicketType(event.id, { quotas: [quota], salesEndInDays: opts.salesEndInDays });
  const [holder, ...queue] = await createPeople(4);
  const placed = await registerOrder(holder!.claims, event.id, one(holder!, type));
  if (!placed.ok) throw new Error("setup");
  for (const p of queue) expect((await join(p, type)).ok).toBe(true);
  return { event, quota, type, holder: holder!, orderId: placed.value.orderId, queue };
}

describe("the waitlist", () => {
  it("offers a freed seat to exactly one person, the first in line, by mail, and nobody else can take it", async () => {
    const { event, quota, type, holder, orderId, queue } = await soldOut();
    expect((await cancelOrder(holder.claims, orderId)).ok).toBe(true);
    const list = await places(type);
    expect(list.map((w) => w.status)).toEqual(["offered", "waiting", "waiting"]);
    expect(await quotaState(quota)).toEqual({ size: 1, taken: 1 });
    const [mail] = await outboxFor(queue[0]!.email);
    expect(mail?.template).toBe("event-waitlist-offer");
    expect(mail?.text_body).toContain(`/events/${event.slug}/register?offer=${list[0]!.id}`);
    expect(await outboxFor(queue[1]!.email)).toEqual([]);
    // the second in line cannot take the held seat, nor use someone else's offer
    expect((await registerOrder(queue[1]!.claims, event.id, one(queue[1]!, type))).ok).toBe(false);
    expect(await registerOrder(queue[1]!.claims, event.id, one(queue[1]!, type, { offer: list[0]!.id }))).toEqual({
      ok: false,
      errors: { tickets: "events.register.refused.offerInvalid" },
    });
    // the first accepts with the offer: a confirmed order on the seat already held
    const accepted = await registerOrder(queue[0]!.claims, event.id, one(queue[0]!, type, { offer: list[0]!.id }));
    expect(accepted.ok && accepted.value.status).toBe("confirmed");
    expect(await quotaState(quota)).toEqual({ size: 1, taken: 1 });
    expect((await places(type))[0]!.status).toBe("accepted");
  });

  it("two offers made at once for one freed seat: one offer", async () => {
    const { type, holder, orderId, queue } = await soldOut();
    // a cancellation and a sweep racing to promote
    await Promise.all([cancelOrder(holder.claims, orderId), runScheduled("events.sweep-holds"), runScheduled("events.sweep-holds")]);
    expect((await places(type)).filter((w) => w.status === "offered").map((w) => w.user_id)).toEqual([queue[0]!.id]);
  });

  it("moves down the list when an offer lapses, on the job clock", async () => {
    const { quota, type, holder, orderId, queue } = await soldOut();
    await cancelOrder(holder.claims, orderId);
    const first = (await places(type))[0]!;
    // an hour later the offer still holds
    await runScheduled("events.sweep-holds", new Date(Date.now() + 3_600_000));
    expect((await places(type)).map((w) => w.status)).toEqual(["offered", "waiting", "waiting"]);
    await runScheduled("events.sweep-holds", new Date(first.offer_expires_at!.getTime() + 60_000));
    expect((await places(type)).map((w) => w.status)).toEqual(["lapsed", "offered", "waiting"]);
    expect(await quotaState(quota)).toEqual({ size: 1, taken: 1 });
    expect((await outboxFor(queue[1]!.email))[0]?.template).toBe("event-waitlist-offer");
  });

  it("lets people leave: a waiting place simply goes, a held offer passes to the next", async () => {
    const { type, holder, orderId, queue } = await soldOut();
    const list = await places(type);
    expect((await leaveWaitlist(queue[1]!.claims, list[1]!.id)).ok).toBe(true);
    // nobody leaves another's place
    expect((await leaveWaitlist(queue[0]!.claims, list[2]!.id)).ok).toBe(false);
    await cancelOrder(holder.claims, orderId);
    expect((await leaveWaitlist(queue[0]!.claims, list[0]!.id)).ok).toBe(true);
    expect((await places(type)).map((w) => w.status)).toEqual(["left", "left", "offered"]);
  });

  it("stops when sales end: places still waiting are closed and freed seats offered to nobody", async () => {
    const { type, holder, orderId, queue } = await soldOut({ salesEndInDays: 1 });
    await runScheduled("events.sweep-holds", new Date(Date.now() + 2 * 86_400_000));
    expect((await places(type)).map((w) => w.status)).toEqual(["closed", "closed", "closed"]);
    await cancelOrder(holder.claims, orderId);
    expect((await places(type)).map((w) => w.status)).toEqual(["closed", "closed", "closed"]);
    expect(await outboxFor(queue[0]!.email)).toEqual([]);
  });

  it("refuses a second place for the same person and type", async () => {
    const { type, queue } = await soldOut();
    expect(await join(queue[0]!, type)).toEqual({ ok: false, errors: { ticketType: "events.waitlist.refused.already" } });
  });
});
