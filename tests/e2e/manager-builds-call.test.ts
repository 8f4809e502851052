import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { expectAccessible, launchBrowser, signIn } from "../support/browser";

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

/** A wall-clock time `days` from now in Ho Chi Minh City, as a datetime-local input takes it. */
const hcmc = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
};

let callUrl = "";

async function submit(page: Page, name: string | RegExp) {
  await page.getByRole("button", { name }).click();
}

describe("a manager", () => {
  it("builds a programme and a call with a track, a form and a rubric, and publishes it", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "manager@demo.binhduong.example");
    await page.getByRole("link", { name: /^(Manage|Quản lý)$/ }).click();
    await page.waitForURL(/\/manage$/);
    // Demo accounts speak Vietnamese; this test reads English.
    if ((await page.locator("html").getAttribute("lang")) === "vi") await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Programmes and calls" }).waitFor();
    await expectAccessible(page);

    const incubator = page.getByRole("region", { name: "Binh Duong Business Incubator" });
    await incubator.getByRole("link", { name: "New programme" }).click();
    await page.getByRole("heading", { name: "New programme" }).waitFor();
    await expectAccessible(page);
    // Refused in the browser with field messages before any request.
    await submit(page, "Create");
    await expect.poll(() => page.getByText(/This field is required\.|Give this in at least one language/).count()).toBeGreaterThan(0);
    await page.getByLabel("Name (Vietnamese)").fill("Chương trình tăng tốc IoT");
    await page.getByLabel("Name (English)").fill("IoT accelerator");
    await page.getByLabel("Web address (slug)").fill("iot-accelerator");
    await submit(page, "Create");
    await page.getByRole("heading", { name: "IoT accelerator" }).waitFor();
    await page.getByText("No calls yet.").waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "New call" }).click();
    await page.getByRole("heading", { name: "New call for IoT accelerator" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Title (Vietnamese)").fill("Tuyển chọn IoT 2027");
    await page.getByLabel("Title (English)").fill("IoT 2027 call");
    await page.getByLabel("Web address (slug)").fill("iot-2027");
    // The server refuses what the browser did not check: a close before the opening.
    await page.getByLabel("Opens at (Indochina Time, GMT+7)").fill(hcmc(-1, 9));
    await page.getByLabel("Closes at (Indochina Time, GMT+7)").fill(hcmc(-2, 9));
    await submit(page, "Create");
    await page.getByText("The call must close after it opens.").waitFor();
    await page.getByLabel("Closes at (Indochina Time, GMT+7)").fill(hcmc(30, 17));
    await page.getByLabel("Founders' names").check();
    await submit(page, "Create");
    await page.getByRole("heading", { name: "IoT 2027 call: Settings" }).waitFor();
    callUrl = page.url().replace(/\/settings$/, "");
    await expectAccessible(page);

    await page.getByLabel("Track name (Vietnamese)").fill("Cảm biến đô thị");
    await page.getByLabel("Track name (English)").fill("Urban sensing");
    await submit(page, "Add track");
    await page.getByRole("heading", { name: "Track 1" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Call sections" }).getByRole("link", { name: "Form" }).click();
    await page.getByText("No questions yet.").waitFor();
    await expectAccessible(page);
    await page.getByLabel("Kind of answer").selectOption("choice");
    await page.getByLabel("Question (Vietnamese)").fill("Doanh nghiệp đặt tại Bình Dương?");
    await page.getByLabel("Question (English)").fill("Is your startup based in Binh Duong?");
    await page.getByLabel("Required: founders must answer before submitting").check();
    // A choice question without choices is refused.
    await submit(page, "Add question");
    await page.getByText("A choice question needs at least two choices.").waitFor();
    await page.getByLabel("Value of choice 1").fill("yes");
    await page.getByLabel("Choice 1 (Vietnamese)").fill("Có");
    await page.getByLabel("Choice 1 (English)").fill("Yes");
    await page.getByLabel("Choice 1 is eligible").check();
    await page.getByLabel("Value of choice 2").fill("no");
    await page.getByLabel("Choice 2 (Vietnamese)").fill("Không");
    await page.getByLabel("Choice 2 (English)").fill("No");
    await submit(page, "Add question");
    await page.getByRole("heading", { name: "Is your startup based in Binh Duong?" }).waitFor();
    await page.getByText("Eligibility rule: yes").waitFor();

    await page.getByLabel("Kind of answer").selectOption("long_text");
    await page.getByLabel("Question (Vietnamese)").fill("Bạn giải quyết vấn đề gì?");
    await page.getByLabel("Question (English)").fill("Which problem do you solve?");
    await page.getByLabel("Maximum length in characters (optional)").fill("2000");
    await submit(page, "Add question");
    await page.getByRole("heading", { name: "Which problem do you solve?" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Call sections" }).getByRole("link", { name: "Rubric" }).click();
    await page.getByText("No criteria yet.").waitFor();
    await page.getByText(/used in the review round/).waitFor();
    await expectAccessible(page);
    const criteria: [string, string, string][] = [["Thị trường", "Market", "3"], ["Đội ngũ", "Team", "1"]];
    for (const [vi, en, weight] of criteria) {
      await page.getByLabel("Criterion (Vietnamese)").fill(vi);
      await page.getByLabel("Criterion (English)").fill(en);
      await page.getByLabel("Weight (greater than 0, up to 100)").fill(weight);
      await page.getByLabel("Highest level (2–10)").fill("3");
      for (const [n, word] of [[1, "Weak"], [2, "Fair"], [3, "Strong"]] as const) {
        await page.getByLabel(`Level ${n} (Vietnamese)`).fill(`${word} (vi)`);
        await page.getByLabel(`Level ${n} (English)`).fill(word);
      }
      if (en === "Market") await page.getByLabel("Reviewers must comment on this criterion").check();
      await submit(page, "Add criterion");
      await page.getByRole("heading", { name: en }).waitFor();
    }
    await page.getByText("Weight 3 (75% of total)").waitFor();
    await page.getByText("Weight 1 (25% of total)").waitFor();
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Call sections" }).getByRole("link", { name: "Settings" }).click();
    await page.getByLabel(/^Published/).check();
    await submit(page, "Save");
    await page.getByText("Saved.").first().waitFor();
    await page.getByText("Open", { exact: true }).first().waitFor();

    await page.getByRole("navigation", { name: "Call sections" }).getByRole("link", { name: "Overview" }).click();
    await page.getByText("2 questions").waitFor();
    await page.getByText("2 rubric criteria").waitFor();
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Manage" }).click();
    const programme = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "IoT accelerator" }) });
    await programme.getByRole("link", { name: "IoT 2027 call" }).waitFor();
    await programme.getByText("Open", { exact: true }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("of another organisation gets readable 403 and 404 pages, never a 500", async () => {
    expect(callUrl).toMatch(/\/manage\/calls\/[0-9a-f-]{36}$/);
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "eiu.manager@demo.binhduong.example");
    await page.getByRole("link", { name: /^(Manage|Quản lý)$/ }).waitFor();
    // The call is published, so they may read it; they may not manage it.
    for (const path of ["", "/form", "/rubric", "/settings"]) {
      const response = await page.goto(`${callUrl}${path}`);
      expect(response?.status()).toBe(403);
      await page.getByRole("heading", { name: /You do not have access to this page|Bạn không có quyền truy cập trang này/ }).waitFor();
    }
    const post = await page.request.post(`${callUrl}/form`, {
      form: { intent: "addQuestion", step: "1", kind: "text", labelVi: "X", labelEn: "X" },
      headers: { Origin: app.baseUrl },
    });
    expect(post.status()).toBe(403);
    expect((await page.goto(`${app.baseUrl}/manage/calls/not-an-id/form`))?.status()).toBe(404);
    expect((await page.goto(`${app.baseUrl}/manage/programmes/00000000-0000-4000-8000-00000000dead`))?.status()).toBe(404);
    await expectAccessible(page);
    await context.close();
  });
});
