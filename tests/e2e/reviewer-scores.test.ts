import type { Browser } from "playwright-core";
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

describe("the demo reviewer", () => {
  it("opens the AgriLink application under blind review, scores every criterion, submits, sees it submitted, then recuses", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "reviewer@demo.binhduong.example");
    // The demo account's language is Vietnamese; this test reads English.
    if ((await page.locator("html").getAttribute("lang")) === "vi") {
      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("button", { name: "Sign out" }).waitFor();
    }

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" }).click();
    await page.getByRole("heading", { name: "Applications to review" }).waitFor();
    await page.getByRole("heading", { name: "Cohort 2027 call" }).waitFor();
    await page.getByText("0 of 1 done").first().waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: /^Open application / }).click();
    await page.getByRole("heading", { name: /^Application [A-Z0-9]{8}$/ }).waitFor();
    // Blind on founders and team: that answer never reaches the page; the startup itself is not blind.
    await page.getByText("AgriLink").first().waitFor();
    await page.getByText("Canteens in industrial parks buy vegetables").waitFor();
    expect(await page.content()).not.toContain("Bùi Ngọc Anh");
    expect(await page.getByText("Founders and team").count()).toBe(0);
    await expectAccessible(page);

    // Submitting an empty score sheet is refused in the browser, field by field.
    await page.getByRole("button", { name: "Submit review" }).click();
    await expect.poll(() => page.getByText("Choose a level for this criterion.").count()).toBe(4);
    await page.getByText("A comment is required for this criterion.").first().waitFor();
    await expectAccessible(page);

    // With the keyboard: into the first group, Space picks level 1, arrows move to level 3.
    const problem = page.getByRole("group", { name: /^Problem and market/ });
    await problem.getByRole("radio", { name: /^1 ·/ }).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await problem.getByRole("radio", { name: /^3 ·/ }).isChecked()).toBe(true);
    // With clicks on the labelled levels for the others.
    await page.getByRole("group", { name: /^Team/ }).getByRole("radio", { name: /^4 ·/ }).check();
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("Your draft scores were saved.").waitFor();

    await page.reload();
    expect(
      await page
        .getByRole("group", { name: /^Problem and market/ })
        .getByRole("radio", { name: /^3 ·/ })
        .isChecked(),
    ).toBe(true);
    await page
      .getByRole("group", { name: /^Innovation/ })
      .getByRole("radio", { name: /^5 ·/ })
      .check();
    await page
      .getByRole("group", { name: /^Smart-city impact/ })
      .getByRole("radio", { name: /^4 ·/ })
      .check();
    await page.getByLabel("Comment on Smart-city impact").fill("Shorter supply chains for canteens in the industrial parks.");
    await page.getByLabel("Overall comment").fill("A real problem with a credible first route.");
    await page.getByRole("button", { name: "Submit review" }).click();
    await page.getByText("Your review was submitted. Thank you.").waitFor();
    await page.getByText("Your review is final; the scores below can no longer be changed.").waitFor();
    await page.getByText("Level 3: Adequate: partly convincing").waitFor();
    expect(await page.getByRole("button", { name: "Submit review" }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Back to your applications" }).click();
    await page.getByText("1 of 1 done").first().waitFor();
    await page.getByRole("cell", { name: "Submitted" }).waitFor();
    await expectAccessible(page);

    // A conflict found late: declaring it deletes the scores and takes the application away at once.
    await page.getByRole("link", { name: /^Open application / }).click();
    await page.waitForURL(/\/review\/[0-9a-f-]{36}/);
    const applicationUrl = page.url();
    await page.getByText("Declare a conflict of interest").click();
    await page.getByRole("button", { name: "Declare conflict and recuse" }).click();
    await page.getByText("Give a reason.").waitFor();
    await page.getByLabel("Describe the conflict").fill("I advised AgriLink's founders on their cold chain last year.");
    await page.getByRole("button", { name: "Declare conflict and recuse" }).click();
    await page.getByText(/You declared a conflict of interest for application [A-Z0-9]{8}/).waitFor();
    await page.getByRole("cell", { name: "Recused" }).waitFor();
    expect(await page.getByRole("link", { name: /^Open application / }).count()).toBe(0);
    await expectAccessible(page);
    const gone = await page.goto(applicationUrl);
    expect(gone?.status()).toBe(404);
    await page.getByRole("heading", { name: "We could not find this page." }).waitFor();
    await context.close();
  });
});
