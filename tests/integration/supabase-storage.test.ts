import { readdir } from "node:fs/promises";
import type { ServerBuild } from "@remix-run/node";
import { createClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApplication } from "~/modules/applications/apply/drafts.server";
import { fieldName } from "~/modules/applications/apply/schema";
import { signIn } from "~/modules/identity/accounts.server";
import { createStartup as createStartupProfile } from "~/modules/startups/profile.server";
import { CookieJar } from "~/platform/auth/cookie-jar.server";
import { NoRealtime } from "~/platform/auth/supabase-client.server";
import { NotFoundError } from "~/platform/db/errors.server";
import { asService } from "~/platform/db/transaction.server";
import { resetEnv } from "~/platform/env.server";
import { answerOutages } from "~/platform/http/outage.server";
import { checkFileStore, readStoredFile, saveFile } from "~/platform/storage/files.server";
import { FileStoreUnavailable } from "~/platform/storage/store.server";
import { action as profileAction } from "~/routes/account.profile";
import { action as startupAction } from "~/routes/startups.$slug";
import { action as editAction } from "~/routes/applications.$id.edit";
import { loader as deckLoader } from "~/routes/applications.$id.files.$fileId";
import { loader as avatarLoader } from "~/routes/files.avatars.$userId";
import { spawnApp } from "../support/app-server";
import { signIn as signInOverHttp } from "../support/http-client";
import { addQuestion, createCall, createProgram } from "../support/application-factories";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { startFakeSupabase, type FakeSupabase } from "../support/fake-supabase";

// Uploads through the app's own routes with Supabase configured: the real supabase-js on our side,
// a fake Supabase (Auth and Storage at one address) on the other. Bytes land in the private bucket,
// never on disk, come back only through our routes to those allowed, and go when replaced.
const PDF = (n: number) => new TextEncoder().encode(`%PDF-1.4\n% deck ${n}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const BASE = "http://localhost:3000";
const context = { clientIp: "203.0.113.9", cspNonce: "", requestId: "test" };

let fake: FakeSupabase;
const people = {} as Record<"founder" | "manager" | "stranger", TestUser>;
const cookies = new Map<TestUser, string>();
let applicationId: string;
let deckQuestion: string;
let callSlug: string;

function useSupabase(on: boolean) {
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

const post = (user: TestUser, path: string, body: FormData) =>
  new Request(`${BASE}${path}`, { method: "POST", headers: { cookie: cookies.get(user)!, origin: BASE }, body });
const get = (user: TestUser, path: string) => new Request(`${BASE}${path}`, { headers: { cookie: cookies.get(user)! } });

/** The loader's answer as a status: thrown 404s are answers too (the server's guard answers NotFoundError with one). */
async function statusOf(run: () => Promise<Response>) {
  try {
    return (await run()).status;
  } catch (thrown) {
    if (thrown instanceof NotFoundError) return 404;
    if (thrown && typeof thrown === "object" && "init" in thrown) return (thrown as { init: { status: number } }).init.status;
    throw thrown;
  }
}

/** The founder's autosave of the form's first step with deck number `n`: what the action answered. */
function saveDeck(n: number, application = applicationId) {
  const form = new FormData();
  form.append("intent", "autosave");
  form.append("step", "1");
  form.append(fieldName({ id: deckQuestion }), new Blob([PDF(n)], { type: "application/pdf" }), `deck-${n}.pdf`);
  return editAction({ request: post(people.founder, `/applications/${application}/edit`, form), params: { id: application }, context });
}

const deckOf = async (application: string) =>
  (await asService((tx) => tx<{ id: string; storage_path: string }[]>`select id, storage_path from public.application_files where application_id = ${application}`))[0];

async function uploadDeck(n: number) {
  expect(await saveDeck(n)).toMatchObject({ saved: true });
  return (await deckOf(applicationId))!;
}

const uploadsOnDisk = async () => (await readdir(process.env.UPLOAD_DIR!, { recursive: true })).filter((f) => /\.(pdf|png)$/.test(f));

beforeAll(async () => {
  fake = await startFakeSupabase(process.env.DATABASE_URL!);
  useSupabase(true);
  for (const key of ["founder", "manager", "stranger"] as const) people[key] = await createUser({ locale: "en" });
  const org = await createOrg();
  await addMember(org.id, people.manager.id, "manager");
  const startup = await createStartup(people.founder.id);
  const call = await createCall((await createProgram(org.id)).id);
  deckQuestion = await addQuestion(call.id, { kind: "file" });
  callSlug = call.slug;
  const started = await startApplication(people.founder.claims, call.slug, { startupId: startup.id });
  if (!started.ok) throw new Error(started.reason);
  applicationId = started.id;
  for (const user of Object.values(people)) await signedIn(user);
});

afterAll(async () => {
  useSupabase(false);
  await fake?.stop();
});

describe("files on Supabase Storage", () => {
  it("creates the bucket private at start, with Storage's own size and type limits", async () => {
    expect(await checkFileStore()).toBe("supabase");
    expect(fake.storage.buckets.get("uploads")).toMatchObject({ public: false, fileSizeLimit: 10 * 1024 * 1024 });
    expect(fake.storage.buckets.get("uploads")?.allowedMimeTypes).toContain("application/pdf");
  });

  it("puts a founder's deck in the bucket, not on disk, and serves it to the founder and the call's manager only", async () => {
    const file = await uploadDeck(1);
    expect(file.storage_path).toMatch(/^decks\/[0-9a-f-]{36}\.pdf$/);
    const stored = fake.storage.objects.get(`uploads/${file.storage_path}`);
    expect(stored?.contentType).toBe("application/pdf");
    expect(new Uint8Array(stored!.bytes)).toEqual(PDF(1));
    expect(await uploadsOnDisk()).toEqual([]);

    const path = `/applications/${applicationId}/files/${file.id}`;
    const args = (user: TestUser) => ({ request: get(user, path), params: { id: applicationId, fileId: file.id }, context });
    for (const who of [people.founder, people.manager]) {
      const res = await deckLoader(args(who));
      expect(res.status).toBe(200);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF(1));
    }
    expect(await statusOf(() => deckLoader(args(people.stranger)))).toBe(404);
  });

  it("removes the replaced deck from the bucket", async () => {
    const first = (await asService((tx) => tx<{ storage_path: string }[]>`select storage_path from public.application_files where application_id = ${applicationId}`))[0]!;
    const second = await uploadDeck(2);
    expect(second.storage_path).not.toBe(first.storage_path);
    expect(fake.storage.objects.has(`uploads/${first.storage_path}`)).toBe(false);
    expect(fake.storage.objects.has(`uploads/${second.storage_path}`)).toBe(true);
    expect(fake.storage.requests).toContainEqual({ method: "DELETE", path: "/object/uploads" });
    expect(await readStoredFile(first.storage_path)).toBeNull();
  });

  it("keeps a profile photo in the bucket, shown to its owner and to no stranger", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ displayName: "Ngô Gia Huy", locale: "en", timeZone: "Asia/Ho_Chi_Minh", bio: "", languages: "vi" })) form.append(k, v);
    form.append("photo", new Blob([PNG], { type: "image/png" }), "me.png");
    const saved = await profileAction({ request: post(people.founder, "/account/profile", form), params: {}, context });
    expect(saved).toMatchObject({ data: { saved: true } });
    const [{ avatar_path } = { avatar_path: "" }] = await asService(
      (tx) => tx<{ avatar_path: string }[]>`select avatar_path from public.profiles where id = ${people.founder.id}`,
    );
    expect(fake.storage.objects.get(`uploads/${avatar_path}`)?.contentType).toBe("image/png");
    expect(await uploadsOnDisk()).toEqual([]);

    const args = (user: TestUser) => ({ request: get(user, `/files/avatars/${people.founder.id}`), params: { userId: people.founder.id }, context });
    const own = await avatarLoader(args(people.founder));
    expect(own.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(PNG);
    expect(await statusOf(() => avatarLoader(args(people.stranger)))).toBe(404);
  });

  it("gives no public URL and nothing to the anon key: only our routes, with the service role key, read the bucket", async () => {
    const [name] = [...fake.storage.objects.keys()].map((k) => k.replace(/^uploads\//, ""));
    expect((await fetch(`${fake.url}/storage/v1/object/public/uploads/${name}`)).status).toBe(400);
    const anon = createClient(fake.url, fake.anonKey, { auth: { persistSession: false }, realtime: { transport: NoRealtime } });
    const { data, error } = await anon.storage.from("uploads").download(name!);
    expect(data).toBeNull();
    expect(error?.message).toBe("Object not found");
  });

  it("answers an outage of Storage with 503 and Retry-After through the route guard, not as a missing file", async () => {
    const file = (await asService((tx) => tx<{ id: string; storage_path: string }[]>`select id, storage_path from public.application_files where application_id = ${applicationId}`))[0]!;
    // The guard the server build wraps every route in, around the deck's route alone.
    const guarded = answerOutages({ routes: { deck: { id: "deck", path: "", module: { loader: deckLoader } } } } as unknown as ServerBuild);
    const request = get(people.founder, `/applications/${applicationId}/files/${file.id}`);
    fake.storage.state.down = true;
    try {
      await expect(readStoredFile(file.storage_path)).rejects.toBeInstanceOf(FileStoreUnavailable);
      const thrown = await Promise.resolve(guarded.routes.deck!.module.loader!({ request, params: { id: applicationId, fileId: file.id }, context })).catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(503);
      expect((thrown as Response).headers.get("Retry-After")).toBe("5");
    } finally {
      fake.storage.state.down = false;
    }
  });

  it("knows an outage thrown by another copy of the platform's error classes (the build's), by name", async () => {
    for (const name of ["FileStoreUnavailable", "BusyError", "UnavailableError"]) {
      const fromAnotherCopy = Object.assign(new Error("thrown by the build's copy"), { name });
      const loader = () => {
        throw fromAnotherCopy;
      };
      const guarded = answerOutages({ routes: { r: { id: "r", path: "", module: { loader } } } } as unknown as ServerBuild);
      const thrown = await Promise.resolve(guarded.routes.r!.module.loader!({ request: new Request(`${BASE}/orgs`), params: {}, context })).catch((e: unknown) => e);
      expect(thrown, name).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(503);
    }
  });

  it("refuses to start on a public bucket, and stores nothing in it", async () => {
    fake.storage.addBucket("shared-public", { public: true });
    process.env.SUPABASE_STORAGE_BUCKET = "shared-public";
    resetEnv();
    try {
      await expect(checkFileStore()).rejects.toThrow(/"shared-public" is public/);
      await expect(saveFile("decks", "pdf", PDF(3))).rejects.toThrow(/is public/);
      expect([...fake.storage.objects.keys()].filter((k) => k.startsWith("shared-public/"))).toEqual([]);
    } finally {
      delete process.env.SUPABASE_STORAGE_BUCKET;
      resetEnv();
    }
  });
});

describe("the production server on Supabase", () => {
  const serverEnv = (bucket: string) => ({
    DATABASE_URL: process.env.DATABASE_URL!,
    SEED: "false",
    SUPABASE_URL: fake.url,
    SUPABASE_ANON_KEY: fake.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: fake.serviceRoleKey,
    SUPABASE_STORAGE_BUCKET: bucket,
    // The start's info lines say which store is in use.
    LOG_LEVEL: "info",
  });

  it("starts with the private bucket and says where files go; Storage down, a deck answers 503 with Retry-After", async () => {
    const app = await spawnApp(serverEnv("uploads"));
    try {
      await app.healthy();
      expect(app.output()).toContain("uploaded files: Supabase Storage, private bucket uploads");
      // The build's routes throw the build's copy of FileStoreUnavailable, and the server that runs
      // them loads the platform on its own: the outage must still read as one, not as a 500.
      const cookie = await signInOverHttp({ ...app, databaseUrl: process.env.DATABASE_URL! }, people.founder.email, people.founder.password);
      const deck = `${app.baseUrl}/applications/${applicationId}/files/${(await deckOf(applicationId))!.id}`;
      expect((await fetch(deck, { headers: { cookie } })).status).toBe(200);
      fake.storage.state.down = true;
      try {
        const res = await fetch(deck, { headers: { cookie } });
        expect(res.status).toBe(503);
        expect(res.headers.get("retry-after")).toBe("5");
      } finally {
        fake.storage.state.down = false;
      }
    } finally {
      await app.stop();
    }
  });

  it("does not start on a public bucket, and says why", async () => {
    fake.storage.addBucket("made-public", { public: true });
    const app = await spawnApp(serverEnv("made-public"));
    expect(await app.exited()).toBe(1);
    expect(app.output()).toMatch(/The app could not start:[\s\S]*"made-public" is public: make it private/);
  });
});

describe("files without Supabase", () => {
  it("keeps uploads on local disk behind the same routes", async () => {
    useSupabase(false);
    try {
      const objects = fake.storage.objects.size;
      expect(await checkFileStore()).toBe("disk");
      const name = await saveFile("decks", "pdf", PDF(4));
      expect(await uploadsOnDisk()).toEqual([name]);
      expect(await readStoredFile(name)).toEqual(PDF(4));
      expect(fake.storage.objects.size).toBe(objects);
    } finally {
      useSupabase(true);
    }
  });
});

describe("replaced photos, logos and decks", () => {
  // A different image each time, so each upload is its own object.
  const png = (n: number) => new Uint8Array([...PNG, n]);
  const photoForm = (n: number) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ displayName: "Ngô Gia Huy", locale: "en", timeZone: "Asia/Ho_Chi_Minh", bio: "", languages: "vi" })) form.append(k, v);
    form.append("photo", new Blob([png(n)], { type: "image/png" }), "me.png");
    return form;
  };
  const logoForm = (n: number) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ name: "Logo Test", sector: "agritech", stage: "idea", website: "", descriptionVi: "", descriptionEn: "" })) form.append(k, v);
    form.append("logo", new Blob([png(n)], { type: "image/png" }), "logo.png");
    return form;
  };
  const avatarPath = async () =>
    (await asService((tx) => tx<{ p: string | null }[]>`select avatar_path as p from public.profiles where id = ${people.founder.id}`))[0]!.p!;
  const logoPath = async (slug: string) => (await asService((tx) => tx<{ p: string | null }[]>`select logo_path as p from public.startups where slug = ${slug}`))[0]!.p!;
  const saveLogo = (user: TestUser, slug: string, n: number) =>
    startupAction({ request: post(user, `/startups/${slug}`, logoForm(n)), params: { slug }, context });
  const stored = async (name: string) => (await readStoredFile(name)) !== null;
  /** Every stored object of a folder, whichever store is in use. */
  const objects = async (folder: string, onSupabase: boolean) =>
    onSupabase
      ? [...fake.storage.objects.keys()].filter((k) => k.startsWith(`uploads/${folder}/`)).map((k) => k.replace(/^uploads\//, ""))
      : (await readdir(process.env.UPLOAD_DIR!, { recursive: true })).filter((f) => f.startsWith(`${folder}/`) && /\.(png|pdf)$/.test(f));

  /** Files on Supabase Storage or on disk; sign-in stays with Supabase Auth (the sessions above), which needs no service key. */
  function useBucket(on: boolean) {
    if (on) process.env.SUPABASE_SERVICE_ROLE_KEY = fake.serviceRoleKey;
    else delete process.env.SUPABASE_SERVICE_ROLE_KEY;
    resetEnv();
  }

  for (const onSupabase of [true, false]) {
    it(`${onSupabase ? "on Supabase Storage" : "on disk"}: the old photo and logo go once the new ones are saved; a failed or refused replace keeps the old one`, async () => {
      useBucket(onSupabase);
      try {
        expect(await profileAction({ request: post(people.founder, "/account/profile", photoForm(1)), params: {}, context })).toMatchObject({ data: { saved: true } });
        const first = await avatarPath();
        expect(await profileAction({ request: post(people.founder, "/account/profile", photoForm(2)), params: {}, context })).toMatchObject({ data: { saved: true } });
        const second = await avatarPath();
        expect(second).not.toBe(first);
        expect(await stored(first)).toBe(false);
        expect(await stored(second)).toBe(true);

        // The database refuses the save: the old photo stays, and the new upload is not left behind.
        await asService(async (tx) => {
          await tx`create function public.refuse_profile_save() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`;
          await tx`create trigger refuse_profile_save before update on public.profiles for each row execute function public.refuse_profile_save()`;
        });
        try {
          await expect(profileAction({ request: post(people.founder, "/account/profile", photoForm(3)), params: {}, context })).rejects.toThrow(/refused by the test/);
        } finally {
          await asService((tx) => tx`drop function public.refuse_profile_save() cascade`);
        }
        expect(await avatarPath()).toBe(second);
        expect(await objects("avatars", onSupabase)).toEqual([second]);

        const { slug } = await createStartup(people.founder.id);
        expect(await saveLogo(people.founder, slug, 1)).toMatchObject({ done: { saved: true } });
        const logo1 = await logoPath(slug);
        expect(await saveLogo(people.founder, slug, 2)).toMatchObject({ done: { saved: true } });
        const logo2 = await logoPath(slug);
        expect(logo2).not.toBe(logo1);
        expect(await stored(logo1)).toBe(false);
        expect(await stored(logo2)).toBe(true);
        // Someone who may not edit the startup: refused, the logo kept, their upload not kept.
        expect(await statusOf(() => saveLogo(people.stranger, slug, 3) as unknown as Promise<Response>)).toBe(404);
        expect(await logoPath(slug)).toBe(logo2);
        expect(await objects("startup-logos", onSupabase)).toEqual([logo2]);

        // A startup the database refuses to create keeps no logo.
        const unused = await saveFile("startup-logos", "png", png(4));
        await asService(async (tx) => {
          await tx`create function public.refuse_startup() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`;
          await tx`create trigger refuse_startup before insert on public.startups for each row execute function public.refuse_startup()`;
        });
        try {
          const input = { name: "Refused", sector: "", stage: "idea" as const, descriptionVi: "", descriptionEn: "" };
          await expect(createStartupProfile(people.founder.claims, input, unused)).rejects.toThrow(/refused by the test/);
        } finally {
          await asService((tx) => tx`drop function public.refuse_startup() cascade`);
        }
        expect(await objects("startup-logos", onSupabase)).toEqual([logo2]);
      } finally {
        useBucket(true);
      }
    });

    it(`${onSupabase ? "on Supabase Storage" : "on disk"}: the old deck goes once the new one is saved; a failed save keeps the old one and drops the new upload`, async () => {
      useBucket(onSupabase);
      try {
        const started = await startApplication(people.founder.claims, callSlug, { startupId: (await createStartup(people.founder.id)).id });
        if (!started.ok) throw new Error(started.reason);
        const decksBefore = await objects("decks", onSupabase);
        expect(await saveDeck(1, started.id)).toMatchObject({ saved: true });
        const first = (await deckOf(started.id))!.storage_path;
        expect(await saveDeck(2, started.id)).toMatchObject({ saved: true });
        const second = (await deckOf(started.id))!.storage_path;
        expect(second).not.toBe(first);
        expect(await stored(first)).toBe(false);
        expect(await readStoredFile(second)).toEqual(PDF(2));

        // The database refuses the save: the old deck stays, and the new upload is not left behind.
        await asService(async (tx) => {
          await tx`create function public.refuse_deck() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`;
          await tx`create trigger refuse_deck before insert or update on public.application_files for each row execute function public.refuse_deck()`;
        });
        try {
          await expect(saveDeck(3, started.id)).rejects.toThrow(/refused by the test/);
        } finally {
          await asService((tx) => tx`drop function public.refuse_deck() cascade`);
        }
        expect((await deckOf(started.id))!.storage_path).toBe(second);
        expect((await objects("decks", onSupabase)).sort()).toEqual([...decksBefore, second].sort());

        if (onSupabase) {
          // Storage fails to delete right after the commit: the new deck is saved all the same (no
          // 503), and the old object is left behind rather than the upload lost.
          fake.storage.state.deletesDown = true;
          try {
            expect(await saveDeck(4, started.id)).toMatchObject({ saved: true });
          } finally {
            fake.storage.state.deletesDown = false;
          }
          const fourth = (await deckOf(started.id))!.storage_path;
          expect(await readStoredFile(fourth)).toEqual(PDF(4));
          expect(await stored(second)).toBe(true);
        }
      } finally {
        useBucket(true);
      }
    });
  }
});
