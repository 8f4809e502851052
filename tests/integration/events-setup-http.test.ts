import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { asService } from "~/platform/db/transaction.server";
import { startAppServer } from "../support/app-server";
import { createTicketType } from "../support/event-factories";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { decodeEntities, fingerprint, post, signIn, type AppServer } from "../support/http-client";

// The organisers' set-up of an event over HTTP, on the real server: a member of the organisation's
// staff creates a forum of two days with a cover image, edits it, builds its agenda and publishes it;
// each mistake is refused in the viewer's language with nothing written; an organiser of another
// organisation finds nothing (404).
let app: AppServer;
let db: postgres.Sql;
const cookies = new Map<string, string>();
let staff: TestUser, otherManager: TestUser;
let orgId: string, spaceId: string, otherSpaceId: string;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

beforeAll(async () => {
  const org = await createOrg();
  const other = await createOrg();
  orgId = org.id;
  staff = await createUser({ locale: "vi", name: "Lê Thu" });
  otherManager = await createUser({ locale: "en" });
  await addMember(org.id, staff.id, "staff");
  await addMember(other.id, otherManager.id, "manager");
  [spaceId, otherSpaceId] = await asService(async (tx) => {
    const rows = await tx<{ id: string }[]>`
      insert into public.spaces (org_id, kind, name_vi, name_en, capacity)
      values (${org.id}, 'hall', 'Hội trường A', 'Hall A', 200), (${other.id}, 'hall', 'Hội trường khác', 'Other hall', 50) returning id`;
    return [rows[0]!.id, rows[1]!.id] as const;
  });
  app = await startAppServer(inject("pgAdminUrl"), { SEED: "false" }, process.env.DATABASE_URL);
  db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  for (const u of [staff, otherManager]) cookies.set(u.id, await signIn(app, u.email, u.password));
}, 120_000);
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const get = (who: TestUser | null, path: string) => fetch(`${app.baseUrl}${path}`, { redirect: "manual", headers: who ? { cookie: cookies.get(who.id)! } : {} });
const send = (who: TestUser, path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return post(app, path, body.toString(), { cookie: cookies.get(who.id)!, "content-type": "application/x-www-form-urlencoded" });
};
const sendMultipart = (who: TestUser, path: string, fields: Record<string, string>, cover?: File) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (cover) form.append("cover", cover);
  return post(app, path, form, { cookie: cookies.get(who.id)! });
};
const text = async (res: Response) => decodeEntities(await res.text());

const forum = {
  intent: "create",
  titleVi: "Diễn đàn Đổi mới Sáng tạo 2027",
  titleEn: "",
  slug: "",
  kind: "forum",
  summaryVi: "Hai ngày về thành phố thông minh.",
  summaryEn: "",
  descriptionVi: "",
  descriptionEn: "",
  timeZone: "Asia/Ho_Chi_Minh",
  startsAt: "2027-03-10T08:00",
  endsAt: "2027-03-11T17:00",
  venueKind: "address",
  venue: "Trung tâm Hội nghị Bình Dương",
  spaceId: "",
  coverUrl: "",
  cancelHours: "48",
  offerHours: "24",
};
let eventId = "";
let slug = "";

describe("an organiser sets up an event over HTTP", () => {
  it("refuses a new event with mistakes, in Vietnamese, and writes nothing", async () => {
    const before = await fingerprint(db);
    const cases: [Record<string, string>, string, File?][] = [
      [{ ...forum, titleVi: "" }, "Điền ít nhất một ngôn ngữ."],
      [{ ...forum, endsAt: "2027-03-09T17:00" }, "Thời điểm kết thúc phải sau thời điểm bắt đầu."],
      [{ ...forum, endsAt: "2027-04-30T17:00" }, "Một sự kiện kéo dài tối đa 14 ngày."],
      [{ ...forum, slug: "Không hợp lệ!" }, "Dùng 2 đến 63 chữ thường"],
      [{ ...forum, venueKind: "space", spaceId: otherSpaceId }, "Chọn một không gian của tổ chức."],
      [{ ...forum, coverUrl: "javascript:alert(1)" }, "Nhập địa chỉ ảnh bắt đầu bằng https://."],
      [{ ...forum, cancelHours: "-3" }, "Nhập số giờ nguyên từ 0 đến 8760"],
      [{ ...forum, orgId: otherSpaceId }, "Chọn một tổ chức mà bạn phụ trách sự kiện."],
      [{ ...forum, orgId }, "Ảnh JPEG, PNG hoặc WebP", new File(["%PDF-1.4 not an image"], "cover.png", { type: "image/png" })],
    ];
    for (const [fields, message, cover] of cases) {
      const res = await sendMultipart(staff, "/manage/events/new", { orgId, ...fields }, cover);
      expect(res.status, message).toBe(400);
      const page = await text(res);
      expect(page, message).toContain("Vui lòng sửa các trường được đánh dấu bên dưới.");
      expect(page, message).toContain(message);
    }
    expect(await fingerprint(db)).toEqual(before);
  });

  it("creates a draft of two days from a Vietnamese title alone, with its cover, and audits it", async () => {
    const res = await sendMultipart(staff, "/manage/events/new", { ...forum, orgId }, new File([PNG], "cover.png"));
    expect(res.status).toBe(302);
    eventId = /\/manage\/events\/([0-9a-f-]{36})\/details/.exec(res.headers.get("location") ?? "")![1]!;
    const [row] = await db`select * from public.events where id = ${eventId}`;
    expect(row).toMatchObject({ org_id: orgId, title_vi: forum.titleVi, title_en: forum.titleVi, slug: "dien-dan-doi-moi-sang-tao-2027", published: false, cancel_hours: 48 });
    // 08:00 in Ho Chi Minh City (UTC+7) is 01:00 UTC
    expect((row!.starts_at as Date).toISOString()).toBe("2027-03-10T01:00:00.000Z");
    expect((row!.ends_at as Date).toISOString()).toBe("2027-03-11T10:00:00.000Z");
    expect(row!.cover_url).toMatch(/^\/files\/event-covers\/[0-9a-f-]{36}\.png$/);
    slug = row!.slug as string;
    const cover = await get(staff, row!.cover_url as string);
    expect(cover.status).toBe(200);
    expect(cover.headers.get("content-type")).toBe("image/png");
    // a draft's cover is its organisers' until it is published
    expect((await get(null, row!.cover_url as string)).status).toBe(404);
    const audit = await db`select kind, actor_id from public.audit_events where scope_id = ${eventId}`;
    expect(audit).toEqual([{ kind: "event_created", actor_id: staff.id }]);

    const list = await text(await get(staff, "/manage/events"));
    expect(list).toContain(forum.titleVi);
    expect(list).toContain("Nháp");
  });

  it("edits the details: English title, a space of the organisation, another zone; the log names the fields", async () => {
    const res = await sendMultipart(staff, `/manage/events/${eventId}/details`, {
      ...forum,
      intent: "update",
      slug,
      titleEn: "Innovation Forum 2027",
      timeZone: "Europe/Amsterdam",
      startsAt: "2027-03-10T09:00",
      venueKind: "space",
      spaceId,
    });
    expect(res.status).toBe(200);
    expect(await text(res)).toContain("Đã lưu.");
    const [row] = await db`select title_en, space_id, venue, time_zone, starts_at, cover_url from public.events where id = ${eventId}`;
    expect(row).toMatchObject({ title_en: "Innovation Forum 2027", space_id: spaceId, venue: "", time_zone: "Europe/Amsterdam" });
    // 09:00 in Amsterdam in March (winter time, UTC+1) is 08:00 UTC; the stored cover stays
    expect((row!.starts_at as Date).toISOString()).toBe("2027-03-10T08:00:00.000Z");
    expect(row!.cover_url).toMatch(/^\/files\/event-covers\//);
    const [log] = await db<{ detail: { fields: string[] } }[]>`select detail from public.audit_events where scope_id = ${eventId} and kind = 'event_updated'`;
    expect(log!.detail.fields.sort()).toEqual(["ends_at", "space_id", "starts_at", "time_zone", "title_en", "venue"]);
  });

  it("builds the agenda: speakers in the chosen order, sessions within the event's days", async () => {
    const agenda = `/manage/events/${eventId}/agenda`;
    expect((await send(staff, agenda, { intent: "addSpeaker", name: "Anna de Vries", affiliation: "Brainport Eindhoven", bioEn: "Works on innovation regions.", bioVi: "" })).status).toBe(200);
    expect((await send(staff, agenda, { intent: "addSpeaker", name: "Nguyễn Thị Lan", affiliation: "Đại học Thủ Dầu Một", bioVi: "", bioEn: "" })).status).toBe(200);
    const speakers = await db<{ id: string; name: string; bio_vi: string }[]>`select id, name, bio_vi from public.event_speakers where event_id = ${eventId} order by position`;
    expect(speakers.map((s) => s.name)).toEqual(["Anna de Vries", "Nguyễn Thị Lan"]);
    expect(speakers[0]!.bio_vi).toBe("Works on innovation regions.");
    const [anna, lan] = speakers;
    expect((await send(staff, agenda, { intent: "moveSpeaker", id: lan!.id, direction: "up" })).status).toBe(200);

    const before = await fingerprint(db);
    const outside = await send(staff, agenda, { intent: "addSession", titleVi: "", titleEn: "Opening", room: "Hall", startsAt: "2027-03-09T09:00", endsAt: "2027-03-09T10:00" });
    expect(outside.status).toBe(400);
    expect(await text(outside)).toContain("Phiên phải diễn ra trong những ngày của sự kiện.");
    const strangers = await send(staff, agenda, { intent: "addSession", titleEn: "Opening", startsAt: "2027-03-10T09:00", endsAt: "2027-03-10T10:00", speakerIds: otherSpaceId });
    expect(strangers.status).toBe(400);
    expect(await text(strangers)).toContain("Chọn diễn giả của sự kiện này.");
    expect(await fingerprint(db)).toEqual(before);

    const added = await send(staff, agenda, { intent: "addSession", titleVi: "", titleEn: "Opening and plenary", room: "Hall A", startsAt: "2027-03-10T09:00", endsAt: "2027-03-10T11:00", speakerIds: [anna!.id, lan!.id] });
    expect(added.status).toBe(200);
    const [session] = await db<{ id: string; title_vi: string; starts_at: Date; speaker_ids: string[] }[]>`select id, title_vi, starts_at, speaker_ids from public.event_sessions where event_id = ${eventId}`;
    expect(session).toMatchObject({ title_vi: "Opening and plenary", speaker_ids: [anna!.id, lan!.id] });
    expect(session!.starts_at.toISOString()).toBe("2027-03-10T08:00:00.000Z");

    // the public page (a draft: its organisers see it) lists the session, and the speakers in their order
    const page = await text(await get(staff, `/events/${slug}`));
    expect(page).toContain("Opening and plenary");
    const listed = page.slice(page.indexOf("<h2>Diễn giả</h2>"));
    expect([...listed.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual(["Nguyễn Thị Lan", "Anna de Vries"]);

    // a removed speaker leaves the session; moving the event's days past a session is refused
    expect((await send(staff, agenda, { intent: "removeSpeaker", id: anna!.id })).status).toBe(200);
    const [after] = await db<{ speaker_ids: string[] }[]>`select speaker_ids from public.event_sessions where id = ${session!.id}`;
    expect(after!.speaker_ids).toEqual([lan!.id]);
    const moved = await sendMultipart(staff, `/manage/events/${eventId}/details`, { ...forum, intent: "update", slug, timeZone: "Europe/Amsterdam", startsAt: "2027-03-11T09:00" });
    expect(moved.status).toBe(400);
    expect(await text(moved)).toContain("Một số phiên sẽ nằm ngoài những ngày này");

    const kinds = (await db<{ kind: string }[]>`select kind from public.audit_events where scope_id = ${eventId} order by id`).map((r) => r.kind);
    expect(kinds).toEqual(["event_created", "event_updated", "speaker_added", "speaker_added", "speaker_moved", "session_added", "speaker_removed"]);
  });

  it("publishes only once the event has a ticket type; then anyone sees it", async () => {
    const details = `/manage/events/${eventId}/details`;
    const refused = await send(staff, details, { intent: "publish", published: "true" });
    expect(refused.status).toBe(400);
    expect(await text(refused)).toContain("Thêm ít nhất một loại vé trước khi công bố.");
    expect((await get(null, `/events/${slug}`)).status).toBe(404);

    await createTicketType(eventId);
    expect((await send(staff, details, { intent: "publish", published: "true" })).status).toBe(200);
    const page = await get(null, `/events/${slug}`);
    expect(page.status).toBe(200);
    expect(await text(page)).toContain("Opening and plenary");
    // the venue is the organisation's space, named in the visitor's language
    const inLanguage = async (lang: string) => text(await fetch(`${app.baseUrl}/events/${slug}`, { headers: { "accept-language": lang } }));
    expect(await inLanguage("en")).toContain("Hall A");
    expect(await inLanguage("vi")).toContain("Hội trường A");
    const [row] = await db`select published, cover_url from public.events where id = ${eventId}`;
    expect(row!.published).toBe(true);
    expect((await get(null, row!.cover_url as string)).status).toBe(200);
    expect((await db`select 1 from public.audit_events where scope_id = ${eventId} and kind = 'event_published'`).length).toBe(1);
  });

  it("shows an organiser of another organisation nothing: every page and post is a 404", async () => {
    const before = await fingerprint(db);
    for (const path of ["", "/details", "/agenda"]) expect((await get(otherManager, `/manage/events/${eventId}${path}`)).status, path).toBe(404);
    expect((await sendMultipart(otherManager, `/manage/events/${eventId}/details`, { ...forum, intent: "update", titleEn: "Taken over" })).status).toBe(404);
    expect((await send(otherManager, `/manage/events/${eventId}/details`, { intent: "publish", published: "false" })).status).toBe(404);
    expect((await send(otherManager, `/manage/events/${eventId}/agenda`, { intent: "addSpeaker", name: "Intruder" })).status).toBe(404);
    expect(await text(await get(otherManager, "/manage/events"))).not.toContain(forum.titleVi);
    expect(await fingerprint(db)).toEqual(before);
  });
});
