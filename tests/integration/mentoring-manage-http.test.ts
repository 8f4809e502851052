import ICAL from "ical.js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { asService } from "~/platform/db/transaction.server";
import { createProgram } from "../support/application-factories";
import { startAppServer } from "../support/app-server";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { decodeEntities, fingerprint, post, signIn, type AppServer } from "../support/http-client";
import { createCohortStartup, createMentor, createSession } from "../support/mentoring-factories";

// The managers' side of mentoring over HTTP, on the real server: the programme's mentoring log in
// each manager's language, ending a mentoring from the matching page, and a session's place changed
// from the session page, each refused to the wrong people with a message in their language.
let app: AppServer;
let db: postgres.Sql;
const cookies = new Map<string, string>();
let managerVi: TestUser, managerEn: TestUser, otherManager: TestUser, mentor: TestUser, founder: TestUser;
let programId: string, startupId: string, future: string;

beforeAll(async () => {
  const org = await createOrg();
  managerVi = await createUser({ locale: "vi", name: "Trần Mai" });
  managerEn = await createUser({ locale: "en", name: "Tom Manager" });
  for (const m of [managerVi, managerEn]) await addMember(org.id, m.id, "manager");
  otherManager = await createUser();
  await addMember((await createOrg()).id, otherManager.id, "manager");
  programId = (await createProgram(org.id)).id;
  mentor = await createMentor(org.id, programId);
  founder = await createUser({ locale: "vi" });
  ({ startupId } = await createCohortStartup(programId, founder));
  await asService(async (tx) => {
    await tx`update public.startups set name = 'Water Co' where id = ${startupId}`;
    await tx`insert into public.startup_mentors (startup_id, mentor_id, program_id) values (${startupId}, ${mentor.id}, ${programId})`;
  });
  future = await createSession({ programId, startupId, mentorId: mentor.id }, new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 72 * 3_600_000));

  app = await startAppServer(inject("pgAdminUrl"), { SEED: "false" }, process.env.DATABASE_URL);
  db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  for (const u of [managerVi, managerEn, otherManager, mentor, founder]) cookies.set(u.id, await signIn(app, u.email, u.password));
}, 120_000);
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const get = (who: TestUser, path: string) => fetch(`${app.baseUrl}${path}`, { redirect: "manual", headers: { cookie: cookies.get(who.id)! } });
const send = (who: TestUser, path: string, fields: Record<string, string>) =>
  post(app, path, new URLSearchParams(fields).toString(), { cookie: cookies.get(who.id)!, "content-type": "application/x-www-form-urlencoded" });
const text = async (res: Response) => decodeEntities(await res.text());

describe("managing a programme's mentoring over HTTP", () => {
  it("changes a session's place from its page: the mentor may, the founder is told why not, in Vietnamese", async () => {
    const before = await fingerprint(db);
    const refused = await send(founder, `/mentoring/sessions/${future}`, { intent: "setLocation", location: "Quán cà phê" });
    expect(refused.status).toBe(400);
    expect(await text(refused)).toContain("Chỉ cố vấn hoặc quản lý chương trình mới đổi được nơi tổ chức buổi.");
    expect((await send(otherManager, `/mentoring/sessions/${future}`, { intent: "setLocation", location: "Elsewhere" })).status).toBe(404);
    expect(await fingerprint(db)).toEqual(before);

    expect((await send(mentor, `/mentoring/sessions/${future}`, { intent: "setLocation", location: "https://meet.example.test/water" })).status).toBe(200);
    expect(await text(await get(founder, `/mentoring/sessions/${future}`))).toContain('href="https://meet.example.test/water"');
    const [mail] = await db<{ attachments: { content: string }[] }[]>`
      select attachments from public.email_outbox where to_email = ${founder.email} and template = 'mentoring-session' order by created_at desc limit 1`;
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(mail!.attachments[0]!.content)).getFirstSubcomponent("vevent")!);
    expect([event.location, event.sequence]).toEqual(["https://meet.example.test/water", 1]);
  });

  it("ends a mentoring from the matching page, for the programme's managers only", async () => {
    const fields = { intent: "end", startupId, mentorId: mentor.id };
    expect(await text(await get(managerEn, `/manage/programmes/${programId}/matching`))).toContain("End the mentoring");
    for (const who of [otherManager, mentor, founder]) expect((await send(who, `/manage/programmes/${programId}/matching`, fields)).status, who.email).toBe(403);
    const ended = await send(managerEn, `/manage/programmes/${programId}/matching`, fields);
    expect(ended.status).toBe(200);
    expect(await text(ended)).toContain("The mentoring is ended. 1 session to come was cancelled");
    const [session] = await db<{ status: string }[]>`select status from public.mentoring_sessions where id = ${future}`;
    expect(session!.status).toBe("cancelled");
    const page = await text(await get(managerEn, `/manage/programmes/${programId}/matching`));
    expect(page).toContain("Ended mentorings");
    expect(page).toContain(`Water Co with ${mentor.name}`);
  });

  it("shows the programme's mentoring log to its managers, each in their language, and to nobody else", async () => {
    expect(await text(await get(managerEn, `/manage/programmes/${programId}`))).toContain(`href="/manage/programmes/${programId}/mentoring-log"`);
    const en = await text(await get(managerEn, `/manage/programmes/${programId}/mentoring-log`));
    expect(en).toContain("<h1>Mentoring log</h1>");
    expect(en).toContain("Mentoring ended");
    expect(en).toContain("Place or link changed");
    expect(en).toContain(`Water Co with ${mentor.name}, `);
    expect(en).toContain("(the mentoring ended)");
    const vi = await text(await get(managerVi, `/manage/programmes/${programId}/mentoring-log`));
    expect(vi).toContain("<h1>Nhật ký cố vấn</h1>");
    expect(vi).toContain("Kết thúc cố vấn");
    expect(vi).toContain("Đổi địa điểm hoặc đường dẫn");
    expect(vi).toContain("Tom Manager");
    for (const who of [otherManager, mentor, founder]) expect((await get(who, `/manage/programmes/${programId}/mentoring-log`)).status, who.email).toBe(403);
    expect((await get(managerEn, "/manage/programmes/nonsense/mentoring-log")).status).toBe(404);
  });
});
