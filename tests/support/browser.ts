import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import postgres from "postgres";
import { expect } from "vitest";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/**
 * axe-core on the page as it stands: no WCAG A/AA violation is allowed. Sandboxed frames (a mail's
 * preview) are left out: with Debian's Chromium 156, axe never returns from inside a frame whose
 * scripts are off, and the mail preview itself sends a sandbox policy, so it cannot be checked as
 * a page of its own either.
 */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).exclude("iframe[sandbox]").analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** Signs in through the form (the demo password unless another is given) and waits until it has. */
export async function signIn(page: Page, baseUrl: string, email: string, password = "demo-password-2026") {
  await page.goto(`${baseUrl}/auth/sign-in`);
  await page.getByLabel(/^(Email)$/).fill(email);
  await page.getByLabel(/^(Password|Mật khẩu)$/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|Đăng nhập)$/ }).click();
  // With the app's JavaScript running, sign-in is a fetch: wait for its outcome before moving on.
  // Attached, not visible: on a phone the sign-out button sits in the folded menu.
  await page.getByRole("button", { name: /^(Sign out|Đăng xuất)$/, includeHidden: true }).waitFor({ state: "attached" });
}

/** A page in a context of its own (its own cookies), signed in as `email`; English unless the options say otherwise. */
export async function signedInPage(browser: Browser, baseUrl: string, email: string, options: BrowserContextOptions = {}) {
  const page = await (await browser.newContext({ locale: "en-US", ...options })).newPage();
  await signIn(page, baseUrl, email);
  return page;
}

/** A 390 × 844 touch phone, for `signedInPage` or `browser.newContext`. */
// ScrollRestoration sets this in an effect: the page has hydrated and its fields' handlers are attached.
export const hydrated = (page: Page) => page.waitForFunction(() => window.history.scrollRestoration === "manual");

export const phoneViewport = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } satisfies BrowserContextOptions;

/** The id of the demo's forum (`binh-duong-innovation-forum`, from the seed), read as the service. */
export async function demoForumId(databaseUrl: string) {
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [forum] = await db<{ id: string }[]>`select id from public.events where slug = 'binh-duong-innovation-forum'`;
    return forum!.id;
  } finally {
    await db.end();
  }
}

/** Opens the newest mail to an address in the dev mailbox and returns the href of its link with the given text. */
export async function linkFromMailbox(page: Page, baseUrl: string, to: string, subject: string, linkText: string) {
  await page.goto(`${baseUrl}/dev/mailbox`);
  const row = page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first();
  await row.getByRole("link", { name: subject }).click();
  const href = await page.getByRole("link", { name: linkText }).getAttribute("href");
  if (!href) throw new Error(`no "${linkText}" link in the mail`);
  return href;
}
