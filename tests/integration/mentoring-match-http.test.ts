import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { startAppServer } from "../support/app-server";
import { decodeEntities, fingerprint, post, signIn, type AppServer } from "../support/http-client";

// The matching pages over HTTP on the real server with the demo data: each page for the person it
// is for, refused to anyone else, and malformed posts answered 400 in the viewer's language with
// nothing written. Demo: the incubator's manager runs the smart-city programme; Anna de Vries
// mentors for it and is matched to SmartWater (the demo founder's startup); AgriLink (founder2)
// is not in the cohort.
const PROGRAMME = "30000000-0000-4000-8000-000000000001";
const ANNA = "00000000-0000-4000-8000-000000000005";
const AGRILINK = "20000000-0000-4000-8000-000000000002";
let app: AppServer;
let db: postgres.Sql;
const cookie: Record<string, string> = {};

beforeAll(async () => {
  app = await startAppServer(inject("pgAdminUrl"));
  db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  for (const who of ["manager", "mentor", "founder", "founder2"]) cookie[who] = await signIn(app, `${who}@demo.binhduong.example`);
}, 120_000);
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const get = (path: string, who: string) => fetch(`${app.baseUrl}${path}`, { redirect: "manual", headers: { cookie: cookie[who]! } });
const send = (path: string, who: string, fields: [string, string][]) =>
  post(app, path, new URLSearchParams(fields).toString(), { "content-type": "application/x-www-form-urlencoded", cookie: cookie[who]! });
const text = async (res: Response) => decodeEntities(await res.text());

/** Posts that must be refused with `status`, the page answering in the poster's language (`says`), and nothing written. */
async function refusedWithoutWriting(path: string, who: string, fields: [string, string][], status: number, says?: string) {
  const before = await fingerprint(db);
  const res = await send(path, who, fields);
  expect(res.status).toBe(status);
  if (says) expect(await text(res)).toContain(says);
  expect(await fingerprint(db)).toEqual(before);
}

describe("the mentor's profile page", () => {
  it("shows the mentor their profile and saves a change", async () => {
    const page = await text(await get("/mentoring/profile", "mentor"));
    expect(page).toContain("My mentor profile"); // Anna reads English
    expect(page).toContain("Internet of Things (IoT)");
    const res = await send("/mentoring/profile", "mentor", [
      ["bio", "Smart-city hardware, Eindhoven."],
      ["orgId", "10000000-0000-4000-8000-000000000001"],
      ["expertise", "iot"],
      ["expertise", "hardware"],
      ["sectors", "smart-city, cleantech"],
      ["languages", "en"],
      ["stages", "mvp"],
      ["timeZone", "Europe/Amsterdam"],
      ["maxStartups", "4"],
      ["hoursPerMonth", "10"],
    ]);
    expect(res.status).toBe(200);
    expect(await text(res)).toContain("Your profile is saved.");
    const [row] = await db`select expertise, max_startups, time_zone from public.mentor_profiles where user_id = ${ANNA}`;
    expect(row).toEqual({ expertise: ["iot", "hardware"], max_startups: 4, time_zone: "Europe/Amsterdam" });
  });

  it("refuses malformed input with a message in the mentor's language, and a founder who is no mentor, writing nothing", async () => {
    const fields: [string, string][] = [["expertise", "iot"], ["languages", "en"], ["timeZone", "Mars/Base"], ["maxStartups", "many"], ["hoursPerMonth", "10"]];
    await refusedWithoutWriting("/mentoring/profile", "mentor", fields, 400, "Enter a whole number from 0 to 50.");
    await refusedWithoutWriting("/mentoring/profile", "mentor", [...fields.slice(0, 2), ["timeZone", "Asia/Ho_Chi_Minh"], ["maxStartups", "3"], ["hoursPerMonth", "8"], ["expertise", "astrology"]], 400);
    await refusedWithoutWriting("/mentoring/profile", "founder", [["expertise", "iot"], ["languages", "vi"], ["timeZone", "Asia/Ho_Chi_Minh"], ["maxStartups", "3"], ["hoursPerMonth", "8"]], 404);
    expect((await get("/mentoring/profile", "founder")).status).toBe(404);
  });
});

describe("the programme's mentors page", () => {
  it("is the programme managers' page, linked from the programme; a founder or a mentor is refused", async () => {
    expect(await text(await get(`/manage/programmes/${PROGRAMME}`, "manager"))).toContain(`/manage/programmes/${PROGRAMME}/mentors`);
    const page = await text(await get(`/manage/programmes/${PROGRAMME}/mentors`, "manager"));
    expect(page).toContain("Anna de Vries");
    expect((await get(`/manage/programmes/${PROGRAMME}/mentors`, "founder")).status).toBe(403);
    await refusedWithoutWriting(`/manage/programmes/${PROGRAMME}/mentors`, "mentor", [["intent", "withdraw"], ["mentorId", ANNA]], 403);
  });

  it("refuses a malformed address and a way of matching that does not exist, in Vietnamese, writing nothing", async () => {
    await refusedWithoutWriting(`/manage/programmes/${PROGRAMME}/mentors`, "manager", [["intent", "invite"], ["email", "not an address"]], 400);
    await refusedWithoutWriting(`/manage/programmes/${PROGRAMME}/mentors`, "manager", [["intent", "mode"], ["matchMode", "lottery"], ["requestDays", "7"]], 400, "Hãy chọn một cách ghép cặp.");
    await refusedWithoutWriting(`/manage/programmes/${PROGRAMME}/mentors`, "manager", [["intent", "approve"], ["mentorId", "nope"]], 400);
  });

  it("invites a new mentor by mail, in the language of the address's account or the manager's", async () => {
    const res = await send(`/manage/programmes/${PROGRAMME}/mentors`, "manager", [["intent", "invite"], ["email", "new.mentor@example.test"]]);
    expect(res.status).toBe(200);
    const [mail] = await db`select template, locale from public.email_outbox where to_email = 'new.mentor@example.test'`;
    expect(mail).toEqual({ template: "invitation", locale: "vi" });
    const [invitation] = await db`select role from public.invitations where email = 'new.mentor@example.test'`;
    expect(invitation).toEqual({ role: "mentor" });
  });
});

describe("a startup's needs", () => {
  it("are its founders' to edit, prefilled until first saved; another founder is refused", async () => {
    await db`insert into public.expertise_tags (slug, name_vi, name_en) values ('canteens', 'Bếp ăn', 'canteens') on conflict do nothing`;
    const page = await text(await get("/startups/agrilink/needs", "founder2"));
    // read from AgriLink's application, which speaks of canteens
    expect(page).toContain("We filled this in"); // founder2 reads English
    expect(page).toContain('name="expertise" checked="" value="canteens"');
    expect((await get("/startups/agrilink/needs", "founder")).status).toBe(404);
    await refusedWithoutWriting("/startups/agrilink/needs", "founder", [["expertise", "sales"], ["languages", "vi"], ["stage", "seed"]], 404);
    await refusedWithoutWriting("/startups/agrilink/needs", "founder2", [["languages", "vi"], ["stage", "seed"]], 400, "Choose at least one area of expertise from the list.");
    const saved = await send("/startups/agrilink/needs", "founder2", [["expertise", "sales"], ["languages", "vi"], ["sector", "agritech"], ["stage", "mvp"]]);
    expect(saved.status).toBe(200);
    expect(await db`select expertise from public.startup_needs where startup_id = ${AGRILINK}`).toEqual([{ expertise: ["sales"] }]);
    expect(await db`select stage from public.startups where id = ${AGRILINK}`).toEqual([{ stage: "mvp" }]);
  });
});

describe("matching", () => {
  it("shows the manager the cohort with the score's parts, and assigns a mentor to a startup", async () => {
    await db`insert into public.cohort_members (program_id, startup_id) values (${PROGRAMME}, ${AGRILINK})`;
    const page = await text(await get(`/manage/programmes/${PROGRAMME}/matching`, "manager"));
    expect(page).toContain("SmartWater BD");
    expect(page).toContain("AgriLink");
    expect(page).toMatch(/Điểm phù hợp \d+\/100/);
    expect(page).toContain("Chuyên môn:");
    expect((await get(`/manage/programmes/${PROGRAMME}/matching`, "founder")).status).toBe(403);
    await refusedWithoutWriting(`/manage/programmes/${PROGRAMME}/matching`, "founder", [["intent", "assign"], ["startupId", AGRILINK], ["mentorId", ANNA]], 403);
    await refusedWithoutWriting(`/manage/programmes/${PROGRAMME}/matching`, "manager", [["intent", "assign"], ["startupId", AGRILINK], ["mentorId", "x"]], 400);
    const res = await send(`/manage/programmes/${PROGRAMME}/matching`, "manager", [["intent", "assign"], ["startupId", AGRILINK], ["mentorId", ANNA]]);
    expect(await text(res)).toContain("Đã phân công cố vấn");
    expect(await db`select program_id from public.startup_mentors where startup_id = ${AGRILINK}`).toEqual([{ program_id: PROGRAMME }]);
    // the founder sees the mentor on the startup's page; the other founder does not see AgriLink's
    expect(await text(await get("/startups/agrilink/mentors", "founder2"))).toContain("Anna de Vries");
    expect((await get("/startups/agrilink/mentors", "founder")).status).toBe(404);
  });

  it("takes a founder's ranked requests only where the programme asks for them, and the mentor answers them", async () => {
    await refusedWithoutWriting("/startups/smartwater-bd/mentors", "founder", [["programmeId", PROGRAMME], ["choice1", ANNA]], 400, "Chương trình này không nhận lời mời từ khởi nghiệp.");
    await refusedWithoutWriting("/startups/smartwater-bd/mentors", "founder", [["programmeId", PROGRAMME], ["choice1", ANNA], ["choice2", ANNA]], 400, "Mỗi cố vấn chỉ chọn một lần.");
    expect(await text(await get("/mentoring/requests", "mentor"))).toContain("No request is waiting for you.");
    await refusedWithoutWriting("/mentoring/requests", "mentor", [["requestId", "00000000-0000-4000-8000-000000000000"], ["intent", "accept"]], 400, "We could not find this page.");
  });
});
