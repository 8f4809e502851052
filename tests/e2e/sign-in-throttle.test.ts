import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "~/platform/server/demo";
import { startAppServer } from "../support/app-server";
import { expectAccessible, launchBrowser, linkFromMailbox } from "../support/browser";

// The owner's way back in while someone guesses at their account from the network they share
// (the address the app sees comes from X-Forwarded-For, as behind the loopback proxy it trusts).
let app: Awaited<ReturnType<typeof startAppServer>>;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(inject("pgAdminUrl")), launchBrowser()]);
});
afterAll(async (suite) => {
  if (suite.tasks.some((t) => t.result?.state === "fail")) console.error(app?.output());
  await browser?.close();
  await app?.stop();
});

const owner = "mentor@demo.binhduong.example"; // Anna de Vries, who reads English
const shared = "198.51.100.44";

describe("a throttled account", () => {
  it("refuses the right password at the guessed-from address, then lets the owner in through the mailed link", async () => {
    // Someone at the owner's address guesses ten times.
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${app.baseUrl}/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl, "x-forwarded-for": shared },
        body: new URLSearchParams({ email: owner, password: `guess-${i}-password` }),
      });
      expect(res.status).toBe(401);
    }

    const context = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "x-forwarded-for": shared } });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/auth/sign-in`);
    await page.getByLabel("Email").fill(owner);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    const refusal = page.getByRole("alert");
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /^Too many failed sign-ins from here\. Try again in 1[45] minutes\. If an account exists for this email, we have mailed its owner a link/,
    );
    await expectAccessible(page);

    const unlockUrl = await linkFromMailbox(page, app.baseUrl, owner, "Sign-ins to your account are paused", "Let this browser sign in");
    await page.goto(unlockUrl);
    await page.getByRole("heading", { name: "Let this browser sign in" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Let this browser sign in" }).click();
    await page.getByText("This browser may now sign in to your account").waitFor();

    await page.getByLabel("Email").fill(owner);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();

    // The link was used: opening it again says so.
    const other = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "x-forwarded-for": shared } });
    const second = await other.newPage();
    await second.goto(unlockUrl);
    await second.getByRole("button", { name: "Let this browser sign in" }).click();
    await second.getByRole("alert").filter({ hasText: "This link is invalid, has expired or was already used." }).waitFor();
    await expectAccessible(second);
    await other.close();
    await context.close();
  });
});
