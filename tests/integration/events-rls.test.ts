import { beforeAll, describe, expect, it } from "vitest";
import "~/modules/events/strings";
import { attendeeBoard } from "~/modules/events/attendees/board.server";
import { registerOrder } from "~/modules/events/register/order.server";
import { asService, asUser, type Claims } from "~/platform/db/transaction.server";
import { createEvent, createTicketType } from "../support/event-factories";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";

// Issue 16: "attendees see only their own orders and tickets; staff only their organisation's
// events", as the people concerned (role authenticated or anon with their claims, as a request
// runs), each refusal beside the same query answered for someone allowed, so a policy that let
// everyone through would fail here. The matrix (tests/support/rls-matrix/) checks every actor and column;
// these are the sentences, on events of two organisations.
let staffA: TestUser, managerB: TestUser, alice: TestUser, bob: TestUser, waiter: TestUser;
let live: { id: string; slug: string }, draft: { id: string; slug: string };
let type: string, hidden: string, question: string, aliceOrder: string, aliceTicket: string, bobOrder: string, place: string;

const count = (claims: Claims | null, query: string) => asUser(claims, async (tx) => Number((await tx.unsafe(`select count(*)::int as n from ${query}`))[0]!.n));
const changed = (claims: Claims | null, statement: string) =>
  asUser(claims, async (tx) => (await tx.unsafe(statement)).count).catch((e: Error) => `refused: ${e.message}`);

beforeAll(async () => {
  const orgA = await createOrg();
  const orgB = await createOrg();
  [staffA, managerB, alice, bob, waiter] = await Promise.all([createUser(), createUser(), createUser(), createUser(), createUser()]);
  await addMember(orgA.id, staffA.id, "staff");
  await addMember(orgB.id, managerB.id, "manager");
  live = await createEvent(orgA.id);
  draft = await createEvent(orgA.id, { published: false });
  type = await createTicketType(live.id, { size: 10 });
  hidden = await createTicketType(live.id, { hidden: "GUEST-CODE", name: "Guest" });
  const questions = await asService(
    (tx) => tx<{ id: string }[]>`
      insert into public.event_questions (event_id, label_vi, label_en) values (${live.id}, 'Công ty', 'Company'), (${draft.id}, 'Nháp', 'Draft') returning id`,
  );
  question = questions[0]!.id;
  const answer = { [question]: "Alice's secret company" };
  const a = await registerOrder(alice.claims, live.id, { email: alice.email, locale: "en", attendees: [{ ticketType: type, name: "Alice", email: alice.email, locale: "en", answers: answer }] });
  const b = await registerOrder(bob.claims, live.id, { email: bob.email, locale: "en", attendees: [{ ticketType: type, name: "Bob", email: bob.email, locale: "en", answers: {} }] });
  if (!a.ok || !b.ok) throw new Error("registration failed");
  aliceOrder = a.value.orderId;
  bobOrder = b.value.orderId;
  [{ id: aliceTicket }] = (await asService((tx) => tx<{ id: string }[]>`select id from public.event_tickets where order_id = ${aliceOrder}`)) as unknown as [{ id: string }];
  [{ id: place }] = (await asService(
    (tx) => tx<{ id: string }[]>`insert into public.event_waitlist (event_id, ticket_type_id, user_id, name, email) values (${live.id}, ${type}, ${waiter.id}, 'Waiter', 'w@example.test') returning id`,
  )) as unknown as [{ id: string }];
});

describe("events RLS: an attendee sees only their own orders and tickets", () => {
  it("another attendee's order, tickets and answers are invisible", async () => {
    const order = `public.event_orders where id = '${aliceOrder}'`;
    const tickets = `public.event_tickets where order_id = '${aliceOrder}'`;
    const answers = `public.event_tickets where answers ->> '${question}' = 'Alice''s secret company'`;
    for (const q of [order, tickets, answers]) {
      expect(await count(alice.claims, q), q).toBe(1);
      expect(await count(bob.claims, q), q).toBe(0);
      expect(await count(waiter.claims, q), q).toBe(0);
    }
    // bob sees his own, and only his own, in the whole table
    expect(await count(bob.claims, "public.event_orders")).toBe(1);
    expect(await count(bob.claims, `public.event_orders where id = '${bobOrder}'`)).toBe(1);
    expect(await count(bob.claims, "public.event_tickets")).toBe(1);
  });

  it("another attendee's order and tickets cannot be written, directly or through the order functions", async () => {
    expect(await changed(bob.claims, `update public.event_tickets set attendee_name = 'Mallory', answers = '{}' where order_id = '${aliceOrder}'`)).toMatch(/refused: errors.forbidden/);
    expect(await changed(bob.claims, `update public.event_orders set status = 'cancelled' where id = '${aliceOrder}'`)).toMatch(/refused: errors.forbidden/);
    expect(await changed(bob.claims, `delete from public.event_tickets where order_id = '${aliceOrder}'`)).toMatch(/refused: errors.forbidden/);
    expect(
      await changed(
        bob.claims,
        `insert into public.event_tickets (order_id, event_id, ticket_type_id, buyer_id, attendee_name, attendee_email, price_vnd) values ('${aliceOrder}', '${live.id}', '${type}', '${bob.id}', 'Extra', 'x@example.test', 0)`,
      ),
    ).toMatch(/refused: errors.forbidden/);
    expect(await changed(bob.claims, `select public.cancel_order('${aliceOrder}')`)).toMatch(/refused: not_found/);
    expect(await changed(bob.claims, `select public.transfer_ticket('${aliceTicket}', 'Mallory', 'm@example.test', 'en')`)).toMatch(/refused: not_found/);
    // not even the owner writes the rows by hand: only the functions, under the quotas' locks
    expect(await changed(alice.claims, `update public.event_tickets set price_vnd = 0 where order_id = '${aliceOrder}'`)).toMatch(/refused: errors.forbidden/);
    const [after] = await asService((tx) => tx<{ status: string; name: string }[]>`
      select o.status, k.attendee_name as name from public.event_orders o join public.event_tickets k on k.order_id = o.id where o.id = ${aliceOrder}`);
    expect(after).toEqual({ status: "confirmed", name: "Alice" });
  });

  it("another person's waitlist place is invisible and cannot be left for them", async () => {
    const q = `public.event_waitlist where id = '${place}'`;
    expect(await count(waiter.claims, q)).toBe(1);
    expect(await count(bob.claims, q)).toBe(0);
    expect(await changed(bob.claims, `select public.leave_waitlist('${place}')`)).toMatch(/refused: not_found/);
    expect(await changed(bob.claims, `update public.event_waitlist set status = 'left' where id = '${place}'`)).toMatch(/refused: errors.forbidden/);
  });
});

describe("events RLS: staff see only their organisation's events", () => {
  it("staff of another organisation read none of the event's orders, tickets, answers, waitlist, quotas, codes or draft questions", async () => {
    const queries = [
      `public.event_orders where event_id = '${live.id}'`,
      `public.event_tickets where event_id = '${live.id}'`,
      `public.event_waitlist where event_id = '${live.id}'`,
      `public.ticket_quotas where event_id = '${live.id}'`,
      `public.ticket_type_codes where ticket_type_id = '${hidden}'`,
      `public.ticket_types where id = '${hidden}'`,
      `public.event_questions where event_id = '${draft.id}'`,
      `public.events where id = '${draft.id}'`,
      `public.event_messages where event_id = '${live.id}'`,
    ];
    await asService(
      (tx) => tx`insert into public.event_messages (event_id, sender_id, send_key, subject_en, body_en, audience, recipients)
                 values (${live.id}, ${staffA.id}, gen_random_uuid(), 'Hello', 'Body', '{"to": "attendees"}', 2)`,
    );
    for (const q of queries) {
      expect(await count(staffA.claims, q), q).toBeGreaterThan(0);
      expect(await count(managerB.claims, q), q).toBe(0);
    }
    await expect(attendeeBoard(managerB.claims, live.id, "", "en")).rejects.toThrow(/notFound/);
  });

  it("staff of another organisation change nothing of the event", async () => {
    expect(await changed(managerB.claims, `insert into public.event_questions (event_id, label_vi, label_en) values ('${live.id}', 'Cài cắm', 'Planted')`)).toMatch(/refused/);
    expect(await changed(managerB.claims, `update public.event_questions set label_en = 'Changed' where event_id = '${live.id}'`)).toBe(0);
    expect(await changed(managerB.claims, `update public.ticket_types set price_vnd = 1 where event_id = '${live.id}'`)).toBe(0);
    expect(await changed(managerB.claims, `update public.ticket_quotas set size = 0 where event_id = '${live.id}'`)).toBe(0);
    expect(await changed(managerB.claims, `delete from public.ticket_types where event_id = '${live.id}'`)).toBe(0);
    expect(await changed(managerB.claims, `select public.cancel_order('${aliceOrder}')`)).toMatch(/refused: not_found/);
    expect(
      await changed(managerB.claims, `insert into public.event_messages (event_id, sender_id, send_key, subject_en, body_en, audience, recipients) values ('${live.id}', '${managerB.id}', gen_random_uuid(), 'a', 'b', '{}', 0)`),
    ).toMatch(/refused/);
    // the event's own staff may edit its questions: the refusals above are about who asks
    expect(await changed(staffA.claims, `update public.event_questions set label_en = 'Company name' where event_id = '${live.id}'`)).toBe(1);
  });
});

describe("events RLS: a visitor sees only published events' public parts", () => {
  it("reads the published event, its visible ticket types and questions; nothing of drafts", async () => {
    expect(await count(null, `public.events where id = '${live.id}'`)).toBe(1);
    expect(await count(null, `public.ticket_types where id = '${type}'`)).toBe(1);
    expect(await count(null, `public.event_questions where event_id = '${live.id}'`)).toBe(1);
    expect(await count(null, `public.events where id = '${draft.id}'`)).toBe(0);
    expect(await count(null, `public.event_questions where event_id = '${draft.id}'`)).toBe(0);
    expect(await count(null, `public.ticket_types where id = '${hidden}'`)).toBe(0);
  });

  it("reads no order, ticket, place, quota, code or message, and writes nothing", async () => {
    for (const table of ["event_orders", "event_tickets", "event_waitlist", "ticket_quotas", "ticket_type_codes", "event_messages"]) {
      expect(await changed(null, `select * from public.${table}`), table).toMatch(/refused: errors.forbidden/);
    }
    expect(await changed(null, `select public.register_order('${live.id}', '[]', 'x@example.test', 'en', null, null)`)).toMatch(/refused: errors.forbidden/);
    expect(await changed(null, `insert into public.event_questions (event_id, label_vi, label_en) values ('${live.id}', 'a', 'b')`)).toMatch(/refused/);
    expect(String(await changed(null, `update public.events set title_en = 'Defaced' where id = '${live.id}'`))).toMatch(/^refused|^0$/);
  });
});
