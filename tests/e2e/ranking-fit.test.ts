import postgres from "postgres";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { expectAccessible, launchBrowser, linkFromMailbox, signIn } from "../support/browser";

// The ranking in a 1280×800 window: every column, the decision's included, without sideways
// scrolling, in Vietnamese (the demo manager's language, the longer one); the thin-review caution
// is shown and explained; a row opens the application's page. Then a reviewer invited by email
// from the reviewers tab accepts and lands on their review list.
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
    await page.getByRole("heading", { name: /: Xếp hạng$/ }).waitFor();
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

    // The application page keeps the ranking's order for its previous/next links.
    await row.getByRole("link").first().click();
    await page.waitForURL(new RegExp(`/manage/calls/${callId}/applications/[0-9a-f-]{36}\\?sort=z&dir=desc$`));
    await context.close();
  });

  it("invites a reviewer by email; the invitee accepts from the mail and lands on their reviews", async () => {
    const context = await browser.newContext({ locale: "vi-VN" });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "manager@demo.binhduong.example");
    await page.goto(`${app.baseUrl}/manage/calls/${callId}/reviewers`);
    await page.getByRole("heading", { name: "Mời người đánh giá" }).waitFor();
    await page.getByLabel("Địa chỉ email").fill("not an address");
    await page.getByRole("button", { name: "Gửi lời mời" }).click();
    await page.getByText("Hãy nhập địa chỉ email hợp lệ.").waitFor();
    await page.getByLabel("Địa chỉ email").fill("founder2@demo.binhduong.example");
    await page.getByRole("button", { name: "Gửi lời mời" }).click();
    await page.getByText("Đã gửi lời mời đến founder2@demo.binhduong.example.").waitFor();
    await expectAccessible(page);
    await context.close();

    // Founder 2 reads English: the mail is in English only, the page too.
    const judge = await browser.newContext({ locale: "en-US" });
    const jpage = await judge.newPage();
    const link = await linkFromMailbox(
      jpage, app.baseUrl, "founder2@demo.binhduong.example", "Invitation to review applications: Cohort 2027 call", "View the invitation",
    );
    expect(link).toMatch(/\/reviewer-invitations\/[\w-]{20,}$/);
    await jpage.goto(`${app.baseUrl}${new URL(link).pathname}`);
    await jpage.getByRole("link", { name: "Sign in" }).last().click();
    await jpage.getByLabel(/^(Email)$/).fill("founder2@demo.binhduong.example");
    await jpage.getByLabel(/^(Password|Mật khẩu)$/).fill("demo-password-2026");
    await jpage.getByRole("button", { name: /^(Sign in|Đăng nhập)$/ }).click();
    await jpage.getByRole("button", { name: "Accept and open my reviews" }).click();
    await jpage.waitForURL(/\/review$/);
    await jpage.getByRole("heading", { name: "Applications to review" }).waitFor();
    await judge.close();
  });
});
