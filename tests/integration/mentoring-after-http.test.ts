import ICAL from "ical.js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatDateTime } from "~/platform/i18n/format";
import { asService } from "~/platform/db/transaction.server";
import { createProgram } from "../support/application-factories";
import { startAppServer } from "../support/app-server";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { decodeEntities, fingerprint, post, signIn, type AppServer } from "../support/http-client";
import { assignMentor, createCohortStartup, createMentor, createSession } from "../support/mentoring-factories";

// After the session over HTTP, on the real server sharing this file's database: the session page
// and its refusals, the managers' report, and the mentor's calendar feed read back with ical.js.
let app: AppServer;
let db: postgres.Sql;
const cookies = new Map<string, string>();
let manager: TestUser, otherManager: TestUser, mentor: TestUser, otherMentor: TestUser, founder: TestUser, otherFounder: TestUser;
let programId: string;
let startupId: string;
let past: string, future: string, cancelled: string, othersSession: string;
const hoursAgo = (h: number) => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - h * 3_600_000);
const futureAt = hoursAgo(-50);

beforeAll(async () => {
  const org = await createOrg();
  manager = await createUser();
  await addMember(org.id, manager.id, "manager");
  otherManager = await createUser();
  await addMember((await createOrg()).id, otherManager.id, "manager");
  programId = (await createProgram(org.id)).id;
  mentor = await createMentor(org.id, programId, { timeZone: "Europe/Amsterdam" });
  otherMentor = await createMentor(org.id, programId);
  founder = await createUser({ locale: "vi", name: "Lan Nguyen" });
  ({ startupId } = await createCohortStartup(programId, founder));
  ({ founder: otherFounder } = await createCohortStartup(programId));
  await assignMentor(startupId, mentor.id);
  await asService(async (tx) => {
    await tx`update public.startups set name = 'Water Co' where id = ${startupId}`;
    await tx`update public.profiles set time_zone = 'Europe/Amsterdam' where id = ${mentor.id}`;
    await tx`update public.profiles set time_zone = 'Asia/Ho_Chi_Minh' where id = ${founder.id}`;
  });
  const s = { programId, startupId, mentorId: mentor.id };
  past = await createSession(s, hoursAgo(3));
  future = await createSession(s, futureAt);
  cancelled = await createSession(s, hoursAgo(-80), { status: "cancelled" });
  const other = await createCohortStartup(programId);
  othersSession = await createSession({ programId, startupId: other.startupId, mentorId: otherMentor.id }, hoursAgo(-30));

  app = await startAppServer(inject("pgAdminUrl"), { SEED: "false" }, process.env.DATABASE_URL);
  db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  for (const u of [manager, otherManager, mentor, otherMentor, founder, otherFounder]) cookies.set(u.id, await signIn(app, u.email, u.password));
}, 120_000);
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const get = (who: TestUser | null, path: string) => fetch(`${app.baseUrl}${path}`, { redirect: "manual", headers: who ? { cookie: cookies.get(who.id)! } : {} });
const send = (who: TestUser, path: string, fields: Record<string, string>) =>
  post(app, path, new URLSearchParams(fields).toString(), { cookie: cookies.get(who.id)!, "content-type": "application/x-www-form-urlencoded" });
const text = async (res: Response) => decodeEntities(await res.text());

describe("the session page", () => {
  it("shows the time in each viewer's zone, who, and a reschedule link while upcoming", async () => {
    const mentorPage = await text(await get(mentor, `/mentoring/sessions/${future}`));
    expect(mentorPage).toContain(formatDateTime(futureAt, "en", "Europe/Amsterdam"));
    expect(mentorPage.replace(/<!-- -->/g, "")).toContain("Water Co (Lan Nguyen)");
    expect(mentorPage).toContain(`href="/mentoring/sessions/${future}/reschedule"`);
    const founderPage = await text(await get(founder, `/mentoring/sessions/${future}`));
    expect(founderPage).toContain(formatDateTime(futureAt, "vi", "Asia/Ho_Chi_Minh"));
    expect(founderPage).toContain("Đổi lịch hoặc hủy");
    const managerPast = await get(manager, `/mentoring/sessions/${past}`);
    expect(managerPast.status).toBe(200);
    expect(await text(managerPast)).not.toContain("/reschedule");
  });

  it("is a 404 for a founder of another startup, a mentor not on the session and a manager of another organisation, reading or writing", async () => {
    const before = await fingerprint(db);
    for (const who of [otherFounder, otherMentor, otherManager]) {
      expect((await get(who, `/mentoring/sessions/${past}`)).status, who.email).toBe(404);
      expect((await send(who, `/mentoring/sessions/${past}`, { intent: "saveNotes", body: "mine" })).status).toBe(404);
      expect((await send(who, `/mentoring/sessions/${past}`, { intent: "noShow" })).status).toBe(404);
    }
    expect((await get(founder, "/mentoring/sessions/not-a-uuid")).status).toBe(404);
    expect((await get(null, `/mentoring/sessions/${past}`)).status).toBe(302);
    expect(await fingerprint(db)).toEqual(before);
  });

  it("keeps notes and action items that the mentor, the founders and the managers all see", async () => {
    expect((await send(founder, `/mentoring/sessions/${past}`, { intent: "saveNotes", body: "Try a pilot with two districts." })).status).toBe(200);
    expect((await send(mentor, `/mentoring/sessions/${past}`, { intent: "addItem", body: "Send the deck to the utility" })).status).toBe(200);
    for (const who of [mentor, founder, manager]) {
      const page = await text(await get(who, `/mentoring/sessions/${past}`));
      expect(page).toContain("Try a pilot with two districts.");
      expect(page).toContain("Send the deck to the utility");
    }
    const [item] = await db<{ id: string }[]>`select id from public.mentoring_action_items where session_id = ${past}`;
    expect((await send(manager, `/mentoring/sessions/${past}`, { intent: "setItemDone", id: item!.id, done: "true" })).status).toBe(200);
    expect(await text(await get(founder, `/mentoring/sessions/${past}`))).toContain("Đánh dấu “Send the deck to the utility” chưa xong");
  });

  it("refuses malformed input with a message in the viewer's language, writing nothing", async () => {
    const before = await fingerprint(db);
    const rating = await send(founder, `/mentoring/sessions/${past}`, { intent: "giveFeedback", rating: "9", comment: "" });
    expect(rating.status).toBe(400);
    expect(await text(rating)).toContain("Hãy chọn điểm từ 1 đến 5.");
    const long = await send(mentor, `/mentoring/sessions/${past}`, { intent: "addItem", body: "x".repeat(501) });
    expect(long.status).toBe(400);
    expect(await text(long)).toContain("This is too long.");
    const early = await send(founder, `/mentoring/sessions/${future}`, { intent: "giveFeedback", rating: "5", comment: "" });
    expect(early.status).toBe(400);
    expect(await text(early)).toContain("Chỉ có thể làm việc này khi buổi cố vấn đã bắt đầu.");
    expect((await send(founder, `/mentoring/sessions/${past}`, { intent: "dropTables" })).status).toBe(400);
    expect((await send(founder, `/mentoring/sessions/${future}`, { intent: "noShow" })).status).toBe(400);
    expect(await fingerprint(db)).toEqual(before);
  });

  it("takes each side's rating, and shows a no-show marked by the mentor", async () => {
    expect((await send(founder, `/mentoring/sessions/${past}`, { intent: "giveFeedback", rating: "4", comment: "Clear advice." })).status).toBe(200);
    expect((await send(mentor, `/mentoring/sessions/${past}`, { intent: "giveFeedback", rating: "5", comment: "Well prepared." })).status).toBe(200);
    const managerPage = await text(await get(manager, `/mentoring/sessions/${past}`));
    expect(managerPage).toContain("Clear advice.");
    expect(managerPage).toContain("Well prepared.");
    expect(await text(await get(founder, `/mentoring/sessions/${past}`))).not.toContain("Well prepared.");

    expect((await send(mentor, `/mentoring/sessions/${past}`, { intent: "noShow" })).status).toBe(200);
    expect(await text(await get(founder, `/mentoring/sessions/${past}`))).toContain("Startup không đến");
  });
});

describe("the managers' report", () => {
  it("is linked from the programme page and shows hours, ratings and no-shows; other people are refused", async () => {
    expect(await text(await get(manager, `/manage/programmes/${programId}`))).toContain(`href="/manage/programmes/${programId}/mentoring"`);
    const res = await get(manager, `/manage/programmes/${programId}/mentoring`);
    expect(res.status).toBe(200);
    const page = await text(res);
    expect(page).toContain("Water Co");
    expect(page).toContain("Startups with no session in the last 30 days");
    for (const who of [otherManager, founder, mentor]) expect((await get(who, `/manage/programmes/${programId}/mentoring`)).status, who.email).toBe(403);
    expect((await get(manager, "/manage/programmes/nonsense/mentoring")).status).toBe(404);
  });
});

describe("the mentor's calendar feed", () => {
  const feedPath = (html: string) => /\/calendar\/([A-Za-z0-9_-]{43})\.ics/.exec(html)?.[0] ?? null;

  it("serves the mentor's own sessions as text/calendar at a secret address, shown once", async () => {
    const made = await text(await send(mentor, "/mentoring/calendar", { intent: "renew" }));
    const path = feedPath(made)!;
    expect(path).not.toBeNull();
    // the address is not shown again, and only its hash is stored
    const later = await text(await get(mentor, "/mentoring/calendar"));
    expect(feedPath(later)).toBeNull();
    const [row] = await db<{ hash: Buffer }[]>`select token_hash as hash from public.mentor_calendar_feeds where mentor_id = ${mentor.id}`;
    expect(row!.hash.toString("utf8")).not.toContain(path.slice(10, 53));

    const res = await fetch(`${app.baseUrl}${path}`); // no cookie, as a calendar app asks
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = await res.text();
    expect(ics.match(/^DTSTART:\d{8}T\d{6}Z\r?$/gm)).toHaveLength(3);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents("vevent").map((v) => ({
      uid: v.getFirstPropertyValue("uid"),
      start: new ICAL.Event(v).startDate,
      status: v.getFirstPropertyValue("status"),
      summary: v.getFirstPropertyValue("summary"),
    }));
    const host = new URL(app.baseUrl).host;
    expect(events.map((e) => e.uid).sort()).toEqual([past, future, cancelled].map((id) => `${id}@${host}`).sort());
    expect(events.map((e) => e.uid)).not.toContain(`${othersSession}@${host}`);
    const upcoming = events.find((e) => e.uid === `${future}@${host}`)!;
    expect(upcoming.start.zone?.tzid).toBe("UTC");
    expect(upcoming.start.toJSDate().getTime()).toBe(futureAt.getTime());
    expect(upcoming.status).toBe("CONFIRMED");
    expect(upcoming.summary).toBe("Mentoring: Water Co");
    expect(events.find((e) => e.uid === `${cancelled}@${host}`)!.status).toBe("CANCELLED");
  });

  it("stops at once when revoked or renewed, and answers 404 to any other address", async () => {
    const first = feedPath(await text(await send(mentor, "/mentoring/calendar", { intent: "renew" })))!;
    const second = feedPath(await text(await send(mentor, "/mentoring/calendar", { intent: "renew" })))!;
    expect(second).not.toBe(first);
    expect((await fetch(`${app.baseUrl}${first}`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}${second}`)).status).toBe(200);
    expect((await send(mentor, "/mentoring/calendar", { intent: "revoke" })).status).toBe(200);
    expect((await fetch(`${app.baseUrl}${second}`)).status).toBe(404);
    for (const bad of ["/calendar/x.ics", `/calendar/${"A".repeat(43)}.ics`, `${second.slice(0, -4)}`, `${second}x`]) {
      expect((await fetch(`${app.baseUrl}${bad}`)).status, bad).toBe(404);
    }
  });

  it("is refused to someone without a mentor profile, in their language, writing nothing", async () => {
    const before = await fingerprint(db);
    const res = await send(founder, "/mentoring/calendar", { intent: "renew" });
    expect(res.status).toBe(400);
    expect(await text(res)).toContain("Chỉ cố vấn đã có hồ sơ cố vấn mới có lịch đăng ký.");
    expect((await send(founder, "/mentoring/calendar", { intent: "nonsense" })).status).toBe(400);
    expect(await fingerprint(db)).toEqual(before);
  });
});
