import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { hydrated, launchBrowser } from "../support/browser";

// A form's checks (its zod schema and the resolver) are fetched when the form is first focused or
// pressed, not with the page (decision 008, §8). What the person sees must not change: messages
// in the page's language on blur and on submit, and a submit made before the checks arrive is
// posted once, after them.

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


/** The sign-in page in Vietnamese, hydrated, with the scripts it has requested so far. */
async function signInPage() {
  const context = await browser.newContext({ locale: "vi-VN" });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script" || r.url().endsWith(".js")) scripts.push(r.url());
  });
  await page.goto(`${app.baseUrl}/auth/sign-in`);
  await page.getByRole("heading", { name: "Đăng nhập" }).waitFor();
  await hydrated(page);
  return { context, page, scripts };
}

const button = (page: Page) => page.getByRole("button", { name: "Đăng nhập", exact: true });

describe("a form's checks fetched on first use", () => {
  it("are not part of the page's load, and show their messages in Vietnamese on blur and on submit", async () => {
    const { context, page, scripts } = await signInPage();
    const loaded = scripts.length;
    const email = page.getByLabel("Email");
    await email.focus();
    // Focusing the form asks for its checks: a script the page had not loaded.
    await expect.poll(() => scripts.length).toBeGreaterThan(loaded);
    await email.fill("khong-phai-email");
    await email.blur();
    await page.getByText("Hãy nhập địa chỉ email hợp lệ.").waitFor();
    await email.fill("");
    await button(page).click();
    await expect.poll(() => page.getByText("Vui lòng điền trường này.").count()).toBe(2);
    expect(await page.getByText("Hãy nhập địa chỉ email hợp lệ.").count()).toBe(0);
    // Corrected, the message goes on the next change (react-hook-form's onTouched, as before).
    await email.fill("manager@demo.binhduong.example");
    await expect.poll(() => page.getByText("Vui lòng điền trường này.").count()).toBe(1);
    await context.close();
  });

  it("posts a submit made before the checks arrive once, after they arrive", async () => {
    const { context, page } = await signInPage();
    // From now on every script is held: the form's checks cannot arrive until released.
    let held = 0;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\.js(\?|$)/, async (route) => {
      held += 1;
      await released;
      await route.continue();
    });
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    await page.getByLabel("Email").fill("manager@demo.binhduong.example");
    await page.getByLabel("Mật khẩu").fill("demo-password-2026");
    await button(page).click();
    // A second try, by keyboard, while the first waits.
    await page.getByLabel("Mật khẩu").press("Enter");
    await expect.poll(() => held).toBeGreaterThan(0);
    // The checks are still held, so nothing can have been posted yet.
    expect(posts).toEqual([]);
    release();
    await page.getByRole("button", { name: /^(Đăng xuất|Sign out)$/ }).waitFor();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain("/auth/sign-in");
    await context.close();
  });
});
