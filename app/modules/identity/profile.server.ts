import { asUser, type Claims } from "~/platform/db/transaction.server";
import type { Locale } from "~/platform/i18n/i18n";
import { removeUnusedFile } from "~/platform/storage/files.server";
import type { ProfileInput } from "./schema";
import { NotFoundError } from "~/platform/db/errors.server";

export type Profile = {
  displayName: string;
  avatarPath: string | null;
  languages: Locale[];
  locale: Locale;
  timeZone: string;
  bio: string;
};

export async function getProfile(claims: Claims): Promise<Profile> {
  const [row] = await asUser(
    claims,
    (tx) => tx<Profile[]>`
      select display_name as "displayName", avatar_path as "avatarPath", languages, locale,
             time_zone as "timeZone", bio
        from public.profiles where id = ${claims.sub}`,
  );
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * Saves the profile; with a new photo, the one it replaces is removed from the store only once the
 * new path is committed (a failed save keeps the old photo, and drops the new file instead).
 */
export async function updateProfile(claims: Claims, input: ProfileInput, avatarPath?: string) {
  let replaced: string | null;
  try {
    replaced = await asUser(claims, async (tx) => {
      const [before] = avatarPath
        ? await tx<{ avatar_path: string | null }[]>`select avatar_path from public.profiles where id = ${claims.sub} for update`
        : [];
      await tx`
        update public.profiles
           set display_name = ${input.displayName}, locale = ${input.locale}, languages = ${input.languages},
               time_zone = ${input.timeZone}, bio = ${input.bio},
               avatar_path = coalesce(${avatarPath ?? null}, avatar_path), updated_at = now()
         where id = ${claims.sub}`;
      return before?.avatar_path ?? null;
    });
  } catch (error) {
    await removeUnusedFile(avatarPath);
    throw error;
  }
  if (replaced !== avatarPath) await removeUnusedFile(replaced);
}

export async function setLocale(claims: Claims, locale: Locale) {
  await asUser(claims, (tx) => tx`update public.profiles set locale = ${locale} where id = ${claims.sub}`);
}

/** Avatar paths of people the viewer may see (RLS decides); not found when not visible or without a photo. */
export async function avatarOf(claims: Claims, userId: string): Promise<string> {
  const [row] = await asUser(
    claims,
    (tx) => tx<{ avatar_path: string | null }[]>`select avatar_path from public.profiles where id = ${userId}`,
  );
  if (!row?.avatar_path) throw new NotFoundError();
  return row.avatar_path;
}
