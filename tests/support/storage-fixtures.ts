import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, expect } from "vitest";
import { startApplication } from "~/modules/applications/apply/drafts.server";
import { fieldName } from "~/modules/applications/apply/schema";
import { signIn } from "~/modules/identity/accounts.server";
import { CookieJar } from "~/platform/auth/cookie-jar.server";
import { NotFoundError } from "~/platform/db/errors.server";
import { asService } from "~/platform/db/transaction.server";
import { resetEnv } from "~/platform/env.server";
import { action as editAction } from "~/routes/applications.$id.edit";
import { addQuestion, createCall, createProgram } from "./application-factories";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "./factories";
import { startFakeSupabase, type FakeSupabase } from "./fake-supabase";

// The world of the Supabase Storage tests (supabase-storage*.test.ts): a fake Supabase (Auth and
// Storage at one address) with the real supabase-js on our side, a founder with an application
// whose call asks for a deck, its call's manager, and a stranger, each signed in. Module state is
// one test file's own (vitest runs each file in its own fork, with its own database and upload dir).
export const PDF = (n: number) => new TextEncoder().encode(`%PDF-1.4\n% deck ${n}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const BASE = "http://localhost:3000";
export const context = { clientIp: "203.0.113.9", cspNonce: "", requestId: "test" };

export const world = {
  fake: undefined as unknown as FakeSupabase,
  people: {} as Record<"founder" | "manager" | "stranger", TestUser>,
  applicationId: "",
  deckQuestion: "",
  callSlug: "",
};
const cookies = new Map<TestUser, string>();

/** Registers the file's beforeAll/afterAll that build the world and stop the fake. */
export function withStorageWorld() {
  beforeAll(async () => {
    world.fake = await startFakeSupabase(process.env.DATABASE_URL!);
    useSupabase(true);
    for (const key of ["founder", "manager", "stranger"] as const) world.people[key] = await createUser({ locale: "en" });
    const org = await createOrg();
    await addMember(org.id, world.people.manager.id, "manager");
    const startup = await createStartup(world.people.founder.id);
    const call = await createCall((await createProgram(org.id)).id);
    world.deckQuestion = await addQuestion(call.id, { kind: "file" });
    world.callSlug = call.slug;
    const started = await startApplication(world.people.founder.claims, call.slug, { startupId: startup.id });
    if (!started.ok) throw new Error(started.reason);
    world.applicationId = started.id;
    for (const user of Object.values(world.people)) await signedIn(user);
  });
  afterAll(async () => {
    useSupabase(false);
    await world.fake?.stop();
  });
}

export function useSupabase(on: boolean) {
  const { fake } = world;
  for (const [key, value] of Object.entries({ SUPABASE_URL: fake.url, SUPABASE_ANON_KEY: fake.anonKey, SUPABASE_SERVICE_ROLE_KEY: fake.serviceRoleKey })) {
    if (on) process.env[key] = value;
    else delete process.env[key];
  }
  resetEnv();
}

async function signedIn(user: TestUser) {
  const jar = new CookieJar();
  const result = await signIn({ email: user.email, password: user.password, ip: context.clientIp, userAgent: "vitest" }, jar);
  if (!result.ok) throw new Error(`sign-in of ${user.email} failed: ${result.reason}`);
  cookies.set(user, jar.header());
}

export const post = (user: TestUser, path: string, body: FormData) =>
  new Request(`${BASE}${path}`, { method: "POST", headers: { cookie: cookies.get(user)!, origin: BASE }, body });
export const get = (user: TestUser, path: string) => new Request(`${BASE}${path}`, { headers: { cookie: cookies.get(user)! } });

/** The loader's answer as a status: thrown 404s are answers too (the server's guard answers NotFoundError with one). */
export async function statusOf(run: () => Promise<Response>) {
  try {
    return (await run()).status;
  } catch (thrown) {
    if (thrown instanceof NotFoundError) return 404;
    if (thrown && typeof thrown === "object" && "init" in thrown) return (thrown as { init: { status: number } }).init.status;
    throw thrown;
  }
}

/** The founder's autosave of the form's first step with deck number `n`: what the action answered. */
export function saveDeck(n: number, application = world.applicationId) {
  const form = new FormData();
  form.append("intent", "autosave");
  form.append("step", "1");
  form.append(fieldName({ id: world.deckQuestion }), new Blob([PDF(n)], { type: "application/pdf" }), `deck-${n}.pdf`);
  return editAction({ request: post(world.people.founder, `/applications/${application}/edit`, form), params: { id: application }, context });
}

export const deckOf = async (application: string) =>
  (await asService((tx) => tx<{ id: string; storage_path: string }[]>`select id, storage_path from public.application_files where application_id = ${application}`))[0];

export async function uploadDeck(n: number) {
  expect(await saveDeck(n)).toMatchObject({ saved: true });
  return (await deckOf(world.applicationId))!;
}

export const uploadsOnDisk = async () => (await readdir(process.env.UPLOAD_DIR!, { recursive: true })).filter((f) => /\.(pdf|png)$/.test(f));
