import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { expectAccessible, launchBrowser } from "../support/browser";

// The browser is sent the viewer's language only (issue 17); switching language in the page
// fetches the other one and the page reads in it, with no reload and no string shown as its key.
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

const VIETNAMESE_ONLY = "Các chương trình ươm tạo trong vùng đang hoặc sắp nhận hồ sơ."; // the open calls' lead in Vietnamese
const ENGLISH_ONLY = "Incubation programmes of the region that take applications now or soon.";

describe("the language switch with one language loaded", () => {
  it("loads English only, then switches the page to Vietnamese in place", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("response", (res) => {
      if (res.request().resourceType() === "script") scripts.push(res.url());
    });
    await page.goto(`${app.baseUrl}/calls`);
    await expect(page.getByRole("heading", { level: 1, name: "Open calls" }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(ENGLISH_ONLY).isVisible()).resolves.toBe(true);
    // Every script of the page, strings included, carries English and no Vietnamese of the capabilities.
    const bodies = await Promise.all(scripts.map(async (url) => (await page.request.get(url)).text()));
    expect(bodies.some((b) => b.includes(JSON.stringify(ENGLISH_ONLY).slice(1, -1)))).toBe(true);
    expect(bodies.filter((b) => b.includes(JSON.stringify(VIETNAMESE_ONLY).slice(1, -1)) || b.includes(VIETNAMESE_ONLY))).toEqual([]);

    // Mark the document: the switch must happen in this page, not by loading another one.
    await page.evaluate(() => ((window as unknown as { marked: boolean }).marked = true));
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await page.getByRole("heading", { level: 1, name: "Đợt tuyển chọn" }).waitFor();
    await expect(page.getByText(VIETNAMESE_ONLY).isVisible()).resolves.toBe(true);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("vi");
    await expect(page.evaluate(() => (window as unknown as { marked?: boolean }).marked)).resolves.toBe(true);
    await expect(page.title()).resolves.toMatch(/^Đợt tuyển chọn · /);
    await expectAccessible(page);

    // And back, then on to another page: still whole in English.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Open calls" }).waitFor();
    await page.getByRole("link", { name: "Organisations" }).first().click();
    await page.waitForURL(/\/orgs$/);
    await page.getByRole("heading", { level: 1, name: /Organisations/ }).waitFor();
    await expect(page.title()).resolves.toMatch(/^Organisations · /);
    await context.close();
  });
});
