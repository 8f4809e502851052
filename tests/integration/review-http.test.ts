import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";

// The reviewer's pages over HTTP on the real server with the demo data: the demo reviewer is
// assigned AgriLink's application in the smart-city call (Vietnamese is their language).
const AGRILINK_APP = "35000000-0000-4000-8000-000000000001";
const IMPACT = "34000000-0000-4000-8000-000000000004";
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
