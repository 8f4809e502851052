import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "~/platform/env.server";

// Uploaded files live outside public/, under generated names, and are served only through routes
// that check who asks. (On Supabase this becomes a private Storage bucket behind the same API.)
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

const root = () => path.resolve(env().UPLOAD_DIR);

export async function saveFile(folder: string, ext: string, bytes: Uint8Array) {
  const name = `${folder}/${randomUUID()}.${ext}`;
  await mkdir(path.join(root(), folder), { recursive: true });
  await writeFile(path.join(root(), name), bytes);
  return name;
}

const STORED_NAME = /^[a-z-]+\/[0-9a-f-]{36}\.(jpg|png|webp|pdf)$/;

export async function readStoredFile(name: string) {
  // Names are ours (folder/uuid.ext); anything else is refused before touching the disk.
  if (!STORED_NAME.test(name)) return null;
  try {
    return await readFile(path.join(root(), name));
  } catch {
    return null;
  }
}

/** Remove a stored file; a missing one is already gone. */
export async function removeStoredFile(name: string) {
  if (!STORED_NAME.test(name)) return;
  await rm(path.join(root(), name), { force: true });
}

export const contentTypeOf = (name: string) =>
  name.endsWith(".png") ? "image/png" : name.endsWith(".webp") ? "image/webp" : name.endsWith(".pdf") ? "application/pdf" : "image/jpeg";
