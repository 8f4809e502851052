import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import "~/modules/mentoring/strings";
import { tFor } from "~/platform/i18n/i18n";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { createProgram } from "../support/application-factories";
import { startAppServer } from "../support/app-server";
import { decodeEntities } from "../support/http-client";
import { assignMentor, createCohortStartup, createMentor, sessionsOf, setBudget } from "../support/mentoring-factories";

// Booking over HTTP on the real server, sharing this file's database: the pages a founder and a
// mentor use, and twenty founders posting the same slot at once (half of them reading Vietnamese,
// half English): one session, nineteen 400s that say so in each booker's language.
let app: Awaited<ReturnType<typeof startAppServer>>;
const cookies = new Map<TestUser, string>();
let programId: string;
let mentor: TestUser;
const founders: { founder: TestUser; startupId: string }[] = [];

async function signIn(user: TestUser) {
  const res = await fetch(`${app.baseUrl}/auth/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl },
    body: new URLSearchParams({ email: user.email, password: user.password }).toString(),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`sign-in of ${user.email} failed: ${res.status}`);
  cookies.set(user, cookie);
}
const get = (user: TestUser, path: string) => fetch(`${app.baseUrl}${path}`, { headers: { cookie: cookies.get(user)! }, redirect: "manual" });
const post = (user: TestUser, path: string, fields: Record<string, string>) =>
  fetch(`${app.baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl, cookie: cookies.get(user)! },
    body: new URLSearchParams(fields).toString(),
  });

beforeAll(async () => {
  const orgId = (await createOrg()).id;
  const manager = await createUser();
  await addMember(orgId, manager.id, "manager");
  programId = (await createProgram(orgId)).id;
  await setBudget(programId, 50);
  mentor = await createMentor(orgId, programId, { stepMinutes: 60, minNotice: 60 });
  for (let i = 0; i < 20; i++) {
    const founder = await createUser({ locale: i % 2 === 0 ? "vi" : "en" });
    const { startupId } = await createCohortStartup(programId, founder);
    await assignMentor(startupId, mentor.id);
    founders.push({ founder, startupId });
  }
  app = await startAppServer(inject("pgAdminUrl"), { UPLOAD_DIR: process.env.UPLOAD_DIR!, SEED: "false" }, process.env.DATABASE_URL);
  for (const f of founders) await signIn(f.founder);
  await signIn(mentor);
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

/** The first free slot the booking page offers, as its button posts it. */
async function firstSlot(user: TestUser, week?: string) {
  const html = await (await get(user, `/mentoring/book/${mentor.id}${week ? `?week=${week}` : ""}`)).text();
  return /name="startsAt" value="([^"]+)"/.exec(html)?.[1] ?? null;
}

describe("booking over HTTP", () => {
  it("shows the founder their mentor, the week of slots and the mentor their availability", async () => {
    const { founder } = founders[1]!; // English
    const home = await get(founder, "/mentoring");
    expect(home.status).toBe(200);
    const homeHtml = decodeEntities(await home.text());
    expect(homeHtml).toContain(`/mentoring/book/${mentor.id}`);
    expect(homeHtml).toContain("Mentoring hours used: 0 of 50");
    // the shell's "Mentoring" link brings founders to this hub, which leads on to the startup's mentors and needs
    expect(homeHtml).toContain('href="/mentoring"');
    expect(homeHtml).toMatch(/href="\/startups\/[^"]+\/mentors"/);
    const page = await get(founder, `/mentoring/book/${mentor.id}`);
    expect(page.status).toBe(200);
    expect(await firstSlot(founder)).not.toBeNull();
    expect((await get(mentor, "/mentoring/availability")).status).toBe(200);
    const profile = await (await get(mentor, "/mentoring/profile")).text();
    for (const path of ["/mentoring/availability", "/mentoring/requests", "/mentoring/sessions", "/mentoring/calendar"]) expect(profile).toContain(`href="${path}"`);
    // a mentor not assigned to the founder's startup: the page says so and offers nothing to post
    const stranger = founders[0]!.founder;
    expect((await get(stranger, `/mentoring/book/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it("lets the mentor open office hours and a founder take a seat over HTTP, with messages in each one's language", async () => {
    const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const fields = { intent: "open", startsAt: `${day}T03:00`, minutes: "60", seats: "2", location: "Room 4" };
    const bad = await post(mentor, "/mentoring/office-hours", { ...fields, seats: "0" });
    expect(bad.status).toBe(400);
    expect(decodeEntities(await bad.text())).toContain(tFor("en")("mentoring.office.errors.seats"));
    const opened = await post(mentor, "/mentoring/office-hours", fields);
    expect(decodeEntities(await opened.text())).toContain(tFor("en")("mentoring.office.opened"));
    const { founder } = founders[1]!; // English
    const page = decodeEntities(await (await get(founder, "/mentoring/office-hours")).text());
    expect(page).toContain("0 of 2 seats taken");
    const officeHoursId = /name="officeHoursId" value="([^"]+)"/.exec(page)![1]!;
    const taken = await post(founder, "/mentoring/office-hours", { intent: "take", officeHoursId, startupId: founders[1]!.startupId });
    expect(decodeEntities(await taken.text())).toContain(tFor("en")("mentoring.office.taken"));
    const again = await post(founder, "/mentoring/office-hours", { intent: "take", officeHoursId, startupId: founders[1]!.startupId });
    expect(again.status).toBe(400);
    expect(decodeEntities(await again.text())).toContain(tFor("en")("mentoring.office.refused.alreadySeated"));
    expect(decodeEntities(await (await get(mentor, "/mentoring/office-hours")).text())).toContain("1 of 2 seats taken");
  });

  it("refuses a bad availability form with a message in the mentor's language, writing nothing", async () => {
    const res = await post(mentor, "/mentoring/availability", {
      timeZone: "Asia/Ho_Chi_Minh", slotMinutes: "60", stepMinutes: "30", bufferBeforeMinutes: "0", bufferAfterMinutes: "0",
      minNoticeHours: "1", horizonDays: "365", weeklyCap: "100", cancelCutoffHours: "24", meetingDefault: "", day1: "12:00-09:00", overrides: "",
    });
    expect(res.status).toBe(400);
    expect(decodeEntities(await res.text())).toContain(tFor("en")("mentoring.availability.errors.ranges"));
  });

  it("twenty concurrent bookings of one slot: one session, nineteen conflicts in each booker's language", async () => {
    const week = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const slot = await firstSlot(founders[0]!.founder, week);
    expect(slot).not.toBeNull();
    const responses = await Promise.all(
      founders.map((f) => post(f.founder, `/mentoring/book/${mentor.id}`, { programId, startupId: f.startupId, startsAt: slot! })),
    );
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(responses.filter((r) => r.status === 302)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 400)).toHaveLength(19);
    responses.forEach((r, i) => {
      if (r.status !== 400) return;
      const locale = i % 2 === 0 ? "vi" : "en";
      expect(decodeEntities(bodies[i]!)).toContain(tFor(locale)("mentoring.booking.refused.slotTaken"));
    });
    const rows = (await sessionsOf(mentor.id)).filter((s) => s.starts_at.toISOString() === new Date(slot!).toISOString());
    expect(rows).toHaveLength(1);
    // the winner sees it in their list, with a way to move and cancel it
    const winner = founders[responses.findIndex((r) => r.status === 302)]!.founder;
    const list = await (await get(winner, "/mentoring/sessions")).text();
    expect(list).toContain(`/mentoring/sessions/${rows[0]!.id}/reschedule`);
  });
});
