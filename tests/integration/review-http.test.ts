import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { signIn } from "../support/http-client";

// The reviewer's pages over HTTP on the real server with the demo data: the demo reviewer is
// assigned AgriLink's application in the smart-city call (Vietnamese is their language).
const AGRILINK_APP = "35000000-0000-4000-8000-000000000001";
const IMPACT = "34000000-0000-4000-8000-000000000004";
const CALL = "31000000-0000-4000-8000-000000000001";
const HASH = "$2b$10$NqSZrZfh0.fn0AbvLUnt.eZHq.vWrT3iDavHTNJ4U6J41V17VJiyK"; // the demo password's
let app: Awaited<ReturnType<typeof startAppServer>>;
let db: postgres.Sql;
let cookie: string;

beforeAll(async () => {
  app = await startAppServer(inject("pgAdminUrl"));
  db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  const signIn = await fetch(`${app.baseUrl}/auth/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl },
    body: new URLSearchParams({ email: "reviewer@demo.binhduong.example", password: "demo-password-2026" }).toString(),
  });
  cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const post = (path: string, fields: Record<string, string> | string) =>
  fetch(`${app.baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl, cookie },
    body: typeof fields === "string" ? fields : new URLSearchParams(fields).toString(),
  });
const written = async () => {
  const [row] = await db`select (select count(*)::int from public.review_scores where application_id = ${AGRILINK_APP}) as scores,
                                (select status from public.review_assignments where application_id = ${AGRILINK_APP}) as status`;
  return row;
};

describe("the reviewer's pages over HTTP", () => {
  it("answers malformed, hostile and out-of-range posts with 400 and field messages, writing nothing", async () => {
    const garbage = await post(`/review/${AGRILINK_APP}`, "%%%&&&=");
    expect(garbage.status).toBe(400);
    expect((await post(`/review/${AGRILINK_APP}`, { intent: "drop table" })).status).toBe(400);
    const range = await post(`/review/${AGRILINK_APP}`, { intent: "save", [`level_${IMPACT}`]: "99" });
    expect(range.status).toBe(400);
    expect(await range.text()).toContain("Hãy chọn một trong các mức được liệt kê.");
    const longReason = await post(`/review/${AGRILINK_APP}`, { intent: "recuse", recusalReason: "x".repeat(1001) });
    expect(longReason.status).toBe(400);
    expect(await longReason.text()).toContain("Nội dung quá dài.");
    const noReason = await post(`/review/${AGRILINK_APP}`, { intent: "abstain", reason: "   " });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Hãy nêu lý do.");
    expect(await written()).toEqual({ scores: 0, status: "assigned" });
  });

  it("answers 404 for an application not assigned to the reviewer, and for nonsense ids", async () => {
    for (const id of ["00000000-0000-4000-8000-00000000dead", "not-a-uuid"]) {
      expect((await fetch(`${app.baseUrl}/review/${id}`, { headers: { cookie } })).status).toBe(404);
      expect((await post(`/review/${id}`, { intent: "save" })).status).toBe(404);
    }
    expect((await fetch(`${app.baseUrl}/review/${AGRILINK_APP}`, { headers: { cookie } })).status).toBe(200);
    // Signed out: to the sign-in page.
    const anonymous = await fetch(`${app.baseUrl}/review/${AGRILINK_APP}`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
  });
});

describe("the header's Review link", () => {
  /** Someone with the demo password and no role in any organisation. */
  async function person(email: string) {
    const [u] = await db<{ id: string }[]>`
      insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
      values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', ${email}, ${HASH}, now(),
              '{"provider":"email","providers":["email"]}', '{}', now(), now())
      returning id`;
    return u!.id;
  }
  const reviewLinks = async (email: string) => {
    const session = await signIn(app, email);
    const home = await (await fetch(`${app.baseUrl}/`, { headers: { cookie: session } })).text();
    return (home.match(/<a\b[^>]*href="\/review"[^>]*>Đánh giá<\/a>/g) ?? []).length;
  };

  it("shows to guest judges and to anyone assigned a review, not to others", async () => {
    const guest = await person("guest.judge@http.example");
    await db`insert into public.call_reviewers (call_id, user_id, guest) values (${CALL}, ${guest}, true)`;
    const assigned = await person("assigned.only@http.example");
    await db`insert into public.review_assignments (application_id, reviewer_id, round) values (${AGRILINK_APP}, ${assigned}, 'review')`;
    await person("nobody@http.example");

    expect(await reviewLinks("guest.judge@http.example")).toBe(1);
    expect(await reviewLinks("assigned.only@http.example")).toBe(1);
    expect(await reviewLinks("nobody@http.example")).toBe(0);
    // The organisation's reviewer, as before.
    expect(await reviewLinks("reviewer@demo.binhduong.example")).toBe(1);
  });
});
