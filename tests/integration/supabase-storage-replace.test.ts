import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { startApplication } from "~/modules/applications/apply/drafts.server";
import { createStartup as createStartupProfile } from "~/modules/startups/profile.server";
import { asService } from "~/platform/db/transaction.server";
import { resetEnv } from "~/platform/env.server";
import { readStoredFile, saveFile } from "~/platform/storage/files.server";
import { action as profileAction } from "~/routes/account.profile";
import { action as startupAction } from "~/routes/startups.$slug";
import { createStartup, type TestUser } from "../support/factories";
import { context, deckOf, PDF, PNG, post, saveDeck, statusOf, withStorageWorld, world } from "../support/storage-fixtures";

// Replacing a photo, a logo or a deck removes the old object once the new one is saved, on
// Supabase Storage and on disk; a refused or failed save keeps the old one and leaves no new upload.
withStorageWorld();
const { people } = world;

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
      ? [...world.fake.storage.objects.keys()].filter((k) => k.startsWith(`uploads/${folder}/`)).map((k) => k.replace(/^uploads\//, ""))
      : (await readdir(process.env.UPLOAD_DIR!, { recursive: true })).filter((f) => f.startsWith(`${folder}/`) && /\.(png|pdf)$/.test(f));

  /** Files on Supabase Storage or on disk; sign-in stays with Supabase Auth (the sessions above), which needs no service key. */
  function useBucket(on: boolean) {
    if (on) process.env.SUPABASE_SERVICE_ROLE_KEY = world.fake.serviceRoleKey;
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
        const started = await startApplication(people.founder.claims, world.callSlug, { startupId: (await createStartup(people.founder.id)).id });
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
          world.fake.storage.state.deletesDown = true;
          try {
            expect(await saveDeck(4, started.id)).toMatchObject({ saved: true });
          } finally {
            world.fake.storage.state.deletesDown = false;
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
