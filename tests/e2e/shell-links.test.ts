import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { hydrated, launchBrowser, signIn } from "../support/browser";

// The header's links are plain anchors with one shared click handler, not Link/NavLink (issue 17,
// decision 008, fifth pass): they must still mark the current section, move inside the app without
// loading a document, leave modified clicks to the browser, and hydrate without an error.
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

/** The browser's console errors (React reports a hydration mismatch there) and the documents it loads. */
function watch(page: Page) {
  const errors: string[] = [];
  const documents: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(new URL(request.url()).pathname);
  });
  return { errors, documents };
}

const current = (page: Page) => page.locator('nav[aria-label] a[aria-current="page"]').allTextContents();

describe("the header's links", () => {
  it("mark the current section, navigate inside the app, and hydrate without errors", async () => {
    const page = await (await browser.newContext({ locale: "en-US" })).newPage();
    const seen = watch(page);
    await page.goto(`${app.baseUrl}/calls`);
    await hydrated(page);
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await current(page)).toEqual(["Open calls"]);
    expect(await nav.getByRole("link", { name: "Open calls" }).getAttribute("class")).toBe("active");
    expect(await nav.getByRole("link", { name: "Home" }).getAttribute("class")).toBe("");

    await nav.getByRole("link", { name: "Organisations" }).click();
    await page.waitForURL(`${app.baseUrl}/orgs`);
    await expect.poll(() => current(page), { timeout: 15_000 }).toEqual(["Organisations"]);
    // Home is marked on / only (end).
    await page.getByRole("link", { name: "Binh Duong Innovation Region" }).first().click();
    await page.waitForURL(`${app.baseUrl}/`);
    await expect.poll(() => current(page), { timeout: 15_000 }).toEqual(["Home"]);
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.waitForURL(`${app.baseUrl}/auth/sign-in`);
    await page.goBack();
    await page.waitForURL(`${app.baseUrl}/`);
    expect(seen.documents).toEqual(["/calls"]); // every move above was made in the page

    // A click with a modifier is the browser's (a new tab), not the app's.
    const opened = page.context().waitForEvent("page");
    await nav.getByRole("link", { name: "Open calls" }).click({ modifiers: ["Control"] });
    await (await opened).close();
    expect(page.url()).toBe(`${app.baseUrl}/`);
    expect(seen.errors).toEqual([]);
  });

  it("show a signed-in person's sections, the current one marked below its path too", async () => {
    const page = await (await browser.newContext({ locale: "en-US" })).newPage();
    const seen = watch(page);
    await signIn(page, app.baseUrl, "manager@demo.binhduong.example");
    await page.goto(`${app.baseUrl}/manage`);
    await hydrated(page);
    // the demo manager reads Vietnamese
    expect(await current(page)).toEqual(["Quản lý"]);
    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Hồ sơ", exact: true }).click();
    await page.waitForURL(`${app.baseUrl}/account/profile`);
    await expect.poll(() => current(page), { timeout: 15_000 }).toEqual(["Hồ sơ"]);
    await page.goto(`${app.baseUrl}/orgs/bd-incubator`);
    await hydrated(page);
    expect(await current(page)).toEqual(["Tổ chức"]);
    expect(seen.errors).toEqual([]);
  });
});
