import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { appDatabase, startAppServer } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { startFakeSupabaseAuth, type FakeSupabaseAuth } from "../support/fake-supabase-auth";

// The production build with SUPABASE_URL set, in a browser: cookies written by @supabase/ssr, the
// refresh before loaders, the mailed token-hash links (as the documented email templates build them).
let app: Awaited<ReturnType<typeof startAppServer>>;
let browser: Browser;
let fake: FakeSupabaseAuth;

beforeAll(async () => {
  const database = await appDatabase(inject("pgAdminUrl"));
  fake = await startFakeSupabaseAuth(database);
  [app, browser] = await Promise.all([
    startAppServer(inject("pgAdminUrl"), { SUPABASE_URL: fake.url, SUPABASE_ANON_KEY: fake.anonKey }, database),
    launchBrowser(),
  ]);
});
afterAll(async (suite) => {
  if (suite.tasks.some((t) => t.result?.state === "fail")) console.error(app?.output());
  await browser?.close();
  await app?.stop();
  await fake?.stop();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${app.baseUrl}/auth/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).last().click();
}

const grants = (type: string) => fake.requests.filter((r) => r.path === `/auth/v1/token?grant_type=${type}`).length;

describe("Supabase Auth in the browser", () => {
  const email = `an.${randomBytes(3).toString("hex")}@example.test`;

  it("signs up, verifies through Supabase's link, signs in, keeps a refreshed session and signs out", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/auth/sign-up`);
    await page.getByLabel("Your name").fill("Phan Văn An");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("first-password-2026");
    await page.getByRole("button", { name: "Create account" }).last().click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();

    const mail = fake.mailTo(email, "signup");
    await page.goto(`${mail.redirectTo}?token=${mail.tokenHash}`);
    // Verifying signs the person in. A token due for refresh at once: the first page after the
    // verification refreshes it before the loaders.
    fake.options.signInTokenSeconds = 30;
    await page.getByRole("button", { name: "Verify my email" }).click();
    await page.getByText("Your email is verified and you are signed in.").waitFor();
    await page.getByRole("heading", { name: "Welcome, Phan Văn An" }).waitFor();
    fake.options.signInTokenSeconds = 3600;
    expect(grants("refresh_token")).toBe(1);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name.startsWith("sb-"))).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    // The browser kept the rotated session: the next page needs no refresh and is still signed in.
    await page.reload();
    await page.getByRole("heading", { name: "Welcome, Phan Văn An" }).waitFor();
    expect(grants("refresh_token")).toBe(1);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in" }).first().waitFor();
    expect((await context.cookies()).filter((c) => c.name.startsWith("sb-"))).toEqual([]);
    await context.close();
  });

  it("resets a forgotten password through Supabase's link", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/auth/forgot`);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByText(/a reset link is on its way/).waitFor();

    const mail = fake.mailTo(email, "recovery");
    await page.goto(`${mail.redirectTo}?token=${mail.tokenHash}`);
    await page.getByLabel("New password").fill("second-password-2026");
    await page.getByRole("button", { name: "Save new password" }).click();
    await page.getByText("Your password was changed").waitFor();

    await signIn(page, email, "first-password-2026");
    await page.getByText("Email or password is wrong").waitFor();
    await signIn(page, email, "second-password-2026");
    await page.getByRole("heading", { name: "Welcome, Phan Văn An" }).waitFor();
    await context.close();
  });

  it("signs in a demo account the local provider created: the data moves to Supabase as it is", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, "manager@demo.binhduong.example", "demo-password-2026");
    // Her profile says Vietnamese, so the page is.
    await page.getByRole("heading", { name: "Xin chào, Trần Thị Mai" }).waitFor();
    await context.close();
  });
});
