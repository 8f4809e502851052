import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeSql } from "~/platform/db/sql.server";
import { asService } from "~/platform/db/transaction.server";
import { resetEnv } from "~/platform/env.server";
import { startAppServer } from "../support/app-server";
import { createProgram } from "../support/application-factories";
import { expectAccessible, launchBrowser, signIn } from "../support/browser";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { createCohortStartup, createMentor } from "../support/mentoring-factories";

// Group office hours in a browser: a mentor opens two seats, two founders of the cohort take them,
// a third finds the time full and is offered no seat, and the mentor sees who is coming and is
// mailed of each seat. Every page passes axe.
let app: Awaited<ReturnType<typeof startAppServer>>;
let browser: Browser;
let mentor: TestUser;
const founders: { user: TestUser; startup: string }[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(inject("pgAdminUrl"), { SEED: "false" }), launchBrowser()]);
  // the factories write to the server's database
  process.env.DATABASE_URL = app.databaseUrl;
  resetEnv();
  const org = await createOrg();
  const manager = await createUser();
  await addMember(org.id, manager.id, "manager");
  const programId = (await createProgram(org.id)).id;
  mentor = await createMentor(org.id, programId);
  for (const startup of ["Alpha Water", "Beta Sensors", "Gamma Grid"]) {
    const user = await createUser();
    const { startupId } = await createCohortStartup(programId, user);
    await asService((tx) => tx`update public.startups set name = ${startup} where id = ${startupId}`);
    founders.push({ user, startup });
  }
});
afterAll(async (suite) => {
  if (suite.tasks.some((t) => t.result?.state === "fail")) console.error(app?.output());
  await browser?.close();
  await app?.stop();
  await closeSql();
});

async function as(who: TestUser): Promise<Page> {
  const page = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signIn(page, app.baseUrl, who.email, who.password);
  await page.goto(`${app.baseUrl}/mentoring/office-hours`);
  await page.getByRole("heading", { name: "Office hours", level: 1 }).waitFor();
  return page;
}

/** The dev mailbox's rows to someone whose subject matches. */
async function mails(page: Page, to: string, subject: RegExp) {
  await page.goto(`${app.baseUrl}/dev/mailbox`);
  return page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).count();
}

describe("group office hours", () => {
  it("a mentor opens two seats, two founders take them, the third finds them full, the mentor sees who comes", async () => {
    const m = await as(mentor);
    await expectAccessible(m);
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await m.getByLabel("Starts").fill(`${day}T15:00`);
    await m.getByLabel("Length in minutes").fill("60");
    await m.getByLabel("Seats").fill("2");
    await m.getByLabel("Place or link").fill("Room 4");
    await m.getByRole("button", { name: "Open office hours" }).click();
    await m.getByText("Your office hours are open.").waitFor();
    await m.getByText("0 of 2 seats taken").waitFor();
    await m.getByText("No seat taken yet.").waitFor();
    await expectAccessible(m);

    for (const [i, { user, startup }] of founders.slice(0, 2).entries()) {
      const f = await as(user);
      if (i === 0) await expectAccessible(f);
      await f.getByRole("button", { name: `Take a seat for ${startup}` }).click();
      await f.getByText("Your seat is taken.").waitFor();
      await f.getByText(`${i + 1} of 2 seats taken`).waitFor();
      await f.getByRole("button", { name: `Give up the seat of ${startup}` }).waitFor();
      await expectAccessible(f);
    }

    const third = founders[2]!;
    const late = await as(third.user);
    await late.getByText("Full: all 2 seats are taken.").waitFor();
    await late.getByText("2 of 2 seats taken").waitFor();
    expect(await late.getByRole("button", { name: `Take a seat for ${third.startup}` }).count()).toBe(0);
    await expectAccessible(late);

    await m.reload();
    await m.getByRole("heading", { name: "Attendees", level: 3 }).waitFor();
    expect(await m.getByRole("listitem").filter({ hasText: /^(Alpha Water|Beta Sensors)$/ }).allTextContents()).toEqual(["Alpha Water", "Beta Sensors"]);
    expect(await m.getByText("Gamma Grid").count()).toBe(0);
    await expectAccessible(m);
    await expect.poll(() => mails(m, mentor.email, /took a seat at your office hours/), { timeout: 30_000 }).toBe(2);
  });
});
