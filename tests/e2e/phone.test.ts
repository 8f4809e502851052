import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { expectAccessible, launchBrowser, phoneViewport, signIn } from "../support/browser";

// The app on a 390 × 844 phone: nothing scrolls sideways, the header folds into a menu that opens
// from the keyboard, radio buttons keep their size, and axe finds nothing.
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

const phone = async (): Promise<Page> => {
  const context = await browser.newContext({ locale: "en-US", ...phoneViewport });
  return context.newPage();
};
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe("on a 390 px phone", () => {
  it("shows the main pages without sideways scrolling, and passes axe", async () => {
    const page = await phone();
    for (const path of ["/", "/calls", "/orgs", "/auth/sign-in", "/auth/sign-up", "/no-such-page"]) {
      await page.goto(`${app.baseUrl}${path}`);
      expect(await scrollsSideways(page), path).toBe(false);
      await expectAccessible(page);
    }
    // Signed in, the founder's pages too (the sign-out button sits in the folded menu).
    await signIn(page, app.baseUrl, "founder@demo.binhduong.example");
    for (const path of ["/", "/applications", "/account/profile", "/calls"]) {
      await page.goto(`${app.baseUrl}${path}`);
      expect(await scrollsSideways(page), path).toBe(false);
      await expectAccessible(page);
    }
    await page.context().close();
  });

  it("folds the header into a menu that opens from the keyboard and closes on the next page", async () => {
    const page = await phone();
    await page.goto(`${app.baseUrl}/`);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect.poll(() => nav.isVisible()).toBe(false);
    // Skip link, brand, then the menu.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Menu");
    expect(await page.evaluate(() => document.activeElement?.closest("details")?.open)).toBe(false);
    await page.keyboard.press("Enter");
    await nav.getByRole("link", { name: "Open calls" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest("details")?.open)).toBe(true);
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page);
    await nav.getByRole("link", { name: "Open calls" }).click();
    await page.waitForURL(/\/calls$/);
    await expect.poll(() => nav.isVisible()).toBe(false);
    await page.context().close();
  });

  it("keeps radio buttons at their normal size", async () => {
    const page = await phone();
    await page.goto(`${app.baseUrl}/`);
    // The same markup the founder's form uses for a choice question.
    const width = await page.evaluate(() => {
      const field = document.createElement("fieldset");
      field.className = "field";
      field.innerHTML = '<legend>Stage</legend><label class="check"><input type="radio" name="stage" value="idea"> Idea</label>';
      document.querySelector("main")!.append(field);
      return field.querySelector("input")!.getBoundingClientRect().width;
    });
    expect(width).toBeLessThan(24);
    await page.context().close();
  });
});
