import type { Browser } from "playwright-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { expectAccessible, launchBrowser, signedInPage } from "../support/browser";

// The demo forum's staff write to its attendees, in a browser: Trần Thị Mai (staff of the
// innovation centre, reading Vietnamese) writes in Vietnamese only, previews the mail as readers
// of each language get it with the number of people, sends, and sees the message listed; the
// attendee's mail is in the dev mailbox. Every page passes axe.
const STAFF = "manager@demo.binhduong.example";
const ATTENDEE = "public@demo.binhduong.example";
let app: Awaited<ReturnType<typeof startAppServer>>;
let browser: Browser;
let eventId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(inject("pgAdminUrl")), launchBrowser()]);
  // the demo's public account holds a confirmed ticket for the forum (written as the service)
  const db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await db<{ id: string }[]>`
      with e as (select id from public.events where slug = 'binh-duong-innovation-forum'),
           u as (select id from auth.users where email = ${ATTENDEE}),
           t as (select id from public.ticket_types where event_id = (select id from e) order by position, created_at limit 1),
           o as (insert into public.event_orders (event_id, buyer_id, email, locale, status, total_vnd, confirmed_at)
                 select e.id, u.id, ${ATTENDEE}, 'vi', 'confirmed', 0, now() from e, u returning id, event_id, buyer_id)
      insert into public.event_tickets (order_id, event_id, ticket_type_id, buyer_id, attendee_name, attendee_email, locale, price_vnd)
      select o.id, o.event_id, (select id from t), o.buyer_id, 'Đỗ Minh Tuấn', ${ATTENDEE}, 'vi', 0 from o
      returning event_id as id`;
    eventId = row!.id;
  } finally {
    await db.end();
  }
});
afterAll(async (suite) => {
  if (suite.tasks.some((t) => t.result?.state === "fail")) console.error(app?.output());
  await browser?.close();
  await app?.stop();
});

describe("messages to the demo forum's attendees", () => {
  it("staff preview a message in both languages, send it, and the attendee receives it", async () => {
    const page = await signedInPage(browser, app.baseUrl, STAFF, { locale: "vi-VN" });
    await page.goto(`${app.baseUrl}/manage/events/${eventId}/messages`);
    await page.getByRole("heading", { name: "Diễn đàn Đổi mới Sáng tạo Bình Dương", level: 1 }).waitFor();
    await expectAccessible(page);

    await page.getByLabel("Tiêu đề tiếng Việt").fill("Đổi địa điểm đón khách");
    await page.getByLabel("Nội dung tiếng Việt").fill("Xe đưa đón khởi hành từ cổng số 2.\n\nHẹn gặp bạn tại diễn đàn.");
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.getByText("1 người sẽ nhận: 1 bằng tiếng Việt, 0 bằng tiếng Anh.").waitFor();
    // the English readers' mail: English around the Vietnamese text that was written
    const english = page.frameLocator('iframe[title^="Bản người đọc tiếng Anh nhận"]');
    await english.getByText("View the event").waitFor();
    await english.getByText("Xe đưa đón khởi hành từ cổng số 2.").waitFor();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Gửi", exact: true }).click();
    await page.getByText("Đã gửi thông báo đến 1 người.").waitFor();
    await page.getByRole("row").filter({ hasText: "Đổi địa điểm đón khách" }).filter({ hasText: "Trần Thị Mai" }).waitFor();
    await expectAccessible(page);

    await page.goto(`${app.baseUrl}/dev/mailbox`);
    const row = page.getByRole("row").filter({ hasText: ATTENDEE }).filter({ hasText: "Diễn đàn Đổi mới Sáng tạo Bình Dương: Đổi địa điểm đón khách" });
    await expect.poll(() => row.count()).toBe(1);
  });
});
