import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { expectAccessible, launchBrowser, signedInPage } from "../support/browser";

// A manager of the demo innovation centre sets up an event in a browser: from the manager's page
// to their events, a new event of two days (a title in English only), a speaker and a session on
// its agenda, then the event's own public page as a draft only its organisers see. Every page
// passes axe.
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

/** A wall-clock time `days` from now in Ho Chi Minh City (the event's zone), as a datetime-local input takes it. */
const hcmc = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
};

describe("an organiser", () => {
  it("creates an event with an agenda and sees its public page", async () => {
    const page = await signedInPage(browser, app.baseUrl, "manager@demo.binhduong.example");
    await page.goto(`${app.baseUrl}/manage`);
    // Demo accounts speak Vietnamese; this test reads English.
    if ((await page.locator("html").getAttribute("lang")) === "vi") await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("link", { name: "Your events" }).click();
    await page.getByRole("heading", { name: "Your events", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Binh Duong Innovation Forum" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "New event" }).first().click();
    await page.getByRole("heading", { name: "New event", level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Title (English)").fill("Smart Farming Day");
    await page.getByLabel("Starts", { exact: true }).fill(hcmc(40, 9));
    await page.getByLabel("Ends", { exact: true }).fill(hcmc(41, 17));
    await page.getByLabel("Address", { exact: true }).fill("Hall B, Thu Dau Mot");
    await page.getByRole("button", { name: "Create the event" }).click();
    await page.getByText("The event is created as a draft.").waitFor();
    await page.getByRole("heading", { name: "Smart Farming Day", level: 1 }).waitFor();
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Sections of the event" }).getByRole("link", { name: "Agenda" }).click();
    await page.getByRole("heading", { name: "Speakers", level: 2 }).waitFor();
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Ngô Thị Hoa");
    await page.getByRole("textbox", { name: "Affiliation", exact: true }).fill("Thu Dau Mot University");
    await page.getByRole("button", { name: "Add a speaker" }).click();
    await page.getByRole("heading", { name: "Ngô Thị Hoa", level: 3 }).waitFor();

    await page.getByRole("textbox", { name: "Title (English)", exact: true }).fill("Keynote: farms that measure");
    await page.getByRole("textbox", { name: "Room or place", exact: true }).fill("Hall B");
    await page.getByLabel("Starts", { exact: true }).fill(hcmc(40, 10));
    await page.getByLabel("Ends", { exact: true }).fill(hcmc(40, 11));
    await page.getByRole("checkbox", { name: "Ngô Thị Hoa" }).check();
    await page.getByRole("button", { name: "Add a session" }).click();
    await page.getByRole("heading", { name: "Keynote: farms that measure", level: 3 }).waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Public page" }).click();
    await page.getByRole("heading", { name: "Smart Farming Day", level: 1 }).waitFor();
    await page.getByText("Hall B, Thu Dau Mot").waitFor();
    await page.getByRole("heading", { name: "Keynote: farms that measure" }).waitFor();
    await page.getByRole("heading", { name: "Ngô Thị Hoa" }).waitFor();
    await expectAccessible(page);
  });
});
