import { randomUUID } from "node:crypto";
import { env } from "~/platform/env.server";
import { logger } from "~/platform/log.server";
import { diskStore } from "./disk.server";
import type { FileStore } from "./store.server";
import { supabaseBucket } from "./supabase-bucket.server";

// Uploaded files live outside public/, under generated names, and are served only through routes
// that check who asks. One interface, two stores: a private Supabase Storage bucket when the
// service role key is set, local disk otherwise (app/platform/decisions/006-file-storage.md).
const IMAGE_TYPES = [
  { type: "image/jpeg", ext: "jpg", test: (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: "image/png", ext: "png", test: (b: Uint8Array) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v) },
  {
    type: "image/webp",
    ext: "webp",
    test: (b: Uint8Array) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP",
  },
] as const;

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** The image type judged by content, never by the name or the declared type. */
export function sniffImage(bytes: Uint8Array) {
  return IMAGE_TYPES.find((t) => t.test(bytes)) ?? null;
}

let current: { key: string; store: FileStore } | undefined;

/** The store the environment asks for; rebuilt only when the environment changes (tests do). */
export function fileStore() {
  const { SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, SUPABASE_STORAGE_BUCKET, UPLOAD_DIR } = env();
  const onSupabase = SUPABASE_URL && SUPABASE_SERVICE_ROLE_KEY;
  const key = onSupabase ? `supabase ${SUPABASE_URL} ${SUPABASE_STORAGE_BUCKET} ${SUPABASE_SERVICE_ROLE_KEY}` : `disk ${UPLOAD_DIR}`;
  if (current?.key !== key) {
    current = { key, store: onSupabase ? supabaseBucket(SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, SUPABASE_STORAGE_BUCKET) : diskStore(UPLOAD_DIR) };
  }
  return current.store;
}

/** At start: the bucket exists and is private (created if missing), so a misconfiguration stops the app, not an upload. */
export async function checkFileStore(): Promise<FileStore["kind"]> {
  const store = fileStore();
  await store.ensure?.();
  return store.kind;
}

export async function saveFile(folder: string, ext: string, bytes: Uint8Array) {
  const name = `${folder}/${randomUUID()}.${ext}`;
  await fileStore().put(name, bytes, contentTypeOf(name));
  return name;
}

const STORED_NAME = /^[a-z-]+\/[0-9a-f-]{36}\.(jpg|png|webp|pdf)$/;

export async function readStoredFile(name: string) {
  // Names are ours (folder/uuid.ext); anything else is refused before reaching a store.
  if (!STORED_NAME.test(name)) return null;
  return fileStore().get(name);
}

/** Remove a stored file; a missing one is already gone. */
export async function removeStoredFile(name: string) {
  if (!STORED_NAME.test(name)) return;
  await fileStore().remove(name);
}

/**
 * Remove the file a committed change replaced (or a new one its failed change left unused). The
 * change stands either way: a store that does not answer leaves the object behind, logged, and
 * never fails the request that made the change.
 */
export async function removeUnusedFile(name: string | null | undefined) {
  if (!name) return;
  try {
    await removeStoredFile(name);
  } catch (error) {
    logger.warn({ err: error, name }, "an unused stored file was not removed");
  }
}

export const contentTypeOf = (name: string) =>
  name.endsWith(".png") ? "image/png" : name.endsWith(".webp") ? "image/webp" : name.endsWith(".pdf") ? "application/pdf" : "image/jpeg";
