import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashToken } from "~/platform/auth/tokens.server";
import { startAppServer } from "../support/app-server";
import { linkIn } from "../support/factories";

// A newcomer's first minutes against the real server, started as `npm start` on a port of its own
// with no APP_URL: mailed links point at that port, verifying signs in, an invitation survives sign-up.
let app: Awaited<ReturnType<typeof startAppServer>>;
let db: postgres.Sql;
let port: string;

beforeAll(async () => {
  app = await startAppServer(inject("pgAdminUrl"), { APP_URL: "", SEED: "false" });
  port = new URL(app.baseUrl).port;
  db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const post = (path: string, fields: Record<string, string>, cookie = "") =>
  fetch(`${app.baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl, cookie, "accept-language": "en" },
    body: new URLSearchParams(fields).toString(),
  });
const get = (path: string, cookie = "") => fetch(`${app.baseUrl}${path}`, { redirect: "manual", headers: { cookie, "accept-language": "en" } });
const mailsTo = (email: string) =>
  db<{ template: string; text_body: string }[]>`select template, text_body from public.email_outbox where to_email = ${email} order by created_at`;
const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");

describe("without APP_URL", () => {
  it("announces the address on its own port", () => {
    expect(app.output()).toContain(`App ready on http://localhost:${port}`);
  });

  it("mails links to its own port; the verified newcomer is signed in and lands on the invitation they signed up from", async () => {
    const email = `newcomer-${randomBytes(3).toString("hex")}@example.test`;
    const token = randomBytes(24).toString("hex");
    const [org] = await db<{ id: string }[]>`
      insert into public.organisations (slug, kind, name_vi, name_en)
      values (${"org-" + randomBytes(3).toString("hex")}, 'incubator', 'Vườn ươm Thử', 'Test Incubator') returning id`;
    await db`insert into public.invitations (org_id, email, role, token_hash, expires_at)
             values (${org!.id}, ${email}, 'reviewer', ${hashToken(token)}, now() + interval '1 day')`;
    const invitationPath = `/invitations/${token}`;

    // Signed out, the invitation offers sign-up that comes back to it.
    const invitation = await (await get(invitationPath)).text();
    expect(invitation).toContain(`/auth/sign-up?redirectTo=${encodeURIComponent(invitationPath)}`);

    const signedUp = await post("/auth/sign-up", { displayName: "Newcomer", email, password: "a-long-password-1", redirectTo: invitationPath });
    expect(signedUp.status).toBe(200);
    const [verifyMail] = await mailsTo(email);
    const verifyUrl = linkIn(verifyMail!.text_body, "/auth/verify");
    expect(verifyUrl.startsWith(`http://localhost:${port}/auth/verify?token=`)).toBe(true);

    const verified = await post("/auth/verify", { token: new URL(verifyUrl).searchParams.get("token")! });
    expect(verified.status).toBe(302);
    expect(verified.headers.get("location")).toBe(invitationPath);
    const cookie = cookiesOf(verified);
    const welcome = (await mailsTo(email)).find((m) => m.template === "welcome");
    expect(linkIn(welcome!.text_body, "/")).toBe(`http://localhost:${port}/`);

    // Signed in by the verification: the invitation can be accepted at once.
    const signedIn = await (await get(invitationPath, cookie)).text();
    expect(signedIn).toContain("Accept invitation");
    expect((await post(invitationPath, {}, cookie)).status).toBe(200);
    const [member] = await db`select m.role from public.memberships m join auth.users u on u.id = m.user_id where u.email = ${email}`;
    expect(member).toEqual({ role: "reviewer" });
  });

  it("never follows a sign-up's redirect off the site", async () => {
    const email = `stray-${randomBytes(3).toString("hex")}@example.test`;
    await post("/auth/sign-up", { displayName: "Stray", email, password: "a-long-password-1", redirectTo: "/\t/evil.example" });
    const [mail] = await mailsTo(email);
    const verified = await post("/auth/verify", { token: new URL(linkIn(mail!.text_body, "/auth/verify")).searchParams.get("token")! });
    expect(verified.headers.get("location")).toBe("/?verified=1");
  });
});

const titleOf = async (res: Response) => /<title>([^<]*)<\/title>/.exec(await res.text())?.[1];
const inLanguage = (path: string, lang: "vi" | "en") => fetch(`${app.baseUrl}${path}`, { headers: { "accept-language": lang } });

describe("page titles", () => {
  it("name each page in the viewer's language", async () => {
    expect(await titleOf(await inLanguage("/auth/sign-in", "en"))).toBe("Sign in · Binh Duong Innovation Region");
    expect(await titleOf(await inLanguage("/auth/sign-in", "vi"))).toBe("Đăng nhập · Vùng Đổi mới Sáng tạo Bình Dương");
    expect(await titleOf(await inLanguage("/calls", "en"))).toMatch(/ · Binh Duong Innovation Region$/);
    expect(await titleOf(await inLanguage("/", "vi"))).toBe("Vùng Đổi mới Sáng tạo Bình Dương");
  });

  it("name the 404 page too", async () => {
    const en = await inLanguage("/no-such-page", "en");
    expect(en.status).toBe(404);
    expect(await titleOf(en)).toBe("Page not found · Binh Duong Innovation Region");
    expect(await titleOf(await inLanguage("/no-such-page", "vi"))).toBe("Không tìm thấy trang · Vùng Đổi mới Sáng tạo Bình Dương");
    expect(await titleOf(await inLanguage("/orgs/no-such-organisation", "en"))).toBe("Page not found · Binh Duong Innovation Region");
  });
});
