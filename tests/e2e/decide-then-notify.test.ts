import postgres from "postgres";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { expectAccessible, launchBrowser, signIn } from "../support/browser";

// The demo's Cohort 2027 call with three more applications, each reviewed by two reviewers with
// scores and comments. Reviewers are told (an assignment mail; a reminder from the scheduled job
// once its clock passes the due date). The manager opens applications from the ranking, reads the
// reviews, accepts two and rejects one without telling anyone, undoes one acceptance, previews the
// mails and sends them: each founder told finds exactly one mail, the undone one none.
let app: Awaited<ReturnType<typeof startAppServer>>;
let browser: Browser;
let db: postgres.Sql;
let callId: string;
const HASH = "$2b$10$NqSZrZfh0.fn0AbvLUnt.eZHq.vWrT3iDavHTNJ4U6J41V17VJiyK"; // the demo password's
type Applicant = { code: string; startup: string; founder: string };
const applicants: Applicant[] = [];

async function user(email: string, name: string, locale: "vi" | "en") {
  const [u] = await db<{ id: string }[]>`
    insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
    values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', ${email}, ${HASH}, now(),
            '{"provider":"email","providers":["email"]}', ${db.json({ display_name: name })}, now(), now())
    returning id`;
  await db`insert into public.profiles (id, display_name, locale) values (${u!.id}, ${name}, ${locale})
           on conflict (id) do update set display_name = excluded.display_name, locale = excluded.locale`;
  return u!.id;
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(inject("pgAdminUrl")), launchBrowser()]);
  db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  const [call] = await db<{ id: string; org_id: string }[]>`
    select c.id, p.org_id from public.calls c join public.programs p on p.id = c.program_id where c.slug = 'smart-city-2027'`;
  callId = call!.id;
  const criteria = await db<{ id: string }[]>`select id from public.rubric_criteria where call_id = ${callId} order by position`;
  const reviewers = [await user("thu.reviewer@e2e.example", "Lê Thị Thu", "vi"), await user("meyer.reviewer@e2e.example", "Daniel Meyer", "en")];
  for (const r of reviewers) await db`insert into public.memberships (org_id, user_id, role) values (${call!.org_id}, ${r}, 'reviewer')`;
  // Reviews are due in three days (the call's setting; the scheduler's clock is moved below).
  await db`update public.calls set review_due_at = now() + interval '3 days' where id = ${callId}`;
  const people: [string, string, "vi" | "en", number][] = [
    ["GreenGrid BD", "founder.greengrid@e2e.example", "vi", 5],
    ["ParkSense", "founder.parksense@e2e.example", "en", 4],
    ["FloodWatch", "founder.floodwatch@e2e.example", "vi", 5],
  ];
  for (const [startup, email, locale, level] of people) {
    const founder = await user(email, `Founder of ${startup}`, locale);
    const [s] = await db<{ id: string }[]>`insert into public.startups (slug, name) values (${startup.toLowerCase().replace(/\W+/g, "-")}, ${startup}) returning id`;
    await db`insert into public.startup_members (startup_id, user_id, role) values (${s!.id}, ${founder}, 'founder')`;
    const [a] = await db<{ id: string; code: string }[]>`
      insert into public.applications (call_id, startup_id, status, stage, eligible, submitted_at, created_by)
      values (${callId}, ${s!.id}, 'submitted', 'review', true, now(), ${founder}) returning id, code`;
    // (the seed's way: submitted as a whole, with the answers AgriLink gave)
    await db`insert into public.application_answers (application_id, question_id, value)
             select ${a!.id}, question_id, value from public.application_answers where application_id = '35000000-0000-4000-8000-000000000001'`;
    for (const [i, r] of reviewers.entries()) {
      await db`insert into public.review_assignments (application_id, reviewer_id, status, submitted_at, comment)
               values (${a!.id}, ${r}, 'submitted', now(), ${`Overall (${i === 0 ? "Thu" : "Meyer"}) on ${startup}`})`;
      for (const c of criteria) {
        await db`insert into public.review_scores (application_id, reviewer_id, round, criterion_id, level, comment)
                 values (${a!.id}, ${r}, 'review', ${c.id}, ${level - i}, ${`${i === 0 ? "Thu" : "Meyer"} scored ${startup}`})`;
      }
    }
    applicants.push({ code: a!.code, startup, founder: email });
  }
});
afterAll(async (suite) => {
  if (suite.tasks.some((t) => t.result?.state === "fail")) console.error(app?.output());
  await db?.end();
  await browser?.close();
  await app?.stop();
});

/** The dev mailbox's rows addressed to someone, with a subject matching. */
async function mailRows(page: Page, to: string, subject: RegExp) {
  await page.goto(`${app.baseUrl}/dev/mailbox`);
  return page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).count();
}

describe("reviewers are told", () => {
  it("mails the assignment, and the scheduled job reminds the overdue once its clock passes the due date", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "manager@demo.binhduong.example");
    await page.goto(`${app.baseUrl}/manage/calls/${callId}/reviewers`);
    await page.getByRole("button", { name: "Phân công tự động" }).click();
    await page.getByText(/^Đã tạo 1 phân công/).waitFor();
    await expectAccessible(page);
    // AgriLink had one review of the two required: one of the new reviewers gets it, and a mail.
    expect(await mailRows(page, "reviewer@e2e.example", /Bạn được phân công đánh giá 1 hồ sơ|You have been assigned 1 application/)).toBe(1);

    // The scheduler's tick, four days on (the job clock), past the due date: one overdue reminder
    // to each reviewer with work left, sent by the app's own job runner.
    const tick = new Date(Date.now() + 4 * 86_400_000).toISOString();
    await db`select graphile_worker.add_job('applications.remind-reviewers', ${db.json({ _cron: { ts: tick, backfilled: false } })}::json)`;
    await expect.poll(() => mailRows(page, "reviewer@demo.binhduong.example", /Đã quá hạn: còn 1 hồ sơ/), { timeout: 30_000 }).toBe(1);
    await context.close();
  });
});

describe("decisions checked before anyone is told", () => {
  it("accepts two and rejects one silently, undoes one, previews the mails, and each founder told gets one", async () => {
    const [green, park, flood] = applicants as [Applicant, Applicant, Applicant];
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "manager@demo.binhduong.example");
    const base = `${app.baseUrl}/manage/calls/${callId}`;

    // From the ranking to an application: each reviewer's scores and comments.
    await page.goto(`${base}/ranking`);
    await page.getByRole("link", { name: green.code }).click();
    await page.getByRole("heading", { name: `${green.code} · ${green.startup}` }).waitFor();
    for (const name of ["Lê Thị Thu", "Daniel Meyer"]) await page.getByText(name).first().waitFor();
    await page.getByText(`Thu scored ${green.startup}`).first().waitFor();
    await page.getByText(`Meyer scored ${green.startup}`).first().waitFor();
    await page.getByText(`Overall (Meyer) on ${green.startup}`, { exact: false }).waitFor();
    await page.getByText("Không có cảnh báo.").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Chấp nhận", exact: true }).click();
    await page.getByText("Đã lưu quyết định, chưa gửi.").waitFor();
    await page.getByText("Chưa gửi: Chấp nhận").waitFor();

    for (const [who, decision] of [[flood, "Chấp nhận"], [park, "Từ chối"]] as const) {
      await page.goto(`${base}/ranking`);
      await page.getByRole("link", { name: who.code }).click();
      await page.getByRole("heading", { name: `${who.code} · ${who.startup}` }).waitFor();
      await page.getByRole("button", { name: decision, exact: true }).click();
      await page.getByText("Đã lưu quyết định, chưa gửi.").waitFor();
    }
    await page.goto(`${base}/ranking`);
    await page.getByRole("row", { name: new RegExp(green.code) }).getByText("Chấp nhận, chưa gửi").waitFor();
    await page.getByRole("row", { name: new RegExp(park.code) }).getByText("Từ chối, chưa gửi").waitFor();
    // Nothing has gone out.
    for (const a of applicants) expect(await mailRows(page, a.founder, /Kết quả hồ sơ|Decision on/)).toBe(0);

    // Undo FloodWatch's acceptance from the decisions tab.
    await page.goto(`${base}/decisions`);
    await page.getByRole("button", { name: `Hủy quyết định về hồ sơ ${flood.code}` }).click();
    await page.getByText("Đã hủy quyết định. Không có gì được gửi.").waitFor();
    await expectAccessible(page);

    // The preview: each mail as its founder reads it, then one confirmation with the counts.
    await page.getByRole("link", { name: "Xem trước và gửi email" }).click();
    // Each mail's HTML in a frame titled with its recipient, as the outbox will hold it.
    const mail = (to: string) => page.frameLocator(`iframe[title="Email gửi ${to}, đúng như người nhận sẽ thấy"]`);
    await mail(green.founder).getByText("Chúc mừng! Hồ sơ của bạn đã được chọn vào khóa ươm tạo 2027.", { exact: false }).waitFor();
    await mail(park.founder).getByText("Thank you for applying. This time we could not select your startup.", { exact: false }).waitFor();
    expect(await page.getByText(flood.startup).count()).toBe(0);
    await expectAccessible(page);
    // Each frame loads its mail from an address of its own, which only the call's managers may
    // open: the founder it is addressed to gets the 404 page.
    const preview = await page.locator(`iframe[title="Email gửi ${green.founder}, đúng như người nhận sẽ thấy"]`).getAttribute("src");
    const founderContext = await browser.newContext({ locale: "en-US" });
    const founderPage = await founderContext.newPage();
    await signIn(founderPage, app.baseUrl, green.founder);
    expect((await founderPage.goto(`${app.baseUrl}${preview}`))!.status()).toBe(404);
    await founderContext.close();
    await page.getByRole("button", { name: "Gửi 1 thư chấp nhận và 1 thư từ chối" }).click();
    await page.getByText("Đã gửi: 1 thư chấp nhận và 1 thư từ chối.").waitFor();
    await page.getByText("Không có quyết định nào đang chờ gửi.").waitFor();

    expect(await mailRows(page, green.founder, /Kết quả hồ sơ/)).toBe(1);
    expect(await mailRows(page, park.founder, /Decision on/)).toBe(1);
    expect(await mailRows(page, flood.founder, /./)).toBe(0);
    await context.close();
  });
});
