import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeSql } from "~/platform/db/sql.server";
import { asService } from "~/platform/db/transaction.server";
import { resetEnv } from "~/platform/env.server";
import { formatDate } from "~/platform/i18n/format";
import { startAppServer } from "../support/app-server";
import { createCall, createProgram } from "../support/application-factories";
import { expectAccessible, launchBrowser, linkFromMailbox, signIn } from "../support/browser";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";

// The whole loop of issue 3 through the browser, one person per browser context: a founder
// applies with a PDF deck, the manager assigns the reviewer, the reviewer scores every criterion,
// the manager accepts with an offer deadline, the founder finds the decision mail in their
// language, confirms, and the startup appears in the programme's cohort. Accounts, organisation,
// programme, call, form and rubric are set up by factories; every step of the loop is a click.
let app: Awaited<ReturnType<typeof startAppServer>>;
let browser: Browser;

const PROGRAMME = { vi: "Ươm tạo nước thông minh", en: "Smart water incubation" };
const CALL = { vi: "Tuyển chọn nước sạch 2027", en: "Clean water 2027 call" };
const STARTUP = "HydroSense BD";
const TEMPLATE = {
  vi: "Chúc mừng! HydroSense BD được chọn vào khóa nước sạch 2027.",
  en: "Congratulations! HydroSense BD was selected for the clean water 2027 cohort.",
};
const PROBLEM = "Nhà máy nước mất 25% nước sạch vì rò rỉ không phát hiện được.";

type People = { manager: TestUser; reviewer: TestUser; outsider: TestUser; founder: TestUser; cofounder: TestUser };
let people: People;

/** The incubator, its people, the startup, and a published, open call with a form and a rubric. */
async function setUp(): Promise<People> {
  const org = await createOrg();
  const [manager, reviewer, outsider, founder, cofounder] = await Promise.all([
    createUser({ locale: "en", name: "Mai Tran" }),
    createUser({ locale: "en", name: "Hung Pham" }),
    createUser({ locale: "en", name: "Lan Vo" }),
    createUser({ locale: "vi", name: "Lê Thu Hà" }),
    createUser({ locale: "en", name: "Khoa Nguyen" }),
  ]);
  await addMember(org.id, manager.id, "manager");
  await addMember(org.id, reviewer.id, "reviewer");
  // A reviewer of another incubator: never assigned, never sees the deck.
  await addMember((await createOrg()).id, outsider.id, "reviewer");
  const startup = await createStartup(founder.id);
  const programme = await createProgram(org.id);
  const call = await createCall(programme.id, { reviewsPerApplication: 1, blind: ["founders"] });
  await asService(async (tx) => {
    await tx`update public.startups set name = ${STARTUP}, sector = 'Smart water', stage = 'mvp' where id = ${startup.id}`;
    await tx`insert into public.startup_members (startup_id, user_id, role) values (${startup.id}, ${cofounder.id}, 'founder')`;
    await tx`update public.programs set name_vi = ${PROGRAMME.vi}, name_en = ${PROGRAMME.en} where id = ${programme.id}`;
    await tx`update public.calls set title_vi = ${CALL.vi}, title_en = ${CALL.en} where id = ${call.id}`;
    await tx`
      insert into public.call_questions (call_id, step, position, kind, label_vi, label_en, required, max_length, min_number, max_number) values
        (${call.id}, 1, 1, 'long_text', 'Bạn giải quyết vấn đề gì?', 'Which problem do you solve?', true, 3000, null, null),
        (${call.id}, 1, 2, 'number', 'Số thành viên toàn thời gian', 'Full-time team members', true, null, 1, 200),
        (${call.id}, 2, 1, 'file', 'Bài thuyết trình (PDF)', 'Pitch deck (PDF)', true, null, null, null),
        (${call.id}, 2, 2, 'link', 'Video giới thiệu', 'Pitch video', false, 500, null, null)`;
    const criteria = await tx<{ id: string }[]>`
      insert into public.rubric_criteria (call_id, position, name_vi, name_en, weight, comment_required, max_level) values
        (${call.id}, 1, 'Vấn đề và thị trường', 'Problem and market', 3, false, 5),
        (${call.id}, 2, 'Đội ngũ', 'Team', 2, true, 5)
      returning id`;
    await tx`
      insert into public.rubric_levels (criterion_id, level, description_vi, description_en)
      select c, l.level, l.vi, l.en
        from unnest(${tx.array(criteria.map((c) => c.id))}::uuid[]) as c
       cross join (values (1, 'Rất yếu', 'Very weak: no evidence'), (2, 'Yếu', 'Weak: scattered evidence'),
                          (3, 'Đạt', 'Adequate: partly convincing'), (4, 'Tốt', 'Good: convincing, with data'),
                          (5, 'Xuất sắc', 'Excellent: strong, verified evidence')) as l(level, vi, en)`;
  });
  return { manager, reviewer, outsider, founder, cofounder };
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(inject("pgAdminUrl")), launchBrowser()]);
  // The factories write into the app's own database.
  process.env.DATABASE_URL = app.databaseUrl;
  resetEnv();
  people = await setUp();
});
afterAll(async (suite) => {
  if (suite.tasks.some((t) => t.result?.state === "fail")) console.error(app?.output());
  await closeSql();
  await browser?.close();
  await app?.stop();
});

/** A small, real PDF. */
const deck = () =>
  Buffer.from(
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    "latin1",
  );

describe("the application loop", () => {
  it("founder applies with a deck, reviewer scores, manager accepts, founder confirms from the mail, the startup is in the cohort", { timeout: 300_000 }, async () => {
    const { manager, reviewer, founder, cofounder } = people;
    const base = app.baseUrl;
    const pageErrors: string[] = [];
    const contextFor = async (user: TestUser) => {
      const context = await browser.newContext({ locale: "en-US" });
      const page = await context.newPage();
      page.on("pageerror", (e) => pageErrors.push(`${user.name}: ${e.message}`));
      await signIn(page, app.baseUrl, user.email, user.password);
      return { context, page };
    };

    // ── The founder (reads Vietnamese) applies step by step with the deck, and submits.
    const { page: fp } = await contextFor(founder);
    await fp.goto(`${base}/calls`);
    await fp.getByRole("heading", { name: "Đợt tuyển chọn", level: 1 }).waitFor();
    await expectAccessible(fp);
    await fp.getByRole("link", { name: CALL.vi }).click();
    await fp.getByRole("heading", { name: CALL.vi, level: 1 }).waitFor();
    await expectAccessible(fp);
    await fp.getByRole("main").getByRole("link", { name: "Nộp hồ sơ", exact: true }).click();
    await fp.getByLabel("Khởi nghiệp nộp hồ sơ").waitFor();
    await expectAccessible(fp);
    await fp.getByRole("button", { name: "Bắt đầu hồ sơ" }).click();
    await fp.waitForURL(/\/applications\/[0-9a-f-]{36}\/edit\?step=1$/);
    const applicationPath = new URL(fp.url()).pathname.replace(/\/edit$/, "");

    await fp.getByRole("heading", { name: "Bước 1", level: 2 }).waitFor();
    await expectAccessible(fp);
    await fp.getByLabel(/^Bạn giải quyết vấn đề gì\?/).fill(PROBLEM);
    await fp.getByLabel(/^Số thành viên toàn thời gian/).fill("4");
    await fp.getByRole("button", { name: "Lưu và tiếp tục" }).click();

    await fp.getByRole("heading", { name: "Bước 2", level: 2 }).waitFor();
    await expectAccessible(fp);
    await fp.getByLabel(/^Bài thuyết trình \(PDF\)/).setInputFiles({ name: "hydrosense-deck.pdf", mimeType: "application/pdf", buffer: deck() });
    await fp.getByLabel(/^Video giới thiệu/).fill("https://video.example/hydrosense");
    await fp.getByRole("button", { name: "Lưu và tiếp tục" }).click();

    await fp.getByRole("heading", { name: "Xem lại và nộp", level: 2 }).waitFor();
    await fp.getByRole("link", { name: "hydrosense-deck.pdf" }).waitFor();
    await fp.getByText(PROBLEM).waitFor();
    await expectAccessible(fp);
    await fp.getByRole("button", { name: "Nộp hồ sơ" }).click();
    await fp.waitForURL((url) => url.pathname === applicationPath);
    await fp.getByText("Hồ sơ đã được nộp. Chúng tôi đã gửi email xác nhận.").waitFor();
    await fp.getByRole("heading", { name: `Hồ sơ của ${STARTUP}`, level: 1 }).waitFor();
    await fp.getByText("Đã nộp và được tiếp nhận").waitFor();
    await expectAccessible(fp);

    // ── The manager (reads English) finds the call and assigns the incubator's reviewer.
    const { page: mp } = await contextFor(manager);
    await mp.getByRole("link", { name: /^(Manage|Quản lý)$/ }).click();
    await mp.waitForURL(/\/manage$/);
    await mp.getByRole("heading", { name: "Programmes and calls" }).waitFor();
    await expectAccessible(mp);
    await mp.getByRole("link", { name: PROGRAMME.en }).click();
    await mp.waitForURL(/\/manage\/programmes\/[0-9a-f-]{36}$/);
    const programmeUrl = mp.url();
    await mp.getByRole("heading", { name: PROGRAMME.en, level: 1 }).waitFor();
    await expectAccessible(mp);
    await mp.getByRole("link", { name: CALL.en }).click();
    await mp.waitForURL(/\/manage\/calls\/[0-9a-f-]{36}$/);
    const callUrl = mp.url();
    const tabs = mp.getByRole("navigation", { name: "Call sections" });
    await tabs.getByRole("link", { name: "Reviewers" }).click();
    await mp.getByRole("heading", { name: `${CALL.en}: Reviewers` }).waitFor();
    await mp.getByText("1 applications can be assigned; 1 have fewer than 1 active reviews.").waitFor();
    await expectAccessible(mp);
    await mp.getByRole("button", { name: "Assign automatically" }).click();
    await mp.getByText("1 assignment(s) made; 0 conflicted pair(s) left out.").waitFor();
    const reviewerRow = mp.getByRole("row", { name: new RegExp(reviewer.name) });
    // assigned, to do, submitted, abstained, recused, last reminded, remind
    await expect.poll(() => reviewerRow.getByRole("cell").allTextContents(), { timeout: 10_000 }).toEqual(["1", "1", "0", "0", "0", "—", "Remind"]);
    await mp.getByText("1 applications can be assigned; 0 have fewer than 1 active reviews.").waitFor();
    await expectAccessible(mp);

    // ── The reviewer scores every criterion on the anchored levels and submits.
    const { page: rp } = await contextFor(reviewer);
    await rp.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" }).click();
    await rp.getByRole("heading", { name: "Applications to review" }).waitFor();
    await rp.getByRole("heading", { name: CALL.en }).waitFor();
    await rp.getByText("0 of 1 done").first().waitFor();
    await expectAccessible(rp);
    await rp.getByRole("link", { name: /^Open application / }).click();
    await rp.waitForURL(/\/review\/[0-9a-f-]{36}/);
    await rp.getByRole("heading", { name: /^Application [A-Z0-9]{8}$/ }).waitFor();
    const code = (await rp.getByRole("heading", { name: /^Application [A-Z0-9]{8}$/ }).textContent())!.slice(-8);
    // Blind on founders: the startup is named, its founders are not.
    await rp.getByText(STARTUP).first().waitFor();
    await rp.getByText("Blind review: the founders' names are hidden.").waitFor();
    await rp.getByText(PROBLEM).waitFor();
    expect(await rp.content()).not.toContain(founder.name);
    await expectAccessible(rp);
    // The deck is a link that opens the PDF in a tab of its own, named by the application's code
    // (the founder's file name could name them); a reviewer of another incubator gets 404.
    expect(await rp.content()).not.toContain("hydrosense-deck.pdf");
    const deckLink = rp.getByRole("link", { name: `${code}.pdf` });
    expect(await deckLink.getAttribute("target")).toBe("_blank");
    const deckUrl = `${base}${await deckLink.getAttribute("href")}`;
    const pdf = await rp.request.get(deckUrl);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const [tab] = await Promise.all([rp.context().waitForEvent("page"), deckLink.click()]);
    await tab!.waitForLoadState();
    expect(tab!.url()).toBe(deckUrl);
    await tab!.close();
    const { context: outsider } = await contextFor(people.outsider);
    expect((await outsider.request.get(deckUrl)).status()).toBe(404);
    await outsider.close();

    // With the keyboard: into the first group, Space picks level 1, three arrows move to level 4.
    const problem = rp.getByRole("group", { name: /^Problem and market/ });
    await problem.getByRole("radio", { name: /^1 ·/ }).focus();
    await rp.keyboard.press("Space");
    for (let i = 0; i < 3; i++) await rp.keyboard.press("ArrowDown");
    expect(await problem.getByRole("radio", { name: /^4 · Good: convincing, with data$/ }).isChecked()).toBe(true);
    await rp.getByRole("group", { name: /^Team/ }).getByRole("radio", { name: /^5 ·/ }).check();
    await rp.getByLabel("Comment on Team").fill("Two engineers who have run a water utility's network.");
    await rp.getByLabel("Overall comment").fill("A costly, well evidenced problem and a team that can deliver.");
    await rp.getByRole("button", { name: "Submit review" }).click();
    await rp.getByText("Your review was submitted. Thank you.").waitFor();
    await rp.getByText("Level 4: Good: convincing, with data").waitFor();
    await rp.getByText("Level 5: Excellent: strong, verified evidence").waitFor();
    await expectAccessible(rp);
    await rp.getByRole("link", { name: "Back to your applications" }).click();
    await rp.getByText("1 of 1 done").first().waitFor();
    await expectAccessible(rp);

    // ── The manager gives founders 10 days to answer, writes the messages, and accepts.
    await mp.goto(callUrl);
    await tabs.getByRole("link", { name: "Settings" }).click();
    await mp.getByLabel("Days a founder has to accept an offer").fill("10");
    await mp.getByRole("button", { name: "Save", exact: true }).first().click();
    await mp.getByText("Saved.").waitFor();
    await expectAccessible(mp);

    await tabs.getByRole("link", { name: "Decisions" }).click();
    await mp.getByRole("heading", { name: `${CALL.en}: Decisions` }).waitFor();
    await mp.getByText("No decision yet.").waitFor();
    await mp.getByText("by default for 10 days after the founders are told").waitFor();
    await mp.getByLabel("Accepted: Vietnamese message").fill(TEMPLATE.vi);
    await mp.getByLabel("Accepted: English message").fill(TEMPLATE.en);
    for (const [decision, vi, en] of [
      ["Waitlisted", "Hồ sơ nằm trong danh sách chờ.", "Your application is on the waiting list."],
      ["Rejected", "Cảm ơn bạn đã nộp hồ sơ.", "Thank you for applying."],
    ]) {
      await mp.getByLabel(`${decision}: Vietnamese message`).fill(vi!);
      await mp.getByLabel(`${decision}: English message`).fill(en!);
    }
    await mp.getByRole("button", { name: "Save templates" }).click();
    await mp.getByText("Templates saved.").waitFor();
    await expectAccessible(mp);

    await tabs.getByRole("link", { name: "Ranking" }).click();
    await mp.getByRole("heading", { name: `${CALL.en}: Ranking` }).waitFor();
    // (3 × 4/5 + 2 × 5/5) / 5 = 88 of 100
    const ranked = mp.getByRole("row", { name: new RegExp(STARTUP) });
    await ranked.getByRole("cell", { name: "88.00" }).waitFor();
    await expectAccessible(mp);
    await mp.getByLabel(`Select ${code} ${STARTUP}`).check();
    await mp.getByLabel("Action").selectOption("decision:accepted");
    await mp.getByLabel("Include the call's message template in the mail").check();
    await mp.getByRole("button", { name: "Apply to selected" }).click();
    await mp.getByText(/^1 decision\(s\) saved, 0 left as they were\. Nobody has been told yet/).waitFor();
    await ranked.getByText("Accepted, not yet sent").waitFor();
    await expectAccessible(mp);

    // Nobody is told until the manager sends, from the decisions tab.
    await tabs.getByRole("link", { name: "Decisions" }).click();
    await mp.getByRole("link", { name: "Preview and send the mails" }).click();
    // Each mail in a frame of its own, in its reader's language. (Looking for the messages on the
    // page itself found them in the decisions page's text boxes while it was still showing.)
    const mail = (to: string) => mp.frameLocator(`iframe[title="The mail to ${to}, as it will look"]`);
    await mail(founder.email).getByText(TEMPLATE.vi).waitFor();
    await mail(cofounder.email).getByText(TEMPLATE.en).waitFor();
    await expectAccessible(mp);
    await mp.getByRole("button", { name: "Send 1 acceptance" }).click();
    await mp.getByText("Sent: 1 acceptance.").waitFor();
    // the page has reloaded its data after the post: nothing is left to send
    await mp.getByText("No decision is waiting to be sent.").waitFor();
    await tabs.getByRole("link", { name: "Decisions" }).click();
    const decided = mp.getByRole("row", { name: new RegExp(STARTUP) });
    await decided.getByRole("cell", { name: "Accepted" }).waitFor();
    await decided.getByRole("cell", { name: "Awaiting" }).waitFor();
    const offerDeadline = (await decided.getByRole("cell", { name: /\(Indochina Time, GMT\+7\)$/ }).textContent())!;
    await expectAccessible(mp);
    // Accepted is not yet in: the programme's cohort waits for the founders.
    await mp.goto(programmeUrl);
    await mp.getByRole("link", { name: "Cohort of this programme" }).click();
    await mp.waitForURL(/\/manage\/programmes\/[0-9a-f-]{36}\/cohort$/);
    await mp.getByRole("heading", { name: `Cohort · ${PROGRAMME.en}`, level: 1 }).waitFor();
    await mp.getByText("No startup has joined this programme's cohort yet.", { exact: false }).waitFor();
    await expectAccessible(mp);

    // ── The founder finds the decision mail, in Vietnamese, follows its link and confirms.
    await fp.goto(`${base}/dev/mailbox`);
    await expectAccessible(fp);
    const subjectVi = `Kết quả hồ sơ của ${STARTUP}: ${CALL.vi}`;
    const confirmLink = await linkFromMailbox(fp, base, founder.email, subjectVi, "Xác nhận tham gia");
    expect(new URL(confirmLink).pathname).toBe(applicationPath);
    await fp.getByText(`Hồ sơ ${code} của ${STARTUP} đã được chấp nhận.`).waitFor();
    await fp.getByText(TEMPLATE.vi).waitFor();
    await fp.getByText(/^Hãy xác nhận tham gia trước .* \(Giờ Đông Dương, GMT\+7\)\./).waitFor();
    expect(await fp.content()).not.toContain(TEMPLATE.en);
    await expectAccessible(fp);
    // The mail's button opens the page in a new tab, as a mail client would.
    const [offerPage] = await Promise.all([fp.context().waitForEvent("page"), fp.getByRole("link", { name: "Xác nhận tham gia" }).click()]);
    const op = offerPage!;
    op.on("pageerror", (e) => pageErrors.push(`${founder.name}: ${e.message}`));
    await op.waitForURL((url) => url.pathname === applicationPath);
    await op.getByRole("heading", { name: "Bạn nhận được lời mời tham gia" }).waitFor();
    await op.getByText(`Khởi nghiệp của bạn đã được chọn vào ${PROGRAMME.vi}. Hãy xác nhận hoặc từ chối.`).waitFor();
    await expectAccessible(op);
    await op.getByRole("button", { name: "Xác nhận tham gia" }).click();
    await op.getByText("Bạn đã xác nhận tham gia. Chào mừng đến với khóa ươm tạo!").waitFor();
    await op.getByRole("listitem").filter({ hasText: "Đã xác nhận tham gia" }).first().waitFor();
    expect(await op.getByRole("button", { name: "Xác nhận tham gia" }).count()).toBe(0);
    await expectAccessible(op);

    // The co-founder reads English: the same decision reached them in English.
    await fp.goto(`${base}/dev/mailbox`);
    await fp
      .getByRole("row")
      .filter({ hasText: cofounder.email })
      .filter({ hasText: `Decision on ${STARTUP}'s application: ${CALL.en}` })
      .waitFor();

    // ── The manager sees the answer, and the startup in the cohort with its founders, stage and sector.
    await mp.goto(`${callUrl}/decisions`);
    await decided.getByRole("cell", { name: "Confirmed" }).waitFor();
    expect(offerDeadline).toMatch(/\(Indochina Time, GMT\+7\)$/);
    await tabs.getByRole("link", { name: "Cohort" }).click();
    const member = mp.getByRole("row", { name: new RegExp(STARTUP) });
    await member.getByRole("cell", { name: `${founder.name}, ${cofounder.name}` }).waitFor();
    await member.getByRole("cell", { name: "MVP" }).waitFor();
    await member.getByRole("cell", { name: "Smart water" }).waitFor();
    await member.getByRole("cell", { name: code }).waitFor();
    await expectAccessible(mp);

    // The cohort belongs to the programme: its own page lists the startup and the call it came through.
    await mp.goto(programmeUrl);
    await mp.getByRole("link", { name: "Cohort of this programme" }).click();
    await mp.waitForURL(/\/cohort$/);
    await mp.getByText("1 startup", { exact: true }).waitFor();
    const inCohort = mp.getByRole("row", { name: new RegExp(STARTUP) });
    await inCohort.getByRole("link", { name: STARTUP }).waitFor();
    await inCohort.getByRole("cell", { name: `${founder.name}, ${cofounder.name}` }).waitFor();
    await inCohort.getByRole("cell", { name: "MVP" }).waitFor();
    await inCohort.getByRole("cell", { name: "Smart water" }).waitFor();
    await inCohort.getByRole("cell", { name: `${CALL.en} · application ${code}` }).waitFor();
    // Joined today, in the manager's time zone.
    await inCohort.getByRole("cell", { name: formatDate(new Date(), "en", "Asia/Ho_Chi_Minh") }).waitFor();
    await expectAccessible(mp);
    // The same page in Vietnamese.
    await mp.getByRole("button", { name: "Tiếng Việt" }).click();
    await mp.getByRole("heading", { name: `Khóa ươm tạo · ${PROGRAMME.vi}`, level: 1 }).waitFor();
    await mp.getByRole("columnheader", { name: "Qua đợt tuyển chọn" }).waitFor();
    await inCohort.getByRole("cell", { name: `${CALL.vi} · hồ sơ ${code}` }).waitFor();
    await expectAccessible(mp);

    expect(pageErrors).toEqual([]);
  });
});
