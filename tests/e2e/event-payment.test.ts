import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { expectAccessible, launchBrowser, signedInPage } from "../support/browser";
import { startFakeStripe } from "../support/fake-stripe";

// A visitor buys the demo forum's partner ticket (500,000 đồng, unlocked by its code), in a
// browser, and pays: by bank transfer (the VietQR page; the organiser's staff mark it received on
// the attendee page), and by card (the real Stripe SDK against a local fake of Stripe, whose
// checkout page sends the signed webhook). Each time the ticket mail with the event's ICS arrives
// in the dev mailbox, and the order shows as paid. Every page passes axe.
const VISITOR = "public@demo.binhduong.example"; // Đỗ Minh Tuấn, reads Vietnamese
const STAFF = "manager@demo.binhduong.example"; // staff of the innovation centre, which runs the forum
const FORUM = "/events/binh-duong-innovation-forum";
let app: Awaited<ReturnType<typeof startAppServer>>;
let fake: Awaited<ReturnType<typeof startFakeStripe>>;
let browser: Browser;

beforeAll(async () => {
  fake = await startFakeStripe();
  [app, browser] = await Promise.all([startAppServer(inject("pgAdminUrl"), fake.env), launchBrowser()]);
  fake.sendWebhooksTo(`${app.baseUrl}/webhooks/stripe`);
});
afterAll(async (suite) => {
  if (suite.tasks.some((t) => t.result?.state === "fail")) console.error(app?.output());
  await browser?.close();
  await app?.stop();
  await fake?.close();
});

/** Chooses one partner ticket, names the attendee, picks the method; answers the order's code from the page it lands on. */
async function buyPartnerTicket(page: Page, method: RegExp) {
  await page.goto(`${app.baseUrl}${FORUM}/register?code=PARTNER2026`);
  await page.getByLabel(/^Số lượng: Vé đối tác/).selectOption("1");
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await page.getByRole("group", { name: /Người tham dự 1/ }).waitFor();
  await page.getByLabel("Họ và tên").fill("Đỗ Minh Tuấn");
  await page.getByRole("radio", { name: method }).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Giữ chỗ và thanh toán" }).click();
}

const ticketMails = (page: Page) =>
  page.getByRole("row").filter({ hasText: VISITOR }).filter({ hasText: "Vé của bạn: Diễn đàn Đổi mới Sáng tạo Bình Dương" });

describe("paying for a ticket to the demo forum", () => {
  it("by bank transfer: the VietQR page, staff mark it received, the ticket arrives", async () => {
    const visitor = await signedInPage(browser, app.baseUrl, VISITOR);
    await buyPartnerTicket(visitor, /Chuyển khoản ngân hàng/);

    await visitor.getByRole("heading", { name: "Thanh toán", level: 1 }).waitFor();
    await visitor.getByRole("img", { name: "Mã VietQR cho lần chuyển khoản này" }).waitFor();
    await visitor.getByText("500.000").first().waitFor();
    const reference = (await visitor.getByText(/^BDI[A-Z2-9]{8}$/).textContent())!;
    await expectAccessible(visitor);

    await visitor.getByRole("link", { name: "Quay lại đơn của bạn" }).click();
    const order = visitor.getByRole("heading", { name: /Đơn [A-F0-9]{10}: Đang giữ chỗ, chờ thanh toán/ });
    await order.waitFor();
    const code = /Đơn ([A-F0-9]{10})/.exec((await order.textContent())!)![1]!;
    await visitor.getByText(/Đang chờ thanh toán bằng chuyển khoản ngân hàng đến/).waitFor();
    await visitor.getByRole("link", { name: `Thanh toán đơn ${code}` }).waitFor();
    await expectAccessible(visitor);

    // the organiser's staff see the transfer on the bank statement and mark it received
    const staff = await signedInPage(browser, app.baseUrl, STAFF);
    await staff.goto(`${app.baseUrl}${FORUM}`);
    await staff.getByRole("link", { name: /^(Quản lý sự kiện|Manage this event)$/ }).click();
    await staff.getByRole("heading", { name: /^(Thanh toán cần xử lý|Payments to act on)$/ }).waitFor();
    await expect.poll(() => staff.getByText(reference).count()).toBe(1);
    await expectAccessible(staff);
    await staff.getByRole("link", { name: new RegExp(code) }).click();
    await staff.getByRole("button", { name: new RegExp(reference) }).click();
    await staff.getByText(/^(Đã ghi nhận khoản chuyển\.|The transfer is recorded as received\.)$/).waitFor();
    await expectAccessible(staff);

    await visitor.goto(`${app.baseUrl}/dev/mailbox`);
    await expect.poll(() => ticketMails(visitor).count()).toBe(1);
    await expect.poll(() => ticketMails(visitor).filter({ hasText: "event.ics" }).count()).toBe(1);
    await visitor.goto(`${app.baseUrl}${FORUM}`);
    await visitor.getByRole("heading", { name: `Đơn ${code}: Đã xác nhận` }).waitFor();
    await visitor.getByText("Đã thanh toán bằng chuyển khoản ngân hàng", { exact: false }).waitFor();
    await expectAccessible(visitor);
  }, 240_000); // two people signed in, eight pages checked by axe: past the default two minutes on a loaded machine

  it("by card: Stripe's checkout page, the signed webhook confirms, the ticket arrives", async () => {
    const visitor = await signedInPage(browser, app.baseUrl, VISITOR);
    await buyPartnerTicket(visitor, /^Thẻ/);

    await visitor.getByRole("heading", { name: "Fake Stripe Checkout" }).waitFor();
    await visitor.getByText("500000 VND").waitFor();
    await visitor.getByRole("button", { name: "Pay" }).click();

    // back on the forum's page: the webhook was answered before Stripe sent the buyer back
    await visitor.getByText(/Cảm ơn bạn: đơn [A-F0-9]{10} đã được thanh toán/).waitFor();
    await visitor.getByText("Đã thanh toán bằng thẻ", { exact: false }).waitFor();
    await expectAccessible(visitor);
    await visitor.goto(`${app.baseUrl}/dev/mailbox`);
    await expect.poll(() => ticketMails(visitor).count()).toBe(2);
  });
});
