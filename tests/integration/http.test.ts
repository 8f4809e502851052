import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { localeCookie } from "~/platform/auth/cookie.server";
import { startAppServer } from "../support/app-server";

// The HTTP edge of the real server (production build, as `npm start` runs it).
let english: string; // the cookie the language switch sets for English
let app: Awaited<ReturnType<typeof startAppServer>>;
let db: postgres.Sql;

beforeAll(async () => {
  app = await startAppServer(inject("pgAdminUrl"), { SEED: "false" });
  db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  english = (await localeCookie.serialize("en")).split(";")[0]!;
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${app.baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl, ...headers },
    body,
  });
const users = async (email: string) => Number((await db`select count(*)::int as n from auth.users where email = ${email}`)[0]!.n);

describe("the HTTP edge", () => {
  it("refuses a cross-origin POST and writes nothing", async () => {
    const body = form({ displayName: "Eve", email: "eve@example.test", password: "a-long-password-1" });
    const evil = await post("/auth/sign-up", body, { origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    const noOrigin = await fetch(`${app.baseUrl}/auth/sign-up`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    expect(noOrigin.status).toBe(403);
    expect(await users("eve@example.test")).toBe(0);
    // The same request from the app's own origin goes through.
    expect((await post("/auth/sign-up", body)).status).toBe(200);
    expect(await users("eve@example.test")).toBe(1);
  });

  it("answers a malformed form with field messages in the visitor's language and writes nothing", async () => {
    const bad = form({ displayName: "", email: "not-an-email", password: "short" });
    const vi = await post("/auth/sign-up", bad, { "accept-language": "vi-VN,vi;q=0.9" });
    expect(vi.status).toBe(400);
    const viHtml = await vi.text();
    expect(viHtml).toContain("Hãy nhập địa chỉ email hợp lệ.");
    expect(viHtml).toContain("Hãy dùng ít nhất 10 ký tự.");
    expect(viHtml).toContain("Vui lòng điền trường này.");

    const en = await post("/auth/sign-up", bad, { cookie: english });
    const enHtml = await en.text();
    expect(en.status).toBe(400);
    expect(enHtml).toContain("Enter a valid email address.");
    expect(enHtml).toContain("Use at least 10 characters.");
    expect(await users("not-an-email")).toBe(0);
  });

  it("refuses oversize and hostile input with a clear answer", async () => {
    const huge = await post("/auth/sign-up", "a".repeat(13 * 1024 * 1024));
    expect(huge.status).toBe(413);
    const longName = await post("/auth/sign-up", form({ displayName: "x".repeat(5000), email: "long@example.test", password: "a-long-password-1" }), { cookie: english });
    expect(longName.status).toBe(400);
    expect(await longName.text()).toContain("This is too long.");
    const script = await post("/auth/sign-up", form({ displayName: "<script>alert(1)</script>", email: "x@example.test", password: "a-long-password-1" }));
    expect(script.status).toBe(200);
    const [profile] = await db`select display_name from public.profiles p join auth.users u on u.id = p.id where u.email = 'x@example.test'`;
    expect(profile!.display_name).toBe("<script>alert(1)</script>"); // stored as text, rendered escaped by React
    const garbage = await post("/auth/sign-in", "%%%&&&=", { cookie: english });
    expect(garbage.status).toBe(400);
  });

  it("sets security headers, a per-response CSP nonce and safe session cookies", async () => {
    const a = await fetch(`${app.baseUrl}/auth/sign-in`);
    const b = await fetch(`${app.baseUrl}/auth/sign-in`);
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    expect(a.headers.get("x-frame-options")).toBe("DENY");
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("x-request-id")).toMatch(/^[\w-]{8,}$/);
    expect(a.headers.get("x-powered-by")).toBeNull();

    const [user] = await db`select id from auth.users where email = 'eve@example.test'`;
    await db`update auth.users set email_confirmed_at = now() where id = ${user!.id}`;
    const signIn = await post("/auth/sign-in", form({ email: "eve@example.test", password: "a-long-password-1" }));
    expect(signIn.status).toBe(302);
    const cookie = signIn.headers.get("set-cookie")!;
    expect(cookie).toMatch(/__session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("does not let a loader change state: sign-out by GET keeps the session", async () => {
    const res = await fetch(`${app.baseUrl}/auth/sign-out`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("answers /healthz only while the database answers", async () => {
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });

  it("shows an unknown page as a readable 404 without internals", async () => {
    const res = await fetch(`${app.baseUrl}/orgs/does-not-exist`, { headers: { cookie: english } });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("We could not find this page.");
    expect(html).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});
