import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { expectAccessible, launchBrowser, linkFromMailbox } from "../support/browser";

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

const newPage = async (): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ locale: "en-US" });
  return { context, page: await context.newPage() };
};

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${app.baseUrl}/auth/sign-in`);
  await page.getByLabel(/^(Email)$/).fill(email);
  await page.getByLabel(/^(Password|Mật khẩu)$/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|Đăng nhập)$/ }).click();
  // With the app's JavaScript running, sign-in is a fetch: wait for its outcome before moving on.
  await page.getByRole("button", { name: /^(Sign out|Đăng xuất)$/ }).or(page.getByRole("alert")).first().waitFor();
}

describe("a new visitor", () => {
  const email = `mai.${Date.now()}@example.test`;
  const password = "first-password-2026";

  it("signs up, verifies through the mailbox, signs in, switches to Vietnamese and signs out", async () => {
    const { context, page } = await newPage();
    await page.goto(app.baseUrl);
    await page.getByRole("heading", { name: "Binh Duong Innovation Forum" }).waitFor();
    await expectAccessible(page);
    // The directory: searched from the keyboard, filtered by kind.
    await page.getByRole("link", { name: /^All \d+ organisations$/ }).click();
    await page.waitForURL(/\/orgs$/);
    await page.getByLabel("Name").fill("international");
    await page.getByLabel("Kind").selectOption("university");
    await page.getByLabel("Name").press("Enter");
    await page.waitForURL(/\/orgs\?q=international&kind=university/);
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Organisations found: 1");
    await page.getByRole("link", { name: "Eastern International University" }).waitFor();
    await expectAccessible(page);
    await page.goto(app.baseUrl);
    await page.getByRole("link", { name: "Binh Duong Business Incubator" }).click();
    await page.getByRole("heading", { name: "IoT lab" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Create account" }).first().click();
    await expectAccessible(page);

    // A malformed form is refused in the browser before any request, with field messages.
    await page.getByRole("button", { name: "Create account" }).last().click();
    await expect.poll(() => page.getByText("This field is required.").count()).toBeGreaterThan(0);

    await page.getByLabel("Your name").fill("Trần Thị Mai");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).last().click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();

    const verifyUrl = await linkFromMailbox(page, app.baseUrl, email, "Verify your email address", "Verify email");
    await page.goto(verifyUrl);
    await expectAccessible(page);
    // Verifying signs the person in.
    await page.getByRole("button", { name: "Verify my email" }).click();
    await page.getByText("Your email is verified and you are signed in.").waitFor();
    await page.getByRole("heading", { name: "Welcome, Trần Thị Mai" }).waitFor();
    // The next step links where it says.
    await page.getByRole("link", { name: "Create your startup's profile" }).click();
    await page.waitForURL(/\/startups\/new$/);
    await page.goBack();
    await page.getByText("You are not part of any organisation or startup yet.").waitFor();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await page.getByRole("heading", { name: "Xin chào, Trần Thị Mai" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    for (const label of ["Trang chủ", "Tổ chức", "Đợt tuyển chọn", "Hồ sơ của tôi", "Hồ sơ"]) await nav.getByRole("link", { name: label, exact: true }).waitFor();
    await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    await expectAccessible(page);

    // The choice is remembered on the account: a fresh browser that prefers English still gets Vietnamese.
    const other = await newPage();
    await signIn(other.page, email, password);
    await other.page.getByRole("heading", { name: "Xin chào, Trần Thị Mai" }).waitFor();
    await other.context.close();

    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.getByRole("link", { name: "Đăng nhập" }).waitFor();
    await context.close();
  });

  it("resets a forgotten password through the mailed link", async () => {
    const { context, page } = await newPage();
    await page.goto(`${app.baseUrl}/auth/forgot`);
    await expectAccessible(page);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: /Send reset link|Gửi liên kết đặt lại/ }).click();
    await page.getByText(/a reset link is on its way|liên kết đặt lại mật khẩu đang được gửi/).waitFor();

    // The account's language is Vietnamese now, so the mail is too.
    const resetUrl = await linkFromMailbox(page, app.baseUrl, email, "Đặt lại mật khẩu", "Chọn mật khẩu mới");
    await page.goto(resetUrl);
    await expectAccessible(page);
    await page.getByLabel(/New password|Mật khẩu mới/).fill("second-password-2026");
    await page.getByRole("button", { name: /Save new password|Lưu mật khẩu mới/ }).click();
    await page.getByText(/Your password was changed|Mật khẩu của bạn đã được đổi/).waitFor();

    await signIn(page, email, password);
    await page.getByText(/Email or password is wrong|Email hoặc mật khẩu không đúng/).waitFor();
    await signIn(page, email, "second-password-2026");
    await page.getByRole("heading", { name: "Xin chào, Trần Thị Mai" }).waitFor();
    await context.close();
  });

  it("is invited by a manager, accepts, and gains the role", async () => {
    const manager = await newPage();
    await signIn(manager.page, "manager@demo.binhduong.example", "demo-password-2026");
    await manager.page.goto(`${app.baseUrl}/orgs/bd-incubator`);
    await expectAccessible(manager.page);
    await manager.page.getByLabel(/Their email|Email người được mời/).fill(email);
    await manager.page.getByLabel(/^(Role|Vai trò)$/).selectOption("mentor");
    await manager.page.getByRole("button", { name: /Send invitation|Gửi lời mời/ }).click();
    await manager.page.getByText(new RegExp(`(Invitation sent to|Đã gửi lời mời đến) ${email}`)).waitFor();
    await manager.context.close();

    const { context, page } = await newPage();
    await signIn(page, email, "second-password-2026");
    await page.getByRole("heading", { name: "Xin chào, Trần Thị Mai" }).waitFor();
    const inviteUrl = await linkFromMailbox(page, app.baseUrl, email, "Lời mời tham gia Vườn ươm Doanh nghiệp Bình Dương", "Xem lời mời");
    await page.goto(inviteUrl);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Chấp nhận lời mời" }).click();
    await page.getByText("Bạn đã tham gia Vườn ươm Doanh nghiệp Bình Dương với vai trò Cố vấn.").waitFor();
    await page.goto(app.baseUrl);
    await page.getByRole("link", { name: "Cố vấn tại Vườn ươm Doanh nghiệp Bình Dương" }).waitFor();
    await context.close();
  });
});
