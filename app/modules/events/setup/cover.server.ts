import { NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { removeUnusedFile, saveFile, sniffImage } from "~/platform/storage/files.server";

// An event's cover image, uploaded through the platform's file store like a startup's logo: judged
// by its bytes (JPEG, PNG, WebP), stored under a generated name, and served by
// /files/event-covers/:name to whoever may see the event. The events row keeps the path of that route.

const FOLDER = "event-covers";
export const COVER_ROUTE = `/files/${FOLDER}/`;

/** Nothing when no file was chosen, an i18n error key when it is not an image, else the stored file's public path. */
export async function storeCover(upload: File | null): Promise<{ path?: string } | { error: string }> {
  if (!upload || upload.size === 0) return {};
  const bytes = new Uint8Array(await upload.arrayBuffer());
  const image = sniffImage(bytes);
  if (!image) return { error: "validation.image" };
  return { path: `/files/${await saveFile(FOLDER, image.ext, bytes)}` };
}

/** The store's name of a cover this site serves ("event-covers/…"), or null for an outside address. */
export const storedNameOf = (coverUrl: string | null | undefined) => (coverUrl?.startsWith(COVER_ROUTE) ? coverUrl.slice("/files/".length) : null);

/** Remove a stored cover no row names any more; an outside address is not ours to remove. */
export const removeUnusedCover = (coverUrl: string | null | undefined) => removeUnusedFile(storedNameOf(coverUrl));

/** The stored name of a cover, for whoever may see an event that shows it (RLS: published, or its organisers); else not found. */
export async function visibleCover(claims: Claims | null, name: string): Promise<string> {
  const path = `${COVER_ROUTE}${name}`;
  const [row] = await asUser(claims, (tx) => tx<{ cover_url: string }[]>`select cover_url from public.events where cover_url = ${path} limit 1`);
  const stored = storedNameOf(row?.cover_url);
  if (!stored) throw new NotFoundError();
  return stored;
}
