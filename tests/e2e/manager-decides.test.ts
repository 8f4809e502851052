import postgres from "postgres";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { expectAccessible, launchBrowser, linkFromMailbox, signIn } from "../support/browser";

// A manager accepts the demo's AgriLink application from the ranking, with the call's message
// template, then sends it from the decisions tab; the founder finds the decision mail. Every selection page passes axe-core.
let app: Awaited<ReturnType<typeof startAppServer>>;
let browser: Browser;
let callId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(inject("pgAdminUrl")), launchBrowser()]);
  const db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  const [row] = await db<{ id: string }[]>`select id from public.calls where slug = 'smart-city-2027'`;
  await db.end();
  callId = row!.id;
});
afterAll(async (suite) => {
  if (suite.tasks.some((t) => t.result?.state === "fail")) console.error(app?.output());
  await browser?.close();
  await app?.stop();
});

describe("the manager's selection", () => {
  it("accepts AgriLink from the ranking with the template message; the founder gets the mail", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "manager@demo.binhduong.example");
    const base = `${app.baseUrl}/manage/calls/${callId}`;

    // The demo manager reads Vietnamese.
    await page.goto(`${base}/reviewers`);
    await page.getByRole("heading", { name: /^Tuyển chọn khóa 2027: Người chấm$/ }).waitFor();
    await page.getByRole("row", { name: /Phạm Văn Hùng/ }).waitFor();
    await expectAccessible(page);

    await page.goto(`${base}/ranking`);
    await page.getByRole("heading", { name: /: Xếp hạng$/ }).waitFor();
    await expectAccessible(page);
    await page.getByLabel(/AgriLink/).check();
    await page.getByLabel("Thao tác").selectOption("decision:accepted");
    await page.getByLabel("Kèm thư mẫu của đợt trong email").check();
    await page.getByLabel("Vẫn chấp nhận dù có cảnh báo").check();
    await page.getByRole("button", { name: "Áp dụng cho hồ sơ đã chọn" }).click();
    await page.getByText(/^Đã lưu 1 quyết định, giữ nguyên 0 hồ sơ\. Chưa ai được thông báo/).waitFor();
    await page.getByRole("row", { name: /AgriLink/ }).getByText("Chấp nhận, chưa gửi").waitFor();
    await expectAccessible(page);

    // A bulk action with nothing selected is refused with a message, nothing sent.
    await page.getByLabel("Thao tác").selectOption("stage:interview");
    await page.getByRole("button", { name: "Áp dụng cho hồ sơ đã chọn" }).click();
    await page.getByText("Hãy chọn ít nhất một hồ sơ.").waitFor();

    // Nobody is told until the manager previews the mail and sends it.
    await page.goto(`${base}/decisions`);
    await page.getByRole("link", { name: "Xem trước và gửi email" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Gửi 1 thư chấp nhận" }).click();
    await page.getByText("Đã gửi: 1 thư chấp nhận.").waitFor();
    await page.goto(`${base}/decisions`);
    await page.getByRole("row", { name: /AgriLink/ }).getByText("Đang chờ").waitFor();
    await page.getByRole("row", { name: /AgriLink/ }).getByText(/\(Giờ Đông Dương, GMT\+7\)/).waitFor();
    await expectAccessible(page);

    await page.goto(`${base}/audit`);
    // The decision's row (the stage moved to "decision" with it, a row of its own).
    const decision = page.getByRole("row", { name: /AgriLink/ }).filter({ hasText: "— → Chấp nhận" });
    await decision.getByText("Trần Thị Mai").waitFor();
    await decision.getByText("Quyết định", { exact: true }).waitFor();
    await expectAccessible(page);

    await page.goto(`${base}/cohort`);
    // SmartWater is in the demo cohort; AgriLink is not until its founder confirms the offer.
    await page.getByRole("row", { name: /SmartWater BD/ }).waitFor();
    expect(await page.getByRole("row", { name: /AgriLink/ }).count()).toBe(0);
    await expectAccessible(page);

    const csv = await page.request.get(`${base}/export`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("AgriLink");
    await context.close();

    // Founder 2 reads English: the decision mail carries the English template and the confirm link.
    const founder = await browser.newContext({ locale: "en-US" });
    const fpage = await founder.newPage();
    await signIn(fpage, app.baseUrl, "founder2@demo.binhduong.example");
    const confirm = await linkFromMailbox(
      fpage, app.baseUrl, "founder2@demo.binhduong.example", "Decision on AgriLink's application: Cohort 2027 call", "Confirm your place",
    );
    expect(confirm).toMatch(/\/applications\/[0-9a-f-]{36}$/);
    await fpage.getByText("Congratulations! Your startup was selected for the 2027 cohort.").waitFor();
    await fpage.getByText(/Please confirm your place by .* \(Indochina Time, GMT\+7\)/).waitFor();
    await founder.close();
  });

  it("answers 403 to a manager of another organisation, whose call they may read but not manage", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "eiu.manager@demo.binhduong.example");
    for (const tab of ["ranking", "reviewers", "audit", "export"]) {
      const res = await page.goto(`${app.baseUrl}/manage/calls/${callId}/${tab}`);
      expect(res?.status()).toBe(403);
    }
    await context.close();
  });
});
