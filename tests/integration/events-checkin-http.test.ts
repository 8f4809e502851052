import jsQR from "jsqr";
import { PNG } from "pngjs";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cancelOrder, transferTicket } from "~/modules/events/register/change.server";
import { registerOrder } from "~/modules/events/register/order.server";
import { asService } from "~/platform/db/transaction.server";
import { startAppServer } from "../support/app-server";
import { createEvent, createTicketType } from "../support/event-factories";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { fingerprint, post, signIn, type AppServer } from "../support/http-client";

// Check-in at the door over HTTP, on the real server sharing this file's database: the code read
// from each attendee's mail (text and QR image) checks in once; a second scan is flagged with who
// and when; forged codes, another event's, a cancelled order's and a transferred ticket's old code
// are refused in the viewer's language with nothing written; two phones scanning at once make one
// check-in; other organisations' staff get 404.
let app: AppServer;
let db: postgres.Sql;
const cookies = new Map<string, string>();
let staff: TestUser, manager: TestUser, otherStaff: TestUser, buyer: TestUser;
let event: { id: string; slug: string };
let otherEvent: { id: string; slug: string };
let question: string;

type Mail = { text_body: string; attachments: { contentType: string; content: string; contentId?: string }[] };
const mailsTo = (email: string) =>
  asService((tx) => tx<Mail[]>`select text_body, attachments from public.email_outbox where to_email = ${email} and template = 'event-ticket' order by created_at desc`);
const codeIn = (mail: Mail) => /(?:Ticket code|Mã vé): ([0-9A-Z-]+)/.exec(mail.text_body)![1]!;

async function register(eventId: string, type: string, attendee: { name: string; email: string }, answers: Record<string, string> = {}) {
  const placed = await registerOrder(buyer.claims, eventId, { email: buyer.email, locale: "en", attendees: [{ ticketType: type, ...attendee, locale: "en", answers }] });
  if (!placed.ok) throw new Error(JSON.stringify(placed.errors));
  return placed.value.orderId;
}

beforeAll(async () => {
  const org = await createOrg();
  [staff, manager, otherStaff, buyer] = await Promise.all([
    createUser({ name: "Door Staff", locale: "en" }),
    createUser({ name: "Lan Manager", locale: "vi" }),
    createUser(),
    createUser(),
  ]);
  await addMember(org.id, staff.id, "staff");
  await addMember(org.id, manager.id, "manager");
  await addMember((await createOrg()).id, otherStaff.id, "staff");
  event = await createEvent(org.id);
  otherEvent = await createEvent(org.id);
  const type = await createTicketType(event.id, { name: "Delegate" });
  const otherType = await createTicketType(otherEvent.id);
  question = (
    await asService(
      (tx) => tx<{ id: string }[]>`insert into public.event_questions (event_id, label_vi, label_en) values (${event.id}, 'Chế độ ăn', 'Diet') returning id`,
    )
  )[0]!.id;
  await register(event.id, type, { name: "Ana Valid", email: "valid@example.test" }, { [question]: "vegetarian" });
  await register(event.id, type, { name: "Bao Twice", email: "twice@example.test" });
  const cancelled = await register(event.id, type, { name: "Chi Cancelled", email: "cancelled@example.test" });
  expect((await cancelOrder(buyer.claims, cancelled)).ok).toBe(true);
  const given = await register(event.id, type, { name: "Dung Giver", email: "giver@example.test" });
  const [ticket] = await asService((tx) => tx<{ id: string }[]>`select id from public.event_tickets where order_id = ${given}`);
  expect((await transferTicket(buyer.claims, { ticketId: ticket!.id, name: "Em Receiver", email: "receiver@example.test", locale: "en" })).ok).toBe(true);
  await register(otherEvent.id, otherType, { name: "Giang Elsewhere", email: "elsewhere@example.test" });

  app = await startAppServer(inject("pgAdminUrl"), { SEED: "false" }, process.env.DATABASE_URL);
  db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  for (const u of [staff, manager, otherStaff]) cookies.set(u.id, await signIn(app, u.email, u.password));
}, 120_000);
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const scanUrl = () => `/manage/events/${event.id}/checkin/scan`;
const scan = (who: TestUser, code: string, eventId = event.id) =>
  post(app, `/manage/events/${eventId}/checkin/scan`, new URLSearchParams({ intent: "scan", code }).toString(), {
    cookie: cookies.get(who.id)!,
    "content-type": "application/x-www-form-urlencoded",
  });
const checkedIn = async (email: string) =>
  (await db<{ at: Date | null; by: string | null }[]>`select checked_in_at as at, checked_in_by as by from public.event_tickets where attendee_email = ${email}`)[0]!;

describe("a ticket's code", () => {
  it("is in the attendee's mail, printed and held by the QR image shown inline", async () => {
    const [mail] = await mailsTo("valid@example.test");
    const code = codeIn(mail!);
    expect(code).toMatch(/^[0-9A-Z]+-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const qr = mail!.attachments.find((a) => a.contentType === "image/png")!;
    expect(qr.contentId).toBe("ticket-qr");
    const png = PNG.sync.read(Buffer.from(qr.content, "base64"));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(code);
    const [html] = await db<{ html: string }[]>`select html from public.email_outbox where to_email = 'valid@example.test' and template = 'event-ticket'`;
    expect(html!.html).toContain('src="cid:ticket-qr"');
  });
});

describe("the holder's ticket page", () => {
  it("opens from the mail's link with the QR and code; an old code shows only that it was handed on; forged codes are a 404", async () => {
    const [mail] = await mailsTo("receiver@example.test");
    const code = codeIn(mail!);
    expect(mail!.text_body).toContain(`/tickets/${code}`);
    const page = await fetch(`${app.baseUrl}/tickets/${code}`);
    expect(page.status).toBe(200);
    // after the site-wide default: a browser follows the last policy it knows
    expect(page.headers.get("referrer-policy")).toMatch(/(^|, )no-referrer$/);
    const html = await page.text();
    expect(html).toContain("Em Receiver");
    expect(html).toContain(code);
    expect(html).toContain('src="data:image/svg+xml;base64,');
    const old = await (await fetch(`${app.baseUrl}/tickets/${codeIn((await mailsTo("giver@example.test"))[0]!)}`)).text();
    expect(old).toContain("đã được chuyển cho người khác");
    expect(old).not.toContain("Em Receiver");
    expect(old).not.toContain(code);
    const cancelled = await (await fetch(`${app.baseUrl}/tickets/${codeIn((await mailsTo("cancelled@example.test"))[0]!)}`)).text();
    expect(cancelled).toContain("Vé này không hợp lệ");
    expect(cancelled).not.toContain("data:image/svg+xml");
    expect((await fetch(`${app.baseUrl}/tickets/${code.slice(0, -1)}${code.endsWith("A") ? "B" : "A"}`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/tickets/nonsense`)).status).toBe(404);
  });
});

describe("checking in at the door", () => {
  it("checks a valid ticket in and shows who it is, with the count", async () => {
    const code = codeIn((await mailsTo("valid@example.test"))[0]!);
    const res = await scan(staff, code.toLowerCase().replace(/-/g, " "));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, outcome: "checked_in", name: "Ana Valid", ticketType: "Delegate ticket", count: { checkedIn: 1, total: 3 } });
    expect(body.answers).toEqual([{ label: "Diet", answer: "vegetarian" }]);
    expect((await checkedIn("valid@example.test")).by).toBe(staff.id);
  });

  it("flags a second scan with when and by whom the ticket was first checked in, and changes nothing", async () => {
    const code = codeIn((await mailsTo("valid@example.test"))[0]!);
    const first = await checkedIn("valid@example.test");
    const res = await scan(manager, code);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ outcome: "already", name: "Ana Valid", checkedInBy: "Door Staff", count: { checkedIn: 1 } });
    expect(new Date(body.checkedInAt).getTime()).toBe(first.at!.getTime());
    expect(await checkedIn("valid@example.test")).toEqual(first);
  });

  it("refuses forged codes, another event's, a cancelled order's and a transferred ticket's old one, in the viewer's language, writing nothing", async () => {
    const good = codeIn((await mailsTo("twice@example.test"))[0]!);
    const forged = good.slice(0, -1) + (good.endsWith("A") ? "B" : "A");
    const cases: [string, TestUser, RegExp][] = [
      [forged, staff, /This code is not a valid ticket/],
      [forged, manager, /Mã này không phải là vé hợp lệ/],
      ["9ZZZZ-0000-0000-0000", staff, /not a valid ticket/],
      ["hello", staff, /not a valid ticket/],
      [codeIn((await mailsTo("elsewhere@example.test"))[0]!), staff, /for another event/],
      [codeIn((await mailsTo("cancelled@example.test"))[0]!), staff, /not valid \(its order was cancelled/],
      [codeIn((await mailsTo("giver@example.test"))[0]!), staff, /transferred to someone else/],
      [codeIn((await mailsTo("giver@example.test"))[0]!), manager, /đã được chuyển cho người khác/],
    ];
    const before = await fingerprint(db);
    for (const [code, who, message] of cases) {
      const res = await scan(who, code);
      expect(res.status, code).toBe(400);
      expect((await res.json()).message, code).toMatch(message);
    }
    expect(await fingerprint(db)).toEqual(before);
  });

  it("checks in a transferred ticket with its new holder's code", async () => {
    const [mail] = await mailsTo("receiver@example.test");
    const res = await scan(staff, codeIn(mail!));
    expect(await res.json()).toMatchObject({ outcome: "checked_in", name: "Em Receiver" });
  });

  it("makes one check-in of two phones scanning the same ticket at once", async () => {
    const code = codeIn((await mailsTo("twice@example.test"))[0]!);
    const answers = await Promise.all([scan(staff, code), scan(manager, code), scan(staff, code), scan(manager, code)].map(async (r) => (await r).json()));
    expect(answers.map((a) => a.outcome).sort()).toEqual(["already", "already", "already", "checked_in"]);
    const [audit] = await db<{ n: number }[]>`
      select count(*)::int as n from public.audit_events a join public.event_tickets k on k.id = a.subject_id
       where k.attendee_email = 'twice@example.test' and a.kind = 'checked_in'`;
    expect(audit!.n).toBe(1);
  });

  it("undoes a check-in made by mistake, audited, and the ticket checks in again", async () => {
    const [t] = await db<{ id: string }[]>`select id from public.event_tickets where attendee_email = 'twice@example.test'`;
    const res = await post(app, scanUrl(), new URLSearchParams({ intent: "undo", ticketId: t!.id }).toString(), {
      cookie: cookies.get(manager.id)!,
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(await res.json()).toMatchObject({ ok: true, undone: true, count: { checkedIn: 2, total: 3 } });
    expect((await checkedIn("twice@example.test")).at).toBeNull();
    const [audit] = await db<{ actor: string }[]>`select actor_id as actor from public.audit_events where subject_id = ${t!.id} and kind = 'check_in_undone'`;
    expect(audit!.actor).toBe(manager.id);
    const again = await scan(staff, codeIn((await mailsTo("twice@example.test"))[0]!));
    expect(await again.json()).toMatchObject({ outcome: "checked_in" });
  });

  it("is a 404 for staff of another organisation, reading the page or posting a scan, and nothing is written", async () => {
    const code = codeIn((await mailsTo("giver@example.test"))[0]!);
    const before = await fingerprint(db);
    const page = await fetch(`${app.baseUrl}/manage/events/${event.id}/checkin`, { headers: { cookie: cookies.get(otherStaff.id)! } });
    expect(page.status).toBe(404);
    expect((await scan(otherStaff, code)).status).toBe(404);
    expect((await scan(otherStaff, "x", "not-a-uuid")).status).toBe(404);
    expect(await fingerprint(db)).toEqual(before);
  });

  it("shows the event's staff the page with the live count", async () => {
    const page = await fetch(`${app.baseUrl}/manage/events/${event.id}/checkin`, { headers: { cookie: cookies.get(staff.id)! } });
    expect(page.status).toBe(200);
    const html = (await page.text()).replace(/<!-- -->/g, "");
    expect(html).toContain("Checked in 3 of 3");
    expect(html).toContain("Em Receiver");
  });
});
