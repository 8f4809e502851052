import type { Browser, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { launchBrowser } from "../support/browser";

// Issue 17: the browser gets the viewer's language only, and a switch of language fetches the
// other once, without a request of its own on each navigation (decision 008).
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

/** Every script and strings file the page receives, with its text, and the strings files' paths in order. */
function recordDownloads(page: Page) {
  const texts: Promise<string>[] = [];
  const strings: string[] = [];
  page.on("response", (res: Response) => {
    const path = new URL(res.url()).pathname;
    if (path.startsWith("/strings/")) strings.push(path);
    if (path.endsWith(".js") || path.startsWith("/strings/")) texts.push(res.text().catch(() => ""));
  });
  return { strings, all: async () => (await Promise.all(texts)).join("\n") };
}

const hydrated = (page: Page) => page.waitForFunction(() => "__remixRouter" in window);

describe("the strings a browser receives", () => {
  it("are the viewer's language only; switching fetches the other once, and pages navigated to have their strings", async () => {
    const context = await browser.newContext({ locale: "vi-VN" });
    const page = await context.newPage();
    const downloads = recordDownloads(page);
    await page.goto(`${app.baseUrl}/calls`);
    await page.getByRole("heading", { name: "Đợt tuyển chọn", level: 1 }).waitFor();
    await hydrated(page);

    const first = await downloads.all();
    // Vietnamese strings of the shell and of a capability came; no English one did.
    expect(first).toContain("Bỏ qua đến nội dung");
    expect(first).toContain("Các chương trình ươm tạo trong vùng đang hoặc sắp nhận hồ sơ.");
    expect(first).not.toContain("Skip to content");
    expect(first).not.toContain("Incubation programmes of the region that take applications now or soon.");
    expect(first).not.toContain("No upcoming events yet.");
    expect(downloads.strings).toEqual([expect.stringMatching(/^\/strings\/vi\.[0-9a-f]+\.json$/)]);

    // A page navigated to in the browser has its strings, with no further strings request.
    await page.evaluate(() => Object.assign(window, { stayedOnPage: true }));
    await page.getByRole("link", { name: "Tổ chức", exact: true }).click();
    await page.getByRole("heading", { name: "Tổ chức", level: 1 }).waitFor();
    expect(downloads.strings).toHaveLength(1);

    // Switching language: the English strings arrive once, and the page is shown in English
    // without loading the document again.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Organisations", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Skip to content" }).waitFor({ state: "attached" });
    expect(downloads.strings).toEqual([expect.stringMatching(/^\/strings\/vi\./), expect.stringMatching(/^\/strings\/en\.[0-9a-f]+\.json$/)]);
    expect(await page.evaluate(() => "stayedOnPage" in window)).toBe(true);

    // Pages navigated to after the switch are in English; back to Vietnamese needs no request.
    await page.getByRole("link", { name: "Open calls", exact: true }).click();
    await page.getByRole("heading", { name: "Open calls", level: 1 }).waitFor();
    await page.getByText("Incubation programmes of the region that take applications now or soon.").waitFor();
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await page.getByRole("heading", { name: "Đợt tuyển chọn", level: 1 }).waitFor();
    expect(downloads.strings).toHaveLength(2);
    expect(await page.evaluate(() => "stayedOnPage" in window)).toBe(true);
    await context.close();
  });

  it("a document in English gets English only", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    const downloads = recordDownloads(page);
    await page.goto(`${app.baseUrl}/calls`);
    await page.getByRole("heading", { name: "Open calls", level: 1 }).waitFor();
    await hydrated(page);
    const all = await downloads.all();
    expect(all).toContain("Incubation programmes of the region that take applications now or soon.");
    expect(all).not.toContain("Các chương trình ươm tạo trong vùng đang hoặc sắp nhận hồ sơ.");
    expect(all).not.toContain("Bỏ qua đến nội dung");
    await context.close();
  });
});
