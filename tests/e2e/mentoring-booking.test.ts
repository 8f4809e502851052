import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { expectAccessible, launchBrowser, signIn } from "../support/browser";

// Booking with the demo data, in a browser: the demo founder (Ngô Gia Huy, reading Vietnamese) of
// SmartWater, matched to Anna de Vries, opens Mentoring from the shell, books one of Anna's free
// slots, and both find the mail with its calendar file in the dev mailbox; then the founder moves
// the session and cancels it, each change mailed to both. Every page passes axe.
const FOUNDER = "founder@demo.binhduong.example";
const ANNA = "mentor@demo.binhduong.example";
const MOVED = "Đã đổi lịch. Cả hai bên đều nhận được thư kèm lời mời cập nhật.";
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

async function as(email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signIn(page, app.baseUrl, email);
  return page;
}

/** The dev mailbox's rows to someone whose subject matches and that carry the calendar file. */
async function mailsWithInvite(page: Page, to: string, subject: RegExp) {
  await page.goto(`${app.baseUrl}/dev/mailbox`);
  return page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).filter({ hasText: "invite.ics" }).count();
}

/**
 * Clicks the nth free slot whose button's name matches, from the week after next (so the session is
 * past Anna's 24-hour cutoff and can still be moved and cancelled, whatever the hour the test runs),
 * moving on a week while a week has too few.
 */
async function pickSlot(page: Page, name: RegExp, nth = 0) {
  for (let skip = 0; skip < 2; skip++) {
    await page.getByRole("link", { name: "Tuần sau" }).click();
    await page.getByRole("heading", { level: 1 }).waitFor();
  }
  for (let week = 0; week < 4; week++) {
    const slot = page.getByRole("button", { name }).nth(nth);
    if ((await slot.count()) > 0) {
      await slot.click();
      return;
    }
    await page.getByRole("link", { name: "Tuần sau" }).click();
    await page.getByRole("heading", { level: 1 }).waitFor();
  }
  throw new Error("no free slot in four weeks");
}

describe("booking a mentor with the demo data", () => {
  it("the founder books, moves and cancels a session with Anna; both are mailed an invitation each time", async () => {
    const f = await as(FOUNDER);
    await f.getByRole("link", { name: "Cố vấn", exact: true }).click();
    await f.getByRole("heading", { name: "Cố vấn", level: 1 }).waitFor();
    expect(new URL(f.url()).pathname).toBe("/mentoring");
    await f.getByRole("link", { name: "Cố vấn và nhu cầu của SmartWater BD" }).waitFor();
    await expectAccessible(f);

    await f.getByRole("link", { name: "Xem giờ trống của Anna de Vries" }).click();
    await f.getByRole("heading", { name: "Đặt lịch với Anna de Vries" }).waitFor();
    await expectAccessible(f);
    await pickSlot(f, /^Đặt ngày /);
    await f.getByText("Đã đặt lịch. Cả hai bên đều nhận được thư kèm lời mời lịch.").waitFor();
    await expectAccessible(f);

    // the founder reads Vietnamese, Anna English: each mail in its reader's language, each with the .ics
    await expect.poll(() => mailsWithInvite(f, FOUNDER, /Buổi cố vấn đã được đặt với Anna de Vries/), { timeout: 30_000 }).toBe(1);
    const anna = await as(ANNA);
    await expect.poll(() => mailsWithInvite(anna, ANNA, /Mentoring session booked with SmartWater/), { timeout: 30_000 }).toBe(1);
    await anna.goto(`${app.baseUrl}/mentoring/sessions`);
    await anna.getByRole("cell", { name: "SmartWater BD" }).waitFor();
    await expectAccessible(anna);

    await f.goto(`${app.baseUrl}/mentoring/sessions`);
    await f.getByRole("link", { name: "Đổi lịch" }).click();
    await f.getByRole("heading", { name: "Đổi lịch buổi với Anna de Vries" }).waitFor();
    await expectAccessible(f);
    await pickSlot(f, /^Đổi sang ngày /, 1); // not the time it has now
    await f.getByText(MOVED).waitFor();
    await expect.poll(() => mailsWithInvite(f, FOUNDER, /Buổi cố vấn với Anna de Vries đã đổi sang/), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => mailsWithInvite(anna, ANNA, /Mentoring session with SmartWater BD moved to/), { timeout: 30_000 }).toBe(1);

    await f.goto(`${app.baseUrl}/mentoring/sessions`);
    await f.getByRole("button", { name: /^Hủy buổi lúc / }).click();
    await f.getByText("Đã hủy buổi. Cả hai bên đều nhận được thư xóa buổi khỏi lịch.").waitFor();
    await f.getByRole("cell", { name: "Đã hủy" }).waitFor();
    await expectAccessible(f);
    await expect.poll(() => mailsWithInvite(f, FOUNDER, /Buổi cố vấn với Anna de Vries đã bị hủy/), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => mailsWithInvite(anna, ANNA, /Mentoring session with SmartWater BD cancelled/), { timeout: 30_000 }).toBe(1);
  });
});
