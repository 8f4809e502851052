import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";

// Failed mail is visible to platform staff, who can send it again; nobody else sees the page.
let app: Awaited<ReturnType<typeof startAppServer>>;
let db: postgres.Sql;

beforeAll(async () => {
  app = await startAppServer(inject("pgAdminUrl"));
  db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

async function signIn(email: string) {
  const res = await fetch(`${app.baseUrl}/auth/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl },
    body: new URLSearchParams({ email, password: "demo-password-2026" }),
  });
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

describe("mail delivery problems", () => {
  it("shows failed mail to platform admins only, and retries it", async () => {
    const [mail] = await db`insert into public.email_outbox (to_email, locale, template, subject, html, text_body, status, attempts, last_error)
                            values ('lost@example.test', 'en', 'welcome', 'Welcome lost', '<p>x</p>', 'x', 'failed', 8, 'validation_error: Invalid to')
                            returning id`;
    const admin = await signIn("admin@demo.binhduong.example");
    const page = await fetch(`${app.baseUrl}/admin/mail`, { headers: { cookie: admin } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("lost@example.test");
    expect(html).toContain("validation_error: Invalid to");

    const manager = await signIn("manager@demo.binhduong.example");
    expect((await fetch(`${app.baseUrl}/admin/mail`, { headers: { cookie: manager } })).status).toBe(404);
    const forged = await fetch(`${app.baseUrl}/admin/mail`, {
      method: "POST",
      headers: { cookie: manager, origin: app.baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ id: mail!.id }),
    });
    expect(forged.status).toBe(404);
    expect((await db`select status from public.email_outbox where id = ${mail!.id}`)[0]!.status).toBe("failed");

    const retry = await fetch(`${app.baseUrl}/admin/mail`, {
      method: "POST",
      headers: { cookie: admin, origin: app.baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ id: mail!.id }),
    });
    expect(retry.status).toBe(200);
    // The worker picks it up again (to the local mailbox here).
    await expect.poll(async () => (await db`select status from public.email_outbox where id = ${mail!.id}`)[0]!.status, { timeout: 10_000 }).toBe("sent");
  });
});
