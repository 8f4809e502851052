import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fieldName } from "~/modules/applications/apply/schema";
import { startApplication } from "~/modules/applications/apply/drafts.server";
import { recuse } from "~/modules/applications/review/scoring.server";
import { saveDraftStep } from "~/modules/applications/apply/save-step.server";
import { submitApplication } from "~/modules/applications/apply/submit.server";
import { asService } from "~/platform/db/transaction.server";
import { startAppServer } from "../support/app-server";
import { addQuestion, assign, createCall, createProgram } from "../support/application-factories";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";

// The pitch deck as the reviewer opens it from their application page: served by the real server
// to those RLS lets read it, with headers that keep the file a PDF and its document script-free;
// everyone else, including a reviewer who recused themselves, gets 404.
const NAME = `Kế hoạch "HydroSense" (v2)'s deck.pdf`;
const PDF = `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;

let app: Awaited<ReturnType<typeof startAppServer>>;
let applicationId: string;
let deckUrl: string;
let blindUrl: string;
const people = {} as Record<"founder" | "manager" | "reviewer" | "recused" | "unassigned" | "otherFounder" | "otherManager", TestUser>;
const cookies = new Map<TestUser, string>();

async function signIn(user: TestUser) {
  const res = await fetch(`${app.baseUrl}/auth/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl },
    body: new URLSearchParams({ email: user.email, password: user.password }).toString(),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`sign-in of ${user.email} failed: ${res.status}`);
  cookies.set(user, cookie);
}

const get = (user: TestUser, path: string) => fetch(`${app.baseUrl}${path}`, { headers: { cookie: cookies.get(user)! }, redirect: "manual" });

beforeAll(async () => {
  const org = await createOrg();
  const otherOrg = await createOrg();
  for (const key of Object.keys({ founder: 0, manager: 0, reviewer: 0, recused: 0, unassigned: 0, otherFounder: 0, otherManager: 0 }) as (keyof typeof people)[]) {
    people[key] = await createUser({ locale: "en" });
  }
  await addMember(org.id, people.manager.id, "manager");
  for (const r of [people.reviewer, people.recused, people.unassigned]) await addMember(org.id, r.id, "reviewer");
  await addMember(otherOrg.id, people.otherManager.id, "manager");
  await createStartup(people.otherFounder.id);
  const startup = await createStartup(people.founder.id);

  const programme = await createProgram(org.id);
  const call = await createCall(programme.id);
  const deck = await addQuestion(call.id, { kind: "file", required: true });
  const cv = await addQuestion(call.id, { kind: "file", blind: true });
  const started = await startApplication(people.founder.claims, call.slug, { startupId: startup.id });
  if (!started.ok) throw new Error(started.reason);
  applicationId = started.id;
  const saved = await saveDraftStep(people.founder.claims, applicationId, 1, {}, {
    [fieldName({ id: deck })]: { name: NAME, bytes: new TextEncoder().encode(PDF) },
    [fieldName({ id: cv })]: { name: "founders-cv.pdf", bytes: new TextEncoder().encode(PDF) },
  });
  expect(saved.ok).toBe(true);
  expect((await submitApplication(people.founder.claims, applicationId, randomUUID())).outcome).toBe("submitted");
  await assign(applicationId, people.reviewer.id);
  await assign(applicationId, people.recused.id);
  expect((await recuse(people.recused.claims, applicationId, null, "I advise this startup.")).kind).toBe("recused");

  const files = await asService(
    (tx) => tx<{ id: string; question_id: string }[]>`select id, question_id from public.application_files where application_id = ${applicationId}`,
  );
  const fileOf = (q: string) => files.find((f) => f.question_id === q)!.id;
  deckUrl = `/applications/${applicationId}/files/${fileOf(deck)}`;
  blindUrl = `/applications/${applicationId}/files/${fileOf(cv)}`;

  // The server shares this file's database and upload folder.
  app = await startAppServer(inject("pgAdminUrl"), { UPLOAD_DIR: process.env.UPLOAD_DIR!, SEED: "false" }, process.env.DATABASE_URL);
  for (const user of Object.values(people)) await signIn(user);
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

describe("the pitch deck on the reviewer's page", () => {
  it("is a link the assigned reviewer follows to the PDF, served inline with a safe name, as a PDF, sandboxed", async () => {
    const page = await (await get(people.reviewer, `/review/${applicationId}`)).text();
    expect(page).toContain(`href="${deckUrl}"`);
    expect(page).toContain("(PDF, 1 KB, opens in a new tab)");
    // The blind question's file is not even named.
    expect(page).not.toContain("founders-cv.pdf");

    const res = await get(people.reviewer, deckUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("content-security-policy")).toMatch(/(^|[;,]\s*)sandbox( [a-z-]+)*\s*(;|,|$)/);
    expect(res.headers.get("content-security-policy")).not.toMatch(/allow-scripts|allow-same-origin/);
    const disposition = res.headers.get("content-disposition")!;
    const fallback = disposition.match(/^inline; filename="([^"]*)"; filename\*=UTF-8''(\S+)$/);
    expect(fallback, disposition).not.toBeNull();
    expect(fallback![1]).toMatch(/^[\x20-\x7e]+$/);
    expect(fallback![1]).not.toMatch(/["\\]/);
    expect(fallback![2]).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(fallback![2]!)).toBe(NAME);
    expect(await res.text()).toMatch(/^%PDF-/);
  });

  it("opens for the founder and the call's manager, blind files included", async () => {
    for (const who of [people.founder, people.manager]) {
      for (const url of [deckUrl, blindUrl]) expect((await get(who, url)).status, `${url} for ${who.email}`).toBe(200);
    }
  });

  it("answers 404 to a recused or unassigned reviewer, to the assigned reviewer for a blind question, and to strangers", async () => {
    expect((await get(people.reviewer, blindUrl)).status).toBe(404);
    for (const who of [people.recused, people.unassigned, people.otherFounder, people.otherManager]) {
      expect((await get(who, deckUrl)).status, who.email).toBe(404);
      expect((await get(who, `/review/${applicationId}`)).status, who.email).toBe(404);
    }
    // Signed out: to the sign-in page, no bytes.
    const anonymous = await fetch(`${app.baseUrl}${deckUrl}`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
  });
  it("bears the application's code, not the founder's file name, for a reviewer of a blind call", async () => {
    const [app] = await asService((tx) => tx<{ code: string; call_id: string }[]>`select code, call_id from public.applications where id = ${applicationId}`);
    await asService((tx) => tx`update public.calls set blind_fields = '{organisation}' where id = ${app!.call_id}`);
    try {
      const page = await (await get(people.reviewer, `/review/${applicationId}`)).text();
      expect(page).not.toContain("HydroSense");
      expect(page).toContain(`${app!.code}.pdf`);
      const nameFor = async (who: TestUser) => decodeURIComponent((await get(who, deckUrl)).headers.get("content-disposition")!.split("''")[1]!);
      expect(await nameFor(people.reviewer)).toBe(`${app!.code}.pdf`);
      expect(await nameFor(people.founder)).toBe(NAME);
      expect(await nameFor(people.manager)).toBe(NAME);
    } finally {
      await asService((tx) => tx`update public.calls set blind_fields = '{}' where id = ${app!.call_id}`);
    }
  });
});
