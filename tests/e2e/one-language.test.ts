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

/** Every script and strings file the page receives, with its text, and the strings files (path and parts) in order. */
function recordDownloads(page: Page) {
  const texts: Promise<string>[] = [];
  const strings: string[] = [];
  const files: Promise<{ locale: string; tree: Tree }>[] = [];
  page.on("response", (res: Response) => {
    const url = new URL(res.url());
    if (url.pathname.startsWith("/strings/")) {
      strings.push(url.pathname + url.search);
      files.push(res.json().then((tree: Tree) => ({ locale: url.pathname.slice("/strings/".length, "/strings/".length + 2), tree })));
    }
    if (url.pathname.endsWith(".js") || url.pathname.startsWith("/strings/")) texts.push(res.text().catch(() => ""));
  });
  return { strings, files: () => Promise.all(files), all: async () => (await Promise.all(texts)).join("\n") };
}

type Tree = { [key: string]: string | Tree };
/** Whether every string of `part` is the string of the same key in `whole`. */
const within = (part: Tree, whole: Tree | string | undefined): boolean =>
  typeof whole === "object" && Object.entries(part).every(([k, v]) => (typeof v === "string" ? whole[k] === v : within(v, whole[k])));
const partsOf = (path: string) => new URL(path, "http://x").searchParams.get("parts")?.split(",");

const hydrated = (page: Page) => page.waitForFunction(() => "__remixRouter" in window);

describe("the strings a browser receives", () => {
  it("are the viewer's language only, and only its pages' parts; a page or a switch needing more fetches them once", async () => {
    const context = await browser.newContext({ locale: "vi-VN" });
    const page = await context.newPage();
    const downloads = recordDownloads(page);
    await page.goto(`${app.baseUrl}/calls`);
    await page.getByRole("heading", { name: "Đợt tuyển chọn", level: 1 }).waitFor();
    await hydrated(page);

    const first = await downloads.all();
    // Vietnamese strings of the shell and of the page came; no English one, nor another page's.
    expect(first).toContain("Bỏ qua đến nội dung");
    expect(first).toContain("Các chương trình ươm tạo trong vùng đang hoặc sắp nhận hồ sơ.");
    expect(first).not.toContain("Skip to content");
    expect(first).not.toContain("Incubation programmes of the region that take applications now or soon.");
    expect(first).not.toContain("No upcoming events yet.");
    expect(first).not.toContain("Chưa có sự kiện sắp diễn ra."); // the home page's events, in Vietnamese
    expect(downloads.strings).toEqual([expect.stringMatching(/^\/strings\/vi\.[0-9a-f]+\.json\?parts=/)]);
    expect(partsOf(downloads.strings[0]!)).toEqual(expect.arrayContaining(["app", "nav", "apply.calls"]));

    // A page navigated to in the browser has its strings: one request for the parts it adds, none
    // again for the shell's; back to a page already shown, none at all.
    await page.evaluate(() => Object.assign(window, { stayedOnPage: true }));
    await page.getByRole("link", { name: "Tổ chức", exact: true }).click();
    await page.getByRole("heading", { name: "Tổ chức", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Tìm" }).waitFor();
    expect(downloads.strings).toHaveLength(2);
    expect(downloads.strings[1]).toMatch(/^\/strings\/vi\.[0-9a-f]+\.json\?parts=/);
    expect(partsOf(downloads.strings[1]!)).toContain("orgs");
    expect(partsOf(downloads.strings[1]!)).not.toContain("app");
    await page.getByRole("link", { name: "Đợt tuyển chọn", exact: true }).click();
    await page.getByRole("heading", { name: "Đợt tuyển chọn", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Tổ chức", exact: true }).click();
    await page.getByRole("heading", { name: "Tổ chức", level: 1 }).waitFor();
    expect(downloads.strings).toHaveLength(2);

    // Switching language: the English strings of this page arrive at once, and the page is shown in
    // English without loading the document again.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Organisations", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Skip to content" }).waitFor({ state: "attached" });
    expect(downloads.strings).toHaveLength(3);
    expect(downloads.strings[2]).toMatch(/^\/strings\/en\.[0-9a-f]+\.json\?parts=/);
    expect(partsOf(downloads.strings[2]!)).toEqual(expect.arrayContaining(["app", "nav", "orgs"]));
    expect(await page.evaluate(() => "stayedOnPage" in window)).toBe(true);

    // A page navigated to after the switch is in English, its parts fetched in English; back to
    // Vietnamese on it needs no request, its Vietnamese parts being here.
    await page.getByRole("link", { name: "Open calls", exact: true }).click();
    await page.getByRole("heading", { name: "Open calls", level: 1 }).waitFor();
    await page.getByText("Incubation programmes of the region that take applications now or soon.").waitFor();
    expect(downloads.strings).toHaveLength(4);
    expect(downloads.strings[3]).toMatch(/^\/strings\/en\./);
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await page.getByRole("heading", { name: "Đợt tuyển chọn", level: 1 }).waitFor();
    await page.getByText("Các chương trình ươm tạo trong vùng đang hoặc sắp nhận hồ sơ.").waitFor();
    expect(downloads.strings).toHaveLength(4);
    expect(await page.evaluate(() => "stayedOnPage" in window)).toBe(true);

    // Every strings file held one language's strings only: each is part of that language's whole tree.
    const whole = Object.fromEntries(
      await Promise.all(["vi", "en"].map(async (l) => [l, (await (await fetch(`${app.baseUrl}/strings/${l}.json`)).json()) as Tree])),
    ) as Record<string, Tree>;
    for (const { locale, tree } of await downloads.files()) {
      expect(within(tree, whole[locale])).toBe(true);
      expect(within(tree, whole[locale === "vi" ? "en" : "vi"])).toBe(false);
    }
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
