import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { registerOrder } from "~/modules/events/register/order.server";
import { asService } from "~/platform/db/transaction.server";
import { startAppServer } from "../support/app-server";
import { createEvent, createTicketType } from "../support/event-factories";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { decodeEntities, fingerprint, post, signIn, type AppServer } from "../support/http-client";

// Messages from an event's organisers to its attendees or waitlist, over HTTP on the real server:
// a preview in each language with the number of people, refusals in the viewer's language with
// nothing written, one mail per person in their language, a send posted twice that mails once,
// and a 404 for anyone who does not run the event.
let app: AppServer;
let db: postgres.Sql;
const cookies = new Map<string, string>();
let staffVi: TestUser, managerEn: TestUser, otherManager: TestUser, buyer: TestUser, waiting: TestUser;
let event: { id: string; slug: string };
let standard: string, vip: string, foreignType: string;
const page = () => `/manage/events/${event.id}/messages`;

beforeAll(async () => {
  const org = await createOrg();
  staffVi = await createUser({ locale: "vi", name: "Nguyễn Thị Lan" });
  managerEn = await createUser({ locale: "en", name: "Mark Manager" });
  otherManager = await createUser({ locale: "en" });
  buyer = await createUser({ locale: "en" });
  waiting = await createUser({ locale: "vi" });
  await addMember(org.id, staffVi.id, "staff");
  await addMember(org.id, managerEn.id, "manager");
  await addMember((await createOrg()).id, otherManager.id, "manager");
  event = await createEvent(org.id);
  standard = await createTicketType(event.id, { size: 20 });
  vip = await createTicketType(event.id, { size: 5, name: "VIP" });
  foreignType = await createTicketType((await createEvent(org.id)).id);
  // an English reader, a Vietnamese one, and one person with two tickets under two spellings of one address
  const placed = await registerOrder(buyer.claims, event.id, {
    email: buyer.email,
    locale: "en",
    attendees: [
      { ticketType: standard, name: "Alice", email: "alice@example.test", locale: "en", answers: {} },
      { ticketType: standard, name: "Bình", email: "binh@example.test", locale: "vi", answers: {} },
      { ticketType: standard, name: "Chris", email: "chris@example.test", locale: "en", answers: {} },
    ],
  });
  const again = await registerOrder(buyer.claims, event.id, {
    email: buyer.email,
    locale: "en",
    attendees: [{ ticketType: vip, name: "Chris", email: "Chris@Example.test", locale: "en", answers: {} }],
  });
  expect([placed.ok, again.ok]).toEqual([true, true]);
  await asService(async (tx) => {
    await tx`update public.event_tickets set checked_in_at = now() where event_id = ${event.id} and attendee_email = 'alice@example.test'`;
    await tx`insert into public.event_waitlist (event_id, ticket_type_id, user_id, name, email, locale)
             values (${event.id}, ${vip}, ${waiting.id}, 'Waiting', 'waiting@example.test', 'vi')`;
  });

  app = await startAppServer(inject("pgAdminUrl"), { SEED: "false" }, process.env.DATABASE_URL);
  db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  for (const u of [staffVi, managerEn, otherManager, buyer]) cookies.set(u.id, await signIn(app, u.email, u.password));
}, 120_000);
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const get = (who: TestUser, path: string) => fetch(`${app.baseUrl}${path}`, { redirect: "manual", headers: { cookie: cookies.get(who.id)! } });
const send = (who: TestUser, fields: [string, string][]) =>
  post(app, page(), new URLSearchParams(fields).toString(), { cookie: cookies.get(who.id)!, "content-type": "application/x-www-form-urlencoded" });
const text = async (res: Response) => decodeEntities(await res.text());
/** A fresh form key, as the page gives each form it shows. */
const keyFrom = async (who: TestUser) => /name="sendKey"[^>]*value="([0-9a-f-]{36})"/.exec(await (await get(who, page())).text())![1]!;
const messageMails = (since: Date) =>
  db<{ to_email: string; locale: string; subject: string; html: string; text_body: string }[]>`
    select to_email, locale, subject, html, text_body from public.email_outbox where template = 'event-message' and created_at >= ${since} order by lower(to_email)`;

describe("messages to an event's attendees", () => {
  it("are for the event's organisers only: anyone else gets a 404, with nothing written", async () => {
    expect(await text(await get(staffVi, page()))).toContain("Soạn thông báo");
    expect((await get(otherManager, page())).status).toBe(404);
    expect((await get(buyer, page())).status).toBe(404);
    const before = await fingerprint(db);
    const fields: [string, string][] = [["intent", "send"], ["sendKey", crypto.randomUUID()], ["subjectEn", "Hi"], ["bodyEn", "Hello"], ["to", "attendees"]];
    expect((await send(otherManager, fields)).status).toBe(404);
    expect((await send(buyer, fields)).status).toBe(404);
    expect((await send(otherManager, [["intent", "preview"], ...fields.slice(1)])).status).toBe(404);
    expect(await fingerprint(db)).toEqual(before);
  });

  it("are refused with the reason in the viewer's language, nothing written", async () => {
    const before = await fingerprint(db);
    const key = crypto.randomUUID();
    const cases: [[string, string][], string][] = [
      [[["subjectVi", "Chỉ có tiêu đề"]], "Hãy viết nội dung đi kèm tiêu đề này."],
      [[], "Hãy viết tiêu đề và nội dung bằng ít nhất một ngôn ngữ."],
      [[["subjectVi", "Dài"], ["bodyVi", "x".repeat(10_001)]], "Nội dung quá dài."],
      [[["subjectVi", "Loại vé"], ["bodyVi", "Nội dung"], ["ticketTypes", foreignType]], "Hãy chọn loại vé của sự kiện này."],
      [[["subjectVi", "Không ai"], ["bodyVi", "Nội dung"], ["ticketTypes", vip], ["checkedIn", "in"]], "Không ai khớp với lựa chọn này"],
      [[["subjectVi", "Ai?"], ["bodyVi", "Nội dung"], ["to", "everyone"]], "Hãy chọn người nhận thông báo."],
    ];
    for (const [fields, reason] of cases) {
      const res = await send(staffVi, [["intent", "send"], ["sendKey", key], ["to", "attendees"], ...fields]);
      expect(res.status, reason).toBe(400);
      expect(await text(res)).toContain(reason);
    }
    // in English for an English-speaking manager
    const en = await send(managerEn, [["intent", "preview"], ["sendKey", key], ["to", "attendees"], ["bodyEn", "No subject"]]);
    expect(await text(en)).toContain("Write a subject for this message.");
    expect(await fingerprint(db)).toEqual(before);
  });

  it("shows how many people it reaches and the mail as each language reads it, writing nothing", async () => {
    const before = await fingerprint(db);
    const res = await send(managerEn, [
      ["intent", "preview"],
      ["sendKey", crypto.randomUUID()],
      ["subjectVi", "Đổi phòng"],
      ["bodyVi", "Hội trường B <script>alert(1)</script>"],
      ["to", "attendees"],
    ]);
    expect(res.status).toBe(200);
    const html = await res.text();
    // alice, binh and chris (two tickets, one person): three people
    expect(decodeEntities(html)).toContain("3 people will receive it: 1 in Vietnamese, 2 in English.");
    expect(html).toContain("As a reader in English gets it");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(decodeEntities(html)).toContain(`Forum ${event.slug}: Đổi phòng`);
    expect(await fingerprint(db)).toEqual(before);
  });

  it("sends one mail per person in their language, with the event's name and link, listed with who sent it", async () => {
    const since = new Date();
    const res = await send(staffVi, [
      ["intent", "send"],
      ["sendKey", await keyFrom(staffVi)],
      ["subjectVi", "Đổi phòng"],
      ["bodyVi", "Phiên khai mạc chuyển sang hội trường B.\n\n<b>Hẹn gặp lại</b>"],
      ["subjectEn", "Room change"],
      ["bodyEn", "The opening moves to hall B."],
      ["to", "attendees"],
      ["checkedIn", "out"],
    ]);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${page()}?sent=2`);
    const mails = await messageMails(since);
    // alice is checked in: not chosen; chris once, for two tickets
    expect(mails.map((m) => [m.to_email.toLowerCase(), m.locale])).toEqual([
      ["binh@example.test", "vi"],
      ["chris@example.test", "en"],
    ]);
    const [vi, en] = mails;
    expect(vi!.subject).toBe(`Diễn đàn ${event.slug}: Đổi phòng`);
    expect(en!.subject).toBe(`Forum ${event.slug}: Room change`);
    expect(en!.text_body).toContain(`${app.baseUrl}/events/${event.slug}`);
    expect(en!.text_body).toContain("The opening moves to hall B.");
    expect(vi!.html).toContain("&lt;b&gt;Hẹn gặp lại&lt;/b&gt;");
    expect(vi!.html).not.toContain("<b>Hẹn");

    const list = await text(await get(managerEn, `${page()}?sent=2`));
    expect(list).toContain("The message was sent to 2 people.");
    expect(list).toMatch(/Room change<\/td><td>Attendees · not checked in<\/td><td>2<\/td><td>Nguyễn Thị Lan<\/td>/);
    const [audit] = await db<{ actor_id: string; detail: { recipients: number } }[]>`
      select actor_id, detail from public.audit_events where scope_id = ${event.id} and kind = 'message_sent'`;
    expect(audit).toMatchObject({ actor_id: staffVi.id, detail: { recipients: 2 } });
  });

  it("falls back to the language written for readers of the other, and reaches the waitlist", async () => {
    const since = new Date();
    const res = await send(managerEn, [
      ["intent", "send"],
      ["sendKey", await keyFrom(managerEn)],
      ["subjectEn", "A seat may free up"],
      ["bodyEn", "Keep an eye on your mail."],
      ["to", "waitlist"],
      ["ticketTypes", vip],
    ]);
    expect(res.status).toBe(302);
    const [mail, ...more] = await messageMails(since);
    expect(more).toEqual([]);
    expect([mail!.to_email, mail!.locale, mail!.subject]).toEqual(["waiting@example.test", "vi", `Diễn đàn ${event.slug}: A seat may free up`]);
    expect(mail!.text_body).toContain("vì bạn đang trong danh sách chờ của sự kiện");
  });

  it("posted twice with the same form, at once and again later, sends one set of mails", async () => {
    const since = new Date();
    const key = await keyFrom(managerEn);
    const fields: [string, string][] = [["intent", "send"], ["sendKey", key], ["subjectEn", "Parking"], ["bodyEn", "Park at gate 2."], ["to", "attendees"]];
    const answers = await Promise.all([send(managerEn, fields), send(managerEn, fields)]);
    const later = await send(managerEn, fields);
    expect([...answers, later].map((r) => r.status)).toEqual([302, 302, 302]);
    expect(later.headers.get("location")).toBe(`${page()}?sent=3`);
    expect((await messageMails(since)).map((m) => m.to_email.toLowerCase())).toEqual(["alice@example.test", "binh@example.test", "chris@example.test"]);
    const [row] = await db<{ n: number }[]>`select count(*)::int as n from public.event_messages where event_id = ${event.id} and send_key = ${key}`;
    expect(row!.n).toBe(1);
  });
});
