import postgres from "postgres";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { expectAccessible, launchBrowser, signIn } from "../support/browser";

// The ranking in a 1280×800 window: every column, the decision's included, without sideways
// scrolling, in Vietnamese (the demo manager's language, the longer one); the thin-review caution
// is shown and explained; a row opens the application's page.
let app: Awaited<ReturnType<typeof startAppServer>>;
let browser: Browser;
let callId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(inject("pgAdminUrl")), launchBrowser()]);
  const db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  const [row] = await db<{ id: string }[]>`select id from public.calls where slug = 'smart-city-2027'`;
  callId = row!.id;
  // The widest row the page draws: an accepted application with an open offer, a long startup
  // name, a track, a caution and every kind of review count.
  await db`update public.startups set name = 'AgriLink Nông nghiệp Thông minh Bình Dương'
            where id = (select startup_id from public.applications where call_id = ${callId} and status = 'submitted' limit 1)`;
  await db`update public.applications set decision = 'accepted', decided_at = now(), offer_expires_at = now() + interval '14 days'
            where call_id = ${callId} and status = 'submitted'`;
  await db.end();
});
afterAll(async (suite) => {
  if (suite.tasks.some((t) => t.result?.state === "fail")) console.error(app?.output());
  await browser?.close();
  await app?.stop();
});

describe("the ranking at 1280 px", () => {
  it("fits with its decision column, marks thin totals and links each row to its application", async () => {
    const context = await browser.newContext({ locale: "vi-VN", viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "manager@demo.binhduong.example");
    await page.goto(`${app.baseUrl}/manage/calls/${callId}/ranking?sort=z&dir=desc`);
    await page.getByRole("heading", { name: /^Xếp hạng/ }).waitFor();
    const row = page.getByRole("row", { name: /AgriLink/ });
    await row.getByText(/Chấp nhận/).waitFor();
    // "0/2 lượt chấm · 1 chưa chấm", the caution, and its explanation above the table
    await row.getByText(/0\/2 lượt chấm · 1 chưa chấm/).waitFor();
    await row.getByText("Ít lượt chấm", { exact: false }).first().waitFor();
    await page.getByText(/Ít lượt chấm: tổng điểm dựa trên/).waitFor();
    await page.getByRole("note").getByText(/Đang sắp xếp theo điểm z: 1 hồ sơ/).waitFor();

    const fit = await page.evaluate(() => {
      const wrap = document.querySelector(".table-wrap")!;
      const table = wrap.querySelector("table")!;
      return {
        page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
        wrap: [wrap.scrollWidth, wrap.clientWidth],
        table: table.getBoundingClientRect().right,
      };
    });
    expect(fit.page[0]).toBeLessThanOrEqual(fit.page[1]!);
    expect(fit.wrap[0]).toBeLessThanOrEqual(fit.wrap[1]!);
    expect(fit.table).toBeLessThanOrEqual(1280);
    await expectAccessible(page);

    await row.getByRole("link").first().click();
    await page.waitForURL(new RegExp(`/manage/calls/${callId}/applications/[0-9a-f-]{36}$`));
    await context.close();
  });
});
