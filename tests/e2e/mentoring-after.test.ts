import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeSql } from "~/platform/db/sql.server";
import { asService } from "~/platform/db/transaction.server";
import { resetEnv } from "~/platform/env.server";
import { startAppServer } from "../support/app-server";
import { createProgram } from "../support/application-factories";
import { expectAccessible, launchBrowser, signIn } from "../support/browser";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { assignMentor, createCohortStartup, createMentor, createSession } from "../support/mentoring-factories";

// After a session, in a browser: the mentor writes notes and an action item and marks it done,
// the founder rates the mentor, the mentor makes a calendar feed, the manager reads the report.
// Every page passes axe.
let app: Awaited<ReturnType<typeof startAppServer>>;
let browser: Browser;
let manager: TestUser, mentor: TestUser, founder: TestUser;
let programId: string;
let sessionId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(inject("pgAdminUrl"), { SEED: "false" }), launchBrowser()]);
  // the factories write to the server's database
  process.env.DATABASE_URL = app.databaseUrl;
  resetEnv();
  const org = await createOrg();
  manager = await createUser();
  await addMember(org.id, manager.id, "manager");
  programId = (await createProgram(org.id)).id;
  mentor = await createMentor(org.id, programId);
  founder = await createUser({ name: "Lan Nguyen" });
  const { startupId } = await createCohortStartup(programId, founder);
  await assignMentor(startupId, mentor.id);
  await asService((tx) => tx`update public.startups set name = 'Water Co' where id = ${startupId}`);
  sessionId = await createSession({ programId, startupId, mentorId: mentor.id }, new Date(Date.now() - 2 * 3_600_000));
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
  return page;
}

describe("after a mentoring session", () => {
  it("the mentor writes notes and an action item, the founder rates the mentor, the manager reads the report", async () => {
    const m = await as(mentor);
    await m.goto(`${app.baseUrl}/mentoring/sessions/${sessionId}`);
    await m.getByRole("heading", { name: "Session with Water Co" }).waitFor();
    await expectAccessible(m);
    await m.getByLabel("Notes", { exact: true }).fill("Pilot in two districts before the seed round.");
    await m.getByRole("button", { name: "Save notes" }).click();
    await m.getByText("Saved.").waitFor();
    await m.getByLabel("New action item").fill("Send the deck to the utility");
    await m.getByRole("button", { name: "Add action item" }).click();
    await m.getByRole("button", { name: "Mark “Send the deck to the utility” done" }).click();
    await m.getByRole("button", { name: "Mark “Send the deck to the utility” not done" }).waitFor();
    await expectAccessible(m);

    await m.goto(`${app.baseUrl}/mentoring/calendar`);
    await expectAccessible(m);
    await m.getByRole("button", { name: "Create my feed address" }).click();
    const url = await m.getByLabel("Your private feed address").inputValue();
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await expectAccessible(m);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain(`UID:${sessionId}@`);

    const f = await as(founder);
    await f.goto(`${app.baseUrl}/mentoring/sessions/${sessionId}`);
    await f.getByText("Pilot in two districts before the seed round.").waitFor();
    await f.getByLabel("Rating").selectOption("4");
    await f.getByLabel("Short feedback").fill("Clear, practical advice.");
    await f.getByRole("button", { name: "Save feedback" }).click();
    await f.locator("p.pre-wrap", { hasText: "Clear, practical advice." }).waitFor();
    await expectAccessible(f);

    const boss = await as(manager);
    await boss.goto(`${app.baseUrl}/manage/programmes/${programId}`);
    await boss.getByRole("link", { name: "Mentoring report" }).click();
    await boss.getByRole("heading", { name: "Mentoring report" }).waitFor();
    const mentorRow = boss.getByRole("row").filter({ hasText: mentor.name });
    expect(await mentorRow.textContent()).toContain("4 of 5 (1)");
    await expectAccessible(boss);
  });
});
