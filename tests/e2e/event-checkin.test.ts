import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { demoForumId, expectAccessible, launchBrowser, phoneViewport, signedInPage } from "../support/browser";

// Check-in at the door on a phone-sized page: the public account (Đỗ Minh Tuấn) registers for the
// demo forum's free ticket; the ticket mail in the dev mailbox shows its QR image and code; the
// forum's staff (Trần Thị Mai, reading Vietnamese) open the check-in page at 390 px, type the code
// and see the name; a second scan is flagged; a scan made offline is queued and checked in when
// the network is back. Every page passes axe.
const VISITOR = "public@demo.binhduong.example";
const STAFF = "manager@demo.binhduong.example";
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

describe("checking in at the forum's door", () => {
  it("a visitor's mailed code checks in once on a phone, a second scan is flagged, and an offline scan syncs", async () => {
    const visitor = await signedInPage(browser, app.baseUrl, VISITOR, { locale: "vi-VN" });
    await visitor.goto(`${app.baseUrl}/events/binh-duong-innovation-forum`);
    await visitor.getByRole("link", { name: "Đăng ký", exact: true }).click();
    await visitor.getByLabel(/^Số lượng: Vé tham dự/).selectOption("1");
    await visitor.getByRole("button", { name: "Tiếp tục" }).click();
    await visitor.getByLabel("Họ và tên").fill("Đỗ Minh Tuấn");
    await visitor.getByRole("button", { name: "Đăng ký", exact: true }).click();
    await visitor.getByRole("heading", { name: /Đơn [A-F0-9]{10}: Đã xác nhận/ }).waitFor();

    // the ticket mail, as a mail client shows it: the QR image loads, the code is printed under it
    await visitor.goto(`${app.baseUrl}/dev/mailbox`);
    await visitor.getByRole("row").filter({ hasText: VISITOR }).getByRole("link", { name: /Vé của bạn/ }).first().click();
    const qr = visitor.getByRole("img", { name: "Mã QR của vé" });
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(100);
    const code = /Mã vé: ([0-9A-Z-]+)/.exec(await visitor.locator("body").innerText())![1]!;

    const phone = await signedInPage(browser, app.baseUrl, STAFF, { locale: "vi-VN", ...phoneViewport });
    const context = phone.context();
    await phone.goto(`${app.baseUrl}/manage/events/${await demoForumId(app.databaseUrl)}/checkin`);
    await phone.getByRole("heading", { name: /^Check-in: Diễn đàn Đổi mới Sáng tạo Bình Dương/, level: 1 }).waitFor();
    await phone.getByText(/Đã check-in 0 \/ \d+/).waitFor();
    await expectAccessible(phone);
    // nothing wider than the phone
    expect(await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);

    const typeCode = async (value: string) => {
      await phone.getByLabel("Mã vé").fill(value);
      await phone.getByRole("button", { name: "Check-in", exact: true }).click();
    };
    await typeCode(code);
    await phone.getByText("Đã check-in: Đỗ Minh Tuấn").waitFor();
    await phone.getByText(/Đã check-in 1 \/ \d+/).waitFor();
    await expectAccessible(phone);

    await typeCode(code);
    await phone.getByText("Đã check-in trước đó: Đỗ Minh Tuấn").waitFor();
    await phone.getByText(/Check-in lần đầu lúc .+ bởi Trần Thị Mai\./).waitFor();

    // a mistake: undo it, then the network drops while the ticket is scanned again
    await phone.getByRole("button", { name: "Hoàn tác check-in của Đỗ Minh Tuấn" }).click();
    await phone.getByText("Đã hoàn tác check-in của Đỗ Minh Tuấn.").waitFor();
    await phone.getByText(/Đã check-in 0 \/ \d+/).waitFor();
    await context.setOffline(true);
    await typeCode(code);
    await phone.getByText(/Mất mạng: lượt quét được lưu/).waitFor();
    await phone.getByText("1 lượt quét đang chờ mạng").waitFor();
    await context.setOffline(false);
    await phone.getByText(/Đã có mạng: đã gửi 1 lượt quét/).waitFor();
    await phone.getByText("Đã check-in: Đỗ Minh Tuấn").first().waitFor();
    await phone.getByText(/Đã check-in 1 \/ \d+/).waitFor();
    expect(await phone.getByText("lượt quét đang chờ mạng").count()).toBe(0);
    await expectAccessible(phone);
  });
});
