import postgres from "postgres";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { registerOrder } from "~/modules/events/register/order.server";
import { startAppServer } from "../support/app-server";
import { createEvent, createQuota, createTicketType, quotaState } from "../support/event-factories";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { decodeEntities, fingerprint, post, signIn, type AppServer } from "../support/http-client";

// The organisers' ticket set-up over HTTP, on the real server: quotas, ticket types with codes and
// sale windows, questions; what the registration page then offers; refusals in the organiser's
// language with nothing written; two organisers resizing a quota at once; other organisations 404.
let app: AppServer;
let db: postgres.Sql;
const cookies = new Map<string, string>();
let manager: TestUser, staff: TestUser, otherManager: TestUser, buyer: TestUser;
let event: { id: string; slug: string };
const ZONE = "Asia/Ho_Chi_Minh";

beforeAll(async () => {
  const org = await createOrg();
  manager = await createUser({ locale: "en" });
  staff = await createUser({ locale: "vi" });
  otherManager = await createUser({ locale: "en" });
  buyer = await createUser({ locale: "en", name: "Bui Thi Lan" });
  await addMember(org.id, manager.id, "manager");
  await addMember(org.id, staff.id, "staff");
  await addMember((await createOrg()).id, otherManager.id, "manager");
  event = await createEvent(org.id);
  app = await startAppServer(inject("pgAdminUrl"), { SEED: "false" }, process.env.DATABASE_URL);
  db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  for (const u of [manager, staff, otherManager, buyer]) cookies.set(u.id, await signIn(app, u.email, u.password));
}, 120_000);
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const get = (who: TestUser, path: string) => fetch(`${app.baseUrl}${path}`, { redirect: "manual", headers: { cookie: cookies.get(who.id)! } });
const send = (who: TestUser, path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return post(app, path, body.toString(), { cookie: cookies.get(who.id)!, "content-type": "application/x-www-form-urlencoded" });
};
const text = async (res: Response) => decodeEntities(await res.text());
/** What a person sees of a page: its markup without the scripts (the loader's data rides along in one). */
const shown = async (res: Response) => (await text(res)).replace(/<script\b[\s\S]*?<\/script>/g, "");
const tickets = () => `/manage/events/${event.id}/tickets`;
const questions = () => `/manage/events/${event.id}/questions`;
/** A wall-clock time in the event's zone, `days` from now, as a datetime-local input sends it. */
const local = (days: number) => Temporal.Now.zonedDateTimeISO(ZONE).add({ hours: days * 24 }).toPlainDateTime().toString({ smallestUnit: "minute" });

const typeFields = (over: Record<string, string | string[]> = {}) => ({
  intent: "saveType",
  nameVi: "Vé tiêu chuẩn",
  nameEn: "Standard ticket",
  descriptionVi: "",
  descriptionEn: "",
  priceVnd: "0",
  salesStart: local(-1),
  salesEnd: local(10),
  minPerOrder: "1",
  maxPerOrder: "5",
  position: "1",
  ...over,
});

async function typeNamed(nameEn: string) {
  const [row] = await db<{ id: string; price_vnd: string; sales_start: Date; hidden: boolean }[]>`
    select id, price_vnd, sales_start, hidden from public.ticket_types where event_id = ${event.id} and name_en = ${nameEn}`;
  return row!;
}

async function quotaNamed(name: string) {
  const [row] = await db<{ id: string }[]>`select id from public.ticket_quotas where event_id = ${event.id} and name = ${name}`;
  return row!.id;
}

describe("setting up an event's tickets over HTTP", () => {
  let hall: string;

  it("adds a quota and a paid, a free and a hidden ticket type; the registration page offers what is on sale", async () => {
    expect((await send(manager, tickets(), { intent: "saveQuota", name: "Main hall", size: "100" })).status).toBe(200);
    hall = await quotaNamed("Main hall");
    const paid = await send(manager, tickets(), typeFields({ nameVi: "Vé doanh nghiệp", nameEn: "Business pass", priceVnd: "1.500.000", quotas: hall }));
    expect(paid.status).toBe(200);
    expect(await text(paid)).toContain("Saved.");
    // staff set up tickets too
    expect((await send(staff, tickets(), typeFields({ nameVi: "Vé sinh viên", nameEn: "Student pass", quotas: hall, position: "2" }))).status).toBe(200);
    expect((await send(manager, tickets(), typeFields({ nameVi: "Vé đối tác", nameEn: "Partner pass", hidden: "on", quotas: hall, position: "3" }))).status).toBe(200);
    // an early bird whose sale starts next week
    expect((await send(manager, tickets(), typeFields({ nameVi: "Vé sớm", nameEn: "Next week pass", salesStart: local(7), quotas: hall, position: "4" }))).status).toBe(200);

    const business = await typeNamed("Business pass");
    expect(Number(business.price_vnd)).toBe(1_500_000);
    // the sale starts at the minute typed, in the event's zone
    expect(Temporal.Instant.fromEpochMilliseconds(business.sales_start.getTime()).toZonedDateTimeISO(ZONE).toPlainDateTime().toString({ smallestUnit: "minute" })).toBe(
      typeFields().salesStart,
    );
    const page = await text(await get(manager, tickets()));
    expect(page).toContain("Main hall");
    expect(page).toContain("1,500,000");

    const register = await shown(await get(buyer, `/events/${event.slug}/register`));
    expect(register).toContain("Business pass");
    expect(register).toContain("Student pass");
    expect(register).not.toContain("Partner pass");
    expect(register).not.toContain("Next week pass");
  });

  it("unlocks a hidden type with any of its codes, and no more once a code is removed", async () => {
    const partner = (await typeNamed("Partner pass")).id;
    expect((await send(manager, tickets(), { intent: "addCode", id: partner, code: "PARTNER-1" })).status).toBe(200);
    expect((await send(staff, tickets(), { intent: "addCode", id: partner, code: "SPONSOR_2" })).status).toBe(200);
    expect(await shown(await get(buyer, `/events/${event.slug}/register?code=PARTNER-1`))).toContain("Partner pass");
    expect(await shown(await get(buyer, `/events/${event.slug}/register?code=SPONSOR_2`))).toContain("Partner pass");
    expect(await shown(await get(buyer, `/events/${event.slug}/register?code=WRONG-CODE`))).not.toContain("Partner pass");
    // the event page lists the unlocked type among its tickets too (read in one statement there)
    expect(await shown(await get(buyer, `/events/${event.slug}?code=PARTNER-1`))).toContain("Partner pass");
    expect(await shown(await get(buyer, `/events/${event.slug}?code=WRONG-CODE`))).not.toContain("Partner pass");
    expect((await send(manager, tickets(), { intent: "removeCode", id: partner, code: "PARTNER-1" })).status).toBe(200);
    expect(await shown(await get(buyer, `/events/${event.slug}/register?code=PARTNER-1`))).not.toContain("Partner pass");
    expect(await shown(await get(buyer, `/events/${event.slug}/register?code=SPONSOR_2`))).toContain("Partner pass");
  });

  it("refuses a type outside its sale window at registration, whatever is posted", async () => {
    const later = (await typeNamed("Next week pass")).id;
    const res = await send(buyer, `/events/${event.slug}/register`, {
      intent: "register",
      email: buyer.email,
      locale: "en",
      "attendees.0.ticketType": later,
      "attendees.0.name": "Bui Thi Lan",
      "attendees.0.email": buyer.email,
      "attendees.0.locale": "en",
    });
    expect(res.status).toBe(400);
    expect(await text(res)).toContain("This ticket is not on sale now.");
  });

  it("refuses bad ticket types in the organiser's language and writes nothing", async () => {
    const before = await fingerprint(db);
    const cases: [Record<string, string>, string][] = [
      [{ priceVnd: "1,5" }, "Nhập số đồng chẵn"],
      [{ priceVnd: "2000000000" }, "Giá tối đa là 1.000.000.000 ₫."],
      [{ salesEnd: local(-2) }, "Thời điểm kết thúc bán phải sau thời điểm bắt đầu."],
      [{ minPerOrder: "4", maxPerOrder: "2" }, "Số tối đa không được nhỏ hơn số tối thiểu."],
      [{ salesStart: "2026-02-30T10:00" }, "Nhập ngày và giờ."],
      [{ nameEn: "" }, "Vui lòng"],
      [{ quotas: "00000000-0000-4000-8000-000000000000" }, "Hãy chọn hạn mức của sự kiện này."],
    ];
    for (const [over, message] of cases) {
      const res = await send(staff, tickets(), typeFields({ nameEn: "Bad pass", ...over }));
      expect(res.status, JSON.stringify(over)).toBe(400);
      const body = await text(res);
      if (message === "Vui lòng") expect(body).toMatch(/field-error/);
      else expect(body, JSON.stringify(over)).toContain(message);
    }
    const badCode = await send(staff, tickets(), { intent: "addCode", id: (await typeNamed("Partner pass")).id, code: "a b" });
    expect(badCode.status).toBe(400);
    expect(await text(badCode)).toContain("Mã gồm 4 đến 40 chữ cái");
    const badSize = await send(staff, tickets(), { intent: "saveQuota", name: "Hall B", size: "-3" });
    expect(badSize.status).toBe(400);
    expect(await text(badSize)).toContain("Nhập số chỗ là số nguyên từ 0 đến 1.000.000.");
    expect(await fingerprint(db)).toEqual(before);
  });

  it("refuses to shrink a quota below what is taken, to remove a type with tickets, or to move its quotas, with messages", async () => {
    const student = (await typeNamed("Student pass")).id;
    const placed = await registerOrder(buyer.claims, event.id, {
      email: buyer.email,
      locale: "en",
      attendees: [1, 2, 3].map((n) => ({ ticketType: student, name: `Guest ${n}`, email: `guest${n}@example.test`, locale: "en" as const, answers: {} })),
    });
    expect(placed.ok).toBe(true);
    expect((await quotaState(hall)).taken).toBe(3);
    const before = await fingerprint(db);
    const shrink = await send(manager, tickets(), { intent: "saveQuota", id: hall, name: "Main hall", size: "2" });
    expect(shrink.status).toBe(400);
    expect(await text(shrink)).toContain("Refused: more seats are already taken than this size.");
    const remove = await send(manager, tickets(), { intent: "removeType", id: student });
    expect(remove.status).toBe(400);
    expect(await text(remove)).toContain("Refused: this ticket type has tickets, so it cannot be removed. End its sale instead.");
    const removeQuota = await send(manager, tickets(), { intent: "removeQuota", id: hall });
    expect(removeQuota.status).toBe(400);
    expect(await text(removeQuota)).toContain("Refused: this quota has seats taken");
    await send(manager, tickets(), { intent: "saveQuota", name: "Balcony", size: "10" });
    const balcony = await quotaNamed("Balcony");
    const before2 = await fingerprint(db);
    const move = await send(manager, tickets(), typeFields({ id: student, nameVi: "Vé sinh viên", nameEn: "Student pass", quotas: [hall, balcony] }));
    expect(move.status).toBe(400);
    expect(await text(move)).toContain("its quotas cannot change");
    expect(await fingerprint(db)).toEqual(before2);
    expect(before).not.toEqual(before2); // (the balcony was added in between)
    // exactly what is taken is fine, and the page says what is left
    expect((await send(manager, tickets(), { intent: "saveQuota", id: hall, name: "Main hall", size: "3" })).status).toBe(200);
    expect(await quotaState(hall)).toEqual({ size: 3, taken: 3 });
    expect((await send(manager, tickets(), { intent: "saveQuota", id: hall, name: "Main hall", size: "50" })).status).toBe(200);
    // a type without tickets goes
    const later = (await typeNamed("Next week pass")).id;
    expect((await send(manager, tickets(), { intent: "removeType", id: later })).status).toBe(200);
    expect(await db`select 1 from public.ticket_types where id = ${later}`).toHaveLength(0);
  });

  it("serves two organisers resizing at once one after the other, each told what is true", async () => {
    const quota = await createQuota(event.id, 10, "Workshop room");
    const type = await createTicketType(event.id, { quotas: [quota], name: "Workshop" });
    const placed = await registerOrder(buyer.claims, event.id, {
      email: buyer.email,
      locale: "en",
      attendees: [1, 2, 3, 4].map((n) => ({ ticketType: type, name: `W ${n}`, email: `w${n}@example.test`, locale: "en" as const, answers: {} })),
    });
    expect(placed.ok).toBe(true);
    // one asks for less than is taken, the other for more: one refusal, one change, whatever the order
    const [small, large] = await Promise.all([
      send(manager, tickets(), { intent: "saveQuota", id: quota, name: "Workshop room", size: "3" }),
      send(staff, tickets(), { intent: "saveQuota", id: quota, name: "Workshop room", size: "8" }),
    ]);
    expect([small.status, large.status]).toEqual([400, 200]);
    expect(await text(small)).toContain("Refused: more seats are already taken than this size.");
    expect(await quotaState(quota)).toEqual({ size: 8, taken: 4 });
    // both valid: both applied, one after the other; the log shows each from what the other left
    const [a, b] = await Promise.all([
      send(manager, tickets(), { intent: "saveQuota", id: quota, name: "Workshop room", size: "6" }),
      send(staff, tickets(), { intent: "saveQuota", id: quota, name: "Workshop room", size: "12" }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const log = await db<{ from: number; size: number }[]>`
      select (detail ->> 'from')::int as from, (detail ->> 'size')::int as size from public.audit_events
       where subject_id = ${quota} and kind = 'quota_changed' order by id desc limit 2`;
    const [second, first] = log;
    expect(first!.from).toBe(8);
    expect(second!.from).toBe(first!.size);
    expect((await quotaState(quota)).size).toBe(second!.size);
  });

  it("never lets a resize and registrations racing for the last seats pass the quota", async () => {
    const quota = await createQuota(event.id, 5, "Lab");
    const type = await createTicketType(event.id, { quotas: [quota], name: "Lab" });
    const people = await Promise.all([createUser(), createUser()]);
    const one = (p: TestUser) =>
      registerOrder(p.claims, event.id, { email: p.email, locale: "en", attendees: [{ ticketType: type, name: p.name, email: p.email, locale: "en", answers: {} }] });
    expect((await registerOrder(buyer.claims, event.id, { email: buyer.email, locale: "en", attendees: [1, 2, 3].map((n) => ({ ticketType: type, name: `L ${n}`, email: `l${n}@example.test`, locale: "en" as const, answers: {} })) })).ok).toBe(true);
    const [resize, ...orders] = await Promise.all([send(manager, tickets(), { intent: "saveQuota", id: quota, name: "Lab", size: "4" }), ...people.map(one)]);
    const sold = orders.filter((o) => o.ok).length;
    const state = await quotaState(quota);
    expect(state.taken).toBe(3 + sold);
    expect(state.taken).toBeLessThanOrEqual(state.size);
    if (resize.status === 200) expect(state.size).toBe(4);
    else {
      expect(resize.status).toBe(400);
      expect(state).toEqual({ size: 5, taken: 5 });
    }
  });

  it("audits every change with who made it", async () => {
    const rows = await db<{ kind: string; actor_id: string }[]>`select kind, actor_id from public.audit_events where scope_id = ${event.id}`;
    const kinds = new Set(rows.map((r) => r.kind));
    for (const k of ["quota_added", "quota_changed", "ticket_type_added", "ticket_type_removed", "ticket_code_added", "ticket_code_removed"]) expect(kinds).toContain(k);
    expect(rows.some((r) => r.actor_id === staff.id)).toBe(true);
  });

  it("is a 404 to another organisation's manager and to a visitor, who write nothing", async () => {
    const before = await fingerprint(db);
    for (const who of [otherManager, buyer]) {
      expect((await get(who, tickets())).status).toBe(404);
      expect((await get(who, questions())).status).toBe(404);
      expect((await send(who, tickets(), { intent: "saveQuota", name: "Sneaky", size: "5" })).status).toBe(404);
      expect((await send(who, questions(), { intent: "saveQuestion", labelVi: "a", labelEn: "b", kind: "text", position: "1" })).status).toBe(404);
    }
    expect(await fingerprint(db)).toEqual(before);
  });
});

describe("setting up the questions over HTTP", () => {
  it("asks a question of the ticket types chosen, with its help, required, as a list of options", async () => {
    const business = (await typeNamed("Business pass")).id;
    const student = (await typeNamed("Student pass")).id;
    const added = await send(manager, questions(), {
      intent: "saveQuestion",
      labelVi: "Công ty của bạn?",
      labelEn: "Your company's sector?",
      helpVi: "Chọn lĩnh vực gần nhất.",
      helpEn: "Pick the closest sector.",
      kind: "choice",
      options: "Agritech\nFintech\nEdtech",
      required: "on",
      ticketTypes: business,
      position: "1",
    });
    expect(added.status).toBe(200);
    expect((await send(manager, questions(), { intent: "saveQuestion", labelVi: "Ăn chay?", labelEn: "Vegetarian meal?", kind: "yes_no", position: "2" })).status).toBe(200);
    const asked = await shown(await get(buyer, `/events/${event.slug}/register?q.${business}=1`));
    expect(asked).toContain("Your company's sector?");
    expect(asked).toContain("Pick the closest sector.");
    expect(asked).toContain("Fintech");
    expect(asked).toContain("Vegetarian meal?");
    const notAsked = await shown(await get(buyer, `/events/${event.slug}/register?q.${student}=1`));
    expect(notAsked).not.toContain("Your company's sector?");
    expect(notAsked).toContain("Vegetarian meal?");
  });

  it("refuses a choice without options, an unknown kind or another event's ticket type, in Vietnamese, writing nothing", async () => {
    const before = await fingerprint(db);
    const base = { intent: "saveQuestion", labelVi: "Hỏi", labelEn: "Ask", position: "3" };
    const cases: [Record<string, string>, string][] = [
      [{ kind: "choice", options: "Only one" }, "Kiểu chọn cần 2 đến 30 lựa chọn, mỗi dòng một lựa chọn."],
      [{ kind: "rating" }, "Hãy chọn kiểu trả lời."],
      [{ kind: "text", ticketTypes: "00000000-0000-4000-8000-000000000000" }, "Hãy chọn loại vé của sự kiện này."],
    ];
    for (const [over, message] of cases) {
      const res = await send(staff, questions(), { ...base, ...over });
      expect(res.status).toBe(400);
      expect(await text(res)).toContain(message);
    }
    expect(await fingerprint(db)).toEqual(before);
  });

  it("keeps answers when a question is edited, and retires rather than deletes an answered question", async () => {
    const business = (await typeNamed("Business pass")).id;
    const [q] = await db<{ id: string }[]>`select id from public.event_questions where event_id = ${event.id} and label_en = 'Your company''s sector?'`;
    const registered = await send(buyer, `/events/${event.slug}/register`, {
      intent: "register",
      email: buyer.email,
      locale: "en",
      // a paid pass: held while the transfer is awaited, its answers kept with it
      method: "bank_transfer",
      "attendees.0.ticketType": business,
      "attendees.0.name": "Bui Thi Lan",
      "attendees.0.email": buyer.email,
      "attendees.0.locale": "en",
      [`attendees.0.answers.${q!.id}`]: "Fintech",
    });
    expect(registered.status).toBe(302);
    const answers = () => db<{ answers: Record<string, string> }[]>`select answers from public.event_tickets where event_id = ${event.id} and answers ? ${q!.id}`;
    expect((await answers())[0]!.answers[q!.id]).toBe("Fintech");
    // options change, the label too: the answer given stays as it was
    const edited = await send(manager, questions(), {
      intent: "saveQuestion",
      id: q!.id,
      labelVi: "Lĩnh vực?",
      labelEn: "Sector?",
      kind: "choice",
      options: "Agritech\nHealthtech",
      ticketTypes: business,
      position: "1",
    });
    expect(edited.status).toBe(200);
    expect((await answers())[0]!.answers[q!.id]).toBe("Fintech");
    const page = await text(await get(manager, questions()));
    expect(page).toContain("1 answers");
    const removed = await send(manager, questions(), { intent: "removeQuestion", id: q!.id });
    expect(removed.status).toBe(200);
    expect(await text(removed)).toContain("The question had answers: it is no longer asked, and its answers are kept.");
    expect((await answers())[0]!.answers[q!.id]).toBe("Fintech");
    expect(await shown(await get(buyer, `/events/${event.slug}/register?q.${business}=1`))).not.toContain("Sector?");
    // an unanswered question is deleted
    const [veg] = await db<{ id: string }[]>`select id from public.event_questions where event_id = ${event.id} and label_en = 'Vegetarian meal?'`;
    expect((await send(staff, questions(), { intent: "removeQuestion", id: veg!.id })).status).toBe(200);
    expect(await db`select 1 from public.event_questions where id = ${veg!.id}`).toHaveLength(0);
    const kinds = (await db<{ kind: string }[]>`select kind from public.audit_events where scope_id = ${event.id} and subject_type = 'question'`).map((r) => r.kind);
    expect(new Set(kinds)).toEqual(new Set(["question_added", "question_changed", "question_retired", "question_removed"]));
  });
});
