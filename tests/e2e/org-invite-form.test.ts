import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { hydrated, launchBrowser, signIn } from "../support/browser";

// The organisation page is a read page (most of its readers are visitors), so its managers' invite
// form checks itself without react-hook-form (decision 008, fourth pass c): what the manager sees
// must be what react-hook-form gave, in the page's language, and a submit is posted once.

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


/** The organisation page in Vietnamese as its manager, hydrated, with the bodies of the scripts it receives. */
async function managerOnOrgPage() {
  const context = await browser.newContext({ locale: "vi-VN" });
  const page = await context.newPage();
  await signIn(page, app.baseUrl, "manager@demo.binhduong.example");
  const scripts: Promise<string>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script" || r.url().endsWith(".js")) scripts.push(r.text().catch(() => ""));
  });
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  await page.goto(`${app.baseUrl}/orgs/bd-incubator`);
  await page.getByRole("heading", { name: "Mời thành viên" }).waitFor();
  await hydrated(page);
  return { context, page, scripts, posts };
}

// `shouldUnregister` is one of react-hook-form's options: it is in its code, and in no other script.
const loadsReactHookForm = async (scripts: Promise<string>[]) => (await Promise.all(scripts)).some((body) => body.includes("shouldUnregister"));

const email = (page: Page) => page.getByLabel("Email người được mời");
const send = (page: Page) => page.getByRole("button", { name: "Gửi lời mời" });

describe("a manager's invite form on the organisation page", () => {
  it("shows its messages in Vietnamese on blur and on submit, posts once, and never loads react-hook-form", async () => {
    const { context, page, scripts, posts } = await managerOnOrgPage();
    const loaded = scripts.length;
    await email(page).focus();
    // Focusing the form asks for its checks: a script the page had not loaded.
    await expect.poll(() => scripts.length).toBeGreaterThan(loaded);
    await email(page).fill("khong-phai-email");
    await email(page).blur();
    await page.getByText("Hãy nhập địa chỉ email hợp lệ.").waitFor();
    await email(page).fill("");
    await send(page).click();
    await page.getByText("Vui lòng điền trường này.").waitFor();
    expect(await page.getByText("Hãy nhập địa chỉ email hợp lệ.").count()).toBe(0);
    // The wrong field is focused and announced as wrong.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("field-email");
    expect(await email(page).getAttribute("aria-invalid")).toBe("true");
    expect(posts).toEqual([]);
    // Corrected, the message goes on the next change; then one press sends one invitation.
    const invitee = `lan.${Date.now()}@example.test`;
    await email(page).fill(invitee);
    await expect.poll(() => page.getByText("Vui lòng điền trường này.").count()).toBe(0);
    await page.getByLabel("Vai trò").selectOption("mentor");
    await send(page).click();
    await page.getByText(`Đã gửi lời mời đến ${invitee}.`).waitFor();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain("/orgs/bd-incubator");
    await page.getByText(new RegExp(`${invitee.replace(/\./g, "\\.")} · Cố vấn`)).first().waitFor();
    expect(await loadsReactHookForm(scripts)).toBe(false);
    await context.close();
  });

  it("posts a submit made before the checks arrive once, after they arrive", async () => {
    const { context, page, posts } = await managerOnOrgPage();
    // From now on every script is held: the form's checks cannot arrive until released.
    let held = 0;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\.js(\?|$)/, async (route) => {
      held += 1;
      await released;
      await route.continue();
    });
    const invitee = `hoa.${Date.now()}@example.test`;
    await email(page).fill(invitee);
    await send(page).click();
    // A second try, by keyboard, while the first waits.
    await email(page).press("Enter");
    await expect.poll(() => held).toBeGreaterThan(0);
    expect(posts).toEqual([]);
    release();
    await page.getByText(`Đã gửi lời mời đến ${invitee}.`).waitFor();
    expect(posts).toHaveLength(1);
    await context.close();
  });
});
