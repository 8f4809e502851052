import type { ServerBuild } from "@remix-run/node";
import { createClient } from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";
import { NoRealtime } from "~/platform/auth/supabase-client.server";
import { asService } from "~/platform/db/transaction.server";
import { resetEnv } from "~/platform/env.server";
import { answerOutages } from "~/platform/http/outage.server";
import { checkFileStore, readStoredFile, saveFile } from "~/platform/storage/files.server";
import { FileStoreUnavailable } from "~/platform/storage/store.server";
import { action as profileAction } from "~/routes/account.profile";
import { loader as deckLoader } from "~/routes/applications.$id.files.$fileId";
import { loader as avatarLoader } from "~/routes/files.avatars.$userId";
import { spawnApp } from "../support/app-server";
import { signIn as signInOverHttp } from "../support/http-client";
import type { TestUser } from "../support/factories";
import { BASE, context, deckOf, get, PDF, PNG, post, statusOf, uploadDeck, uploadsOnDisk, useSupabase, withStorageWorld, world } from "../support/storage-fixtures";

// Uploads through the app's own routes with Supabase configured: the real supabase-js on our side,
// a fake Supabase (Auth and Storage at one address) on the other. Bytes land in the private bucket,
// never on disk, come back only through our routes to those allowed, and go when replaced.
withStorageWorld();
const { people } = world;

describe("files on Supabase Storage", () => {
  it("creates the bucket private at start, with Storage's own size and type limits", async () => {
    expect(await checkFileStore()).toBe("supabase");
    expect(world.fake.storage.buckets.get("uploads")).toMatchObject({ public: false, fileSizeLimit: 10 * 1024 * 1024 });
    expect(world.fake.storage.buckets.get("uploads")?.allowedMimeTypes).toContain("application/pdf");
  });

  it("puts a founder's deck in the bucket, not on disk, and serves it to the founder and the call's manager only", async () => {
    const file = await uploadDeck(1);
    expect(file.storage_path).toMatch(/^decks\/[0-9a-f-]{36}\.pdf$/);
    const stored = world.fake.storage.objects.get(`uploads/${file.storage_path}`);
    expect(stored?.contentType).toBe("application/pdf");
    expect(new Uint8Array(stored!.bytes)).toEqual(PDF(1));
    expect(await uploadsOnDisk()).toEqual([]);

    const path = `/applications/${world.applicationId}/files/${file.id}`;
    const args = (user: TestUser) => ({ request: get(user, path), params: { id: world.applicationId, fileId: file.id }, context });
    for (const who of [people.founder, people.manager]) {
      const res = await deckLoader(args(who));
      expect(res.status).toBe(200);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF(1));
    }
    expect(await statusOf(() => deckLoader(args(people.stranger)))).toBe(404);
  });

  it("removes the replaced deck from the bucket", async () => {
    const first = (await asService((tx) => tx<{ storage_path: string }[]>`select storage_path from public.application_files where application_id = ${world.applicationId}`))[0]!;
    const second = await uploadDeck(2);
    expect(second.storage_path).not.toBe(first.storage_path);
    expect(world.fake.storage.objects.has(`uploads/${first.storage_path}`)).toBe(false);
    expect(world.fake.storage.objects.has(`uploads/${second.storage_path}`)).toBe(true);
    expect(world.fake.storage.requests).toContainEqual({ method: "DELETE", path: "/object/uploads" });
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
    expect(world.fake.storage.objects.get(`uploads/${avatar_path}`)?.contentType).toBe("image/png");
    expect(await uploadsOnDisk()).toEqual([]);

    const args = (user: TestUser) => ({ request: get(user, `/files/avatars/${people.founder.id}`), params: { userId: people.founder.id }, context });
    const own = await avatarLoader(args(people.founder));
    expect(own.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(PNG);
    expect(await statusOf(() => avatarLoader(args(people.stranger)))).toBe(404);
  });

  it("gives no public URL and nothing to the anon key: only our routes, with the service role key, read the bucket", async () => {
    const [name] = [...world.fake.storage.objects.keys()].map((k) => k.replace(/^uploads\//, ""));
    expect((await fetch(`${world.fake.url}/storage/v1/object/public/uploads/${name}`)).status).toBe(400);
    const anon = createClient(world.fake.url, world.fake.anonKey, { auth: { persistSession: false }, realtime: { transport: NoRealtime } });
    const { data, error } = await anon.storage.from("uploads").download(name!);
    expect(data).toBeNull();
    expect(error?.message).toBe("Object not found");
  });

  it("answers an outage of Storage with 503 and Retry-After through the route guard, not as a missing file", async () => {
    const file = (await asService((tx) => tx<{ id: string; storage_path: string }[]>`select id, storage_path from public.application_files where application_id = ${world.applicationId}`))[0]!;
    // The guard the server build wraps every route in, around the deck's route alone.
    const guarded = answerOutages({ routes: { deck: { id: "deck", path: "", module: { loader: deckLoader } } } } as unknown as ServerBuild);
    const request = get(people.founder, `/applications/${world.applicationId}/files/${file.id}`);
    world.fake.storage.state.down = true;
    try {
      await expect(readStoredFile(file.storage_path)).rejects.toBeInstanceOf(FileStoreUnavailable);
      const thrown = await Promise.resolve(guarded.routes.deck!.module.loader!({ request, params: { id: world.applicationId, fileId: file.id }, context })).catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(503);
      expect((thrown as Response).headers.get("Retry-After")).toBe("5");
    } finally {
      world.fake.storage.state.down = false;
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
    world.fake.storage.addBucket("shared-public", { public: true });
    process.env.SUPABASE_STORAGE_BUCKET = "shared-public";
    resetEnv();
    try {
      await expect(checkFileStore()).rejects.toThrow(/"shared-public" is public/);
      await expect(saveFile("decks", "pdf", PDF(3))).rejects.toThrow(/is public/);
      expect([...world.fake.storage.objects.keys()].filter((k) => k.startsWith("shared-public/"))).toEqual([]);
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
    SUPABASE_URL: world.fake.url,
    SUPABASE_ANON_KEY: world.fake.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: world.fake.serviceRoleKey,
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
      const deck = `${app.baseUrl}/applications/${world.applicationId}/files/${(await deckOf(world.applicationId))!.id}`;
      expect((await fetch(deck, { headers: { cookie } })).status).toBe(200);
      world.fake.storage.state.down = true;
      try {
        const res = await fetch(deck, { headers: { cookie } });
        expect(res.status).toBe(503);
        expect(res.headers.get("retry-after")).toBe("5");
      } finally {
        world.fake.storage.state.down = false;
      }
    } finally {
      await app.stop();
    }
  });

  it("does not start on a public bucket, and says why", async () => {
    world.fake.storage.addBucket("made-public", { public: true });
    const app = await spawnApp(serverEnv("made-public"));
    expect(await app.exited()).toBe(1);
    expect(app.output()).toMatch(/The app could not start:[\s\S]*"made-public" is public: make it private/);
  });
});

describe("files without Supabase", () => {
  it("keeps uploads on local disk behind the same routes", async () => {
    useSupabase(false);
    try {
      const objects = world.fake.storage.objects.size;
      expect(await checkFileStore()).toBe("disk");
      const name = await saveFile("decks", "pdf", PDF(4));
      expect(await uploadsOnDisk()).toEqual([name]);
      expect(await readStoredFile(name)).toEqual(PDF(4));
      expect(world.fake.storage.objects.size).toBe(objects);
    } finally {
      useSupabase(true);
    }
  });
});
