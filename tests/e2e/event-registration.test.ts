import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { expectAccessible, launchBrowser, signedInPage } from "../support/browser";

// A visitor registers for the demo forum's free ticket, in a browser: the public account (Đỗ Minh
// Tuấn, reading Vietnamese) opens the forum's page, chooses one general admission, names the
// attendee, registers, sees the order on the page with its ticket's transfer form, and finds the ticket in the dev mailbox with
// the event's calendar file. Every page passes axe.
const VISITOR = "public@demo.binhduong.example";
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

describe("registering for the demo forum", () => {
  it("a visitor registers for a free ticket and finds it in the mailbox", async () => {
    const page = await signedInPage(browser, app.baseUrl, VISITOR);
    await page.goto(`${app.baseUrl}/events/binh-duong-innovation-forum`);
    await page.getByRole("heading", { name: "Diễn đàn Đổi mới Sáng tạo Bình Dương", level: 1 }).waitFor();
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe("Diễn đàn Đổi mới Sáng tạo Bình Dương");
    await page.getByRole("heading", { name: "Chương trình" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Đăng ký", exact: true }).click();
    await page.getByLabel(/^Số lượng: Vé tham dự/).selectOption("1");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.getByRole("group", { name: /Người tham dự 1/ }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Họ và tên").fill("Đỗ Minh Tuấn");
    await page.getByRole("button", { name: "Đăng ký", exact: true }).click();

    await page.getByText(/Bạn đã đăng ký thành công\. Đơn [A-F0-9]{10}/).waitFor();
    await page.getByRole("heading", { name: /Đơn [A-F0-9]{10}: Đã xác nhận/ }).waitFor();
    await expectAccessible(page);
    // The ticket's transfer form, opened: each field is found by its own label.
    await page.getByText("Chuyển vé của Đỗ Minh Tuấn cho người khác").click();
    const transfer = page.locator("details[open] form");
    await transfer.getByLabel("Họ và tên").fill("Lê Thị Cúc");
    await transfer.getByLabel("Email").fill("cuc@example.test");
    await expectAccessible(page);

    await page.goto(`${app.baseUrl}/dev/mailbox`);
    const row = page.getByRole("row").filter({ hasText: VISITOR }).filter({ hasText: "Vé của bạn: Diễn đàn Đổi mới Sáng tạo Bình Dương" });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.filter({ hasText: "event.ics" }).count()).toBe(1);
  });
});
