import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { demoForumId, expectAccessible, launchBrowser, signedInPage } from "../support/browser";

// An organiser sets up what the demo forum sells, in a browser: Trần Thị Mai (staff of the
// innovation centre, reading Vietnamese) adds a quota, a paid and a free ticket type sharing it,
// and a question for the paid one; a visitor (Đỗ Minh Tuấn) then finds both tickets on the
// registration page and is asked the question for the paid ticket only. Every page passes axe.
const ORGANISER = "manager@demo.binhduong.example";
const VISITOR = "public@demo.binhduong.example";
let app: Awaited<ReturnType<typeof startAppServer>>;
let browser: Browser;
let eventId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(inject("pgAdminUrl")), launchBrowser()]);
  eventId = await demoForumId(app.databaseUrl);
});
afterAll(async (suite) => {
  if (suite.tasks.some((t) => t.result?.state === "fail")) console.error(app?.output());
  await browser?.close();
  await app?.stop();
});

describe("setting up the forum's tickets", () => {
  it("an organiser adds a paid and a free ticket sharing a quota, and a question; a visitor sees them when registering", async () => {
    const page = await signedInPage(browser, app.baseUrl, ORGANISER, { locale: "vi-VN" });
    await page.goto(`${app.baseUrl}/manage/events/${eventId}/tickets`);
    await page.getByRole("heading", { name: "Loại vé", level: 2 }).waitFor();
    await expectAccessible(page);

    const newQuota = page.locator("form").filter({ has: page.getByRole("button", { name: "Thêm hạn mức" }) });
    await newQuota.getByLabel("Tên hạn mức").fill("Hội trường B");
    await newQuota.getByLabel("Số chỗ").fill("40");
    await newQuota.getByRole("button", { name: "Thêm hạn mức" }).click();
    await page.getByRole("rowheader", { name: "Hội trường B" }).waitFor();

    const addType = async (vi: string, en: string, price: string) => {
      const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Thêm loại vé" }) });
      await form.getByLabel("Tên (tiếng Việt)").fill(vi);
      await form.getByLabel("Tên (tiếng Anh)").fill(en);
      await form.getByLabel("Giá (đồng, 0 là miễn phí)").fill(price);
      await form.getByLabel("Tối đa mỗi đơn").fill("4");
      await form.getByLabel("Hội trường B (40/40)").check();
      await form.getByRole("button", { name: "Thêm loại vé" }).click();
      await page.getByRole("heading", { name: new RegExp(`^${vi} ·`), level: 3 }).waitFor();
    };
    await addType("Vé khởi nghiệp", "Startup pass", "300.000");
    await addType("Vé cộng đồng", "Community pass", "0");
    await expect.poll(() => page.getByText(/Tính vào hạn mức: Hội trường B/).count()).toBe(2);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Câu hỏi", exact: true }).click();
    await page.getByRole("heading", { name: "Câu hỏi cho mỗi người tham dự", level: 2 }).waitFor();
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Thêm câu hỏi" }) });
    await form.getByLabel("Câu hỏi (tiếng Việt)").fill("Giai đoạn của công ty bạn?");
    await form.getByLabel("Câu hỏi (tiếng Anh)").fill("Your company's stage?");
    await form.getByLabel("Hướng dẫn (tiếng Việt)").fill("Chọn giai đoạn gần nhất.");
    await form.getByLabel("Kiểu trả lời").selectOption("choice");
    await form.getByLabel("Các lựa chọn (mỗi dòng một lựa chọn)").fill("Ý tưởng\nSản phẩm mẫu\nCó doanh thu");
    await form.getByLabel("Bắt buộc trả lời").check();
    await form.getByLabel("Vé khởi nghiệp").check();
    await form.getByRole("button", { name: "Thêm câu hỏi" }).click();
    await page.getByRole("heading", { name: "Giai đoạn của công ty bạn?", level: 3 }).waitFor();
    await expectAccessible(page);

    const visitor = await signedInPage(browser, app.baseUrl, VISITOR, { locale: "vi-VN" });
    await visitor.goto(`${app.baseUrl}/events/binh-duong-innovation-forum/register`);
    await visitor.getByLabel(/^Số lượng: Vé khởi nghiệp \(300\.000/).selectOption("1");
    await visitor.getByLabel(/^Số lượng: Vé cộng đồng \(Miễn phí\)/).selectOption("1");
    await visitor.getByRole("button", { name: "Tiếp tục" }).click();
    const paid = visitor.getByRole("group", { name: /Vé khởi nghiệp/ });
    const free = visitor.getByRole("group", { name: /Vé cộng đồng/ });
    await paid.waitFor();
    await expect.poll(() => paid.getByLabel("Giai đoạn của công ty bạn?").count()).toBe(1);
    await expect.poll(() => paid.getByText("Chọn giai đoạn gần nhất.").count()).toBe(1);
    expect(await free.getByLabel("Giai đoạn của công ty bạn?").count()).toBe(0);
    await expectAccessible(visitor);
  });
});
