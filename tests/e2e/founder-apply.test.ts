import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { expectAccessible, launchBrowser, linkFromMailbox, signIn } from "../support/browser";

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

/** A small, real PDF generated for the test. */
function smallPdf(): Buffer {
  const body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  return Buffer.from(body, "latin1");
}

describe("a founder", () => {
  it("applies to the smart-city call step by step with a deck, submits, sees the status and the confirmation mail", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    // founder@demo reads Vietnamese (their saved language), so the pages and the mail are in Vietnamese.
    await signIn(page, app.baseUrl, "founder@demo.binhduong.example");
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));

    await page.goto(`${app.baseUrl}/calls`);
    await page.getByRole("heading", { name: "Đợt tuyển chọn", level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Tuyển chọn khóa 2027" }).click();
    await page.getByRole("heading", { name: "Tuyển chọn khóa 2027", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Tiêu chí đánh giá" }).waitFor();
    await page.getByRole("heading", { name: "Tác động đô thị thông minh" }).waitFor();
    // The call is blind on founders and team: the founder is told before writing a word.
    await page.getByText("Người đánh giá của đợt này không thấy tên các nhà sáng lập, đội ngũ của bạn.").waitFor();
    await expectAccessible(page);

    await page.getByRole("main").getByRole("link", { name: "Nộp hồ sơ", exact: true }).click();
    await page.getByLabel("Khởi nghiệp nộp hồ sơ").waitFor();
    await expectAccessible(page);
    expect(await page.getByLabel("Khởi nghiệp nộp hồ sơ").locator("option:checked").textContent()).toContain("SmartWater BD");
    await page.getByLabel("Lĩnh vực").selectOption({ label: "Đô thị thông minh" });
    await page.getByRole("button", { name: "Bắt đầu hồ sơ" }).click();

    // Step 1: a malformed number is refused in the browser, then the answers are saved.
    await page.getByRole("heading", { name: "Bước 1", level: 2 }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Có", { exact: true }).check();
    await page.getByLabel(/^Nhà sáng lập và đội ngũ/).fill("Ngô Gia Huy (CEO), Trần Văn Nam (CTO, 8 năm IoT)");
    await page.getByLabel(/^Số thành viên toàn thời gian/).fill("500");
    await page.getByRole("button", { name: "Lưu và tiếp tục" }).click();
    await page.getByText("Số nằm ngoài khoảng cho phép.").waitFor();
    await page.getByLabel(/^Số thành viên toàn thời gian/).fill("3");
    await page.getByRole("button", { name: "Lưu và tiếp tục" }).click();

    // Step 2
    await page.getByRole("heading", { name: "Bước 2", level: 2 }).waitFor();
    await expectAccessible(page);
    await page.getByLabel(/^Bạn giải quyết vấn đề gì của đô thị\?/).fill("Thất thoát nước sạch 25% trong mạng lưới cấp nước đô thị.");
    await page.getByLabel(/^Giải pháp và điểm khác biệt/).fill("Cảm biến âm thanh giá rẻ và mô hình phát hiện rò rỉ.");
    await page.getByLabel("MVP", { exact: true }).check();
    await page.getByRole("button", { name: "Lưu và tiếp tục" }).click();

    // Step 3: the pitch deck and the video link.
    await page.getByRole("heading", { name: "Bước 3", level: 2 }).waitFor();
    await expectAccessible(page);
    await page.getByLabel(/^Bài thuyết trình/).setInputFiles({ name: "smartwater-deck.pdf", mimeType: "application/pdf", buffer: smallPdf() });
    await page.getByLabel(/^Video giới thiệu/).fill("https://video.example/smartwater");
    await page.getByRole("button", { name: "Lưu và tiếp tục" }).click();

    // Review: everything before submit.
    await page.getByRole("heading", { name: "Xem lại và nộp", level: 2 }).waitFor();
    await page.getByRole("link", { name: "smartwater-deck.pdf" }).waitFor();
    await page.getByText("Cảm biến âm thanh giá rẻ và mô hình phát hiện rò rỉ.").waitFor();
    await expectAccessible(page);
    const deckHref = await page.getByRole("link", { name: "smartwater-deck.pdf" }).getAttribute("href");
    const deck = await page.request.get(`${app.baseUrl}${deckHref}`);
    expect(deck.status()).toBe(200);
    expect(deck.headers()["content-type"]).toBe("application/pdf");
    await page.getByRole("button", { name: "Nộp hồ sơ" }).click();

    // The status page.
    await page.getByText("Hồ sơ đã được nộp. Chúng tôi đã gửi email xác nhận.").waitFor();
    await page.getByRole("heading", { name: "Hồ sơ của SmartWater BD", level: 1 }).waitFor();
    await page.getByText("Đã nộp và được tiếp nhận").waitFor();
    await expectAccessible(page);
    const statusUrl = page.url();

    // Someone else may not read the deck: 404.
    const stranger = await browser.newContext({ locale: "en-US" });
    const strangerPage = await stranger.newPage();
    await signIn(strangerPage, app.baseUrl, "founder2@demo.binhduong.example");
    expect((await strangerPage.request.get(`${app.baseUrl}${deckHref}`)).status()).toBe(404);
    await stranger.close();

    // The confirmation mail, in Vietnamese, links to the status page.
    const link = await linkFromMailbox(page, app.baseUrl, "founder@demo.binhduong.example", "Đã nhận hồ sơ của SmartWater BD: Tuyển chọn khóa 2027", "Xem hồ sơ và trạng thái");
    expect(new URL(link).pathname).toBe(new URL(statusUrl).pathname);

    await page.goto(`${app.baseUrl}/applications`);
    await page.getByRole("link", { name: "Tuyển chọn khóa 2027" }).waitFor();
    await expectAccessible(page);

    // The startup's profile: its team, an invitation to a co-founder, the edit form.
    await page.getByRole("main").getByRole("link", { name: "SmartWater BD" }).click();
    await page.getByRole("heading", { name: "SmartWater BD", level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Email của nhà đồng sáng lập").fill("cofounder@example.test");
    await page.getByRole("button", { name: "Gửi lời mời" }).click();
    await page.getByText("Đã gửi lời mời đến cofounder@example.test.").waitFor();
    await page.goto(`${app.baseUrl}/startups/new`);
    await page.getByRole("heading", { name: "Tạo hồ sơ khởi nghiệp", level: 1 }).waitFor();
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
