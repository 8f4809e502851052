import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import "~/modules/events/strings";
import { attendeeBoard, exportAttendees } from "~/modules/events/attendees/board.server";
import { eventCalendar } from "~/modules/events/page/calendar.server";
import { eventPage } from "~/modules/events/page/event.server";
import { registerOrder } from "~/modules/events/register/order.server";
import { transferTicket } from "~/modules/events/register/change.server";
import { asService } from "~/platform/db/transaction.server";
import { addMember, createOrg, createUser, outboxFor, type TestUser } from "../support/factories";
import { createEvent, createQuota, createTicketType, quotaState } from "../support/event-factories";

// The organisers' attendee list (search, counters, a CSV whose cells never run), who may see it,
// and what a registrant gets: mails in each attendee's language, a transfer that moves no seat,
// and the event's ICS read back by a real parser.
let staff: TestUser;
let otherOrgManager: TestUser;
let buyer: TestUser;
let event: { id: string; slug: string };
let quota: string;
let type: string;

beforeAll(async () => {
  const org = await createOrg();
  const other = await createOrg();
  [staff, otherOrgManager, buyer] = await Promise.all([createUser(), createUser(), createUser({ locale: "vi" })]);
  await addMember(org.id, staff.id, "staff");
  await addMember(other.id, otherOrgManager.id, "manager");
  event = await createEvent(org.id);
  quota = await createQuota(event.id, 10);
  type = await createTicketType(event.id, { quotas: [quota] });
  const placed = await registerOrder(buyer.claims, event.id, {
    email: buyer.email,
    locale: "vi",
    attendees: [
      { ticketType: type, name: "=HYPERLINK(\"http://evil\")", email: "a@example.test", locale: "en", answers: {} },
      { ticketType: type, name: "Trần Văn Bình", email: "b@example.test", locale: "vi", answers: {} },
    ],
  });
  expect(placed.ok).toBe(true);
});

describe("an event's attendees", () => {
  it("mails each attendee their ticket in their own language, with the event's ICS", async () => {
    const [en] = await outboxFor("a@example.test");
    const [vi] = await outboxFor("b@example.test");
    expect(en?.subject).toMatch(/^Your ticket:/);
    expect(vi?.subject).toMatch(/^Vé của bạn:/);
  });

  it("are listed, searched and counted for the event's staff", async () => {
    const board = await attendeeBoard(staff.claims, event.id, "bình", "en");
    expect(board.attendees.map((a) => a.name)).toEqual(["Trần Văn Bình"]);
    expect(board.counters).toEqual({ sold: 2, held: 0, checkedIn: 0, waiting: 0, offered: 0 });
  });

  it("are exported as CSV with formulas neutralised", async () => {
    const { csv } = await exportAttendees(staff.claims, event.id, "en");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain("Trần Văn Bình");
  });

  it("are hidden from another organisation's manager and from the buyer (404)", async () => {
    await expect(attendeeBoard(otherOrgManager.claims, event.id, "", "en")).rejects.toThrow(/notFound/);
    await expect(exportAttendees(buyer.claims, event.id, "en")).rejects.toThrow(/notFound/);
  });

  it("a transfer gives the seat to a new name and mails them, without using capacity", async () => {
    const page = await eventPage(buyer.claims, event.slug, null);
    const ticket = page.mine!.orders[0]!.tickets.find((k) => k.name === "Trần Văn Bình")!;
    expect((await quotaState(quota)).taken).toBe(2);
    expect(await transferTicket(buyer.claims, { ticketId: ticket.id, name: "Lê Thị Cúc", email: "c@example.test", locale: "vi" })).toEqual({ ok: true, value: undefined });
    expect((await quotaState(quota)).taken).toBe(2);
    expect((await outboxFor("c@example.test"))[0]?.subject).toMatch(/^Vé của bạn:/);
    // someone else cannot transfer it
    expect((await transferTicket(staff.claims, { ticketId: ticket.id, name: "X", email: "x@example.test", locale: "en" })).ok).toBe(false);
  });

  it("the event's ICS reads back with a real parser", async () => {
    await asService(
      (tx) => tx`insert into public.event_sessions (event_id, title_vi, title_en, starts_at, ends_at) select id, 'Khai mạc', 'Opening', starts_at, starts_at + interval '1 hour' from public.events where id = ${event.id}`,
    );
    const { ics } = await eventCalendar(null, event.slug, "en");
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual([expect.stringMatching(/^Forum /), expect.stringMatching(/^Opening · Forum /)]);
    const [row] = await asService((tx) => tx<{ starts_at: Date }[]>`select starts_at from public.events where id = ${event.id}`);
    expect(events[0]!.startDate.toJSDate().getTime()).toBe(Math.floor(row!.starts_at.getTime() / 1000) * 1000);
  });
});
