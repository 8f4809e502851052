import { createClient } from "@supabase/supabase-js";
import { NoRealtime } from "~/platform/auth/supabase-client.server";
import { FileStoreUnavailable, type FileStore } from "./store.server";

// What the bucket accepts, checked again by Storage itself: our largest upload is a 10 MB deck.
export const BUCKET_LIMITS = {
  fileSizeLimit: 10 * 1024 * 1024,
  allowedMimeTypes: ["application/pdf", "image/jpeg", "image/png", "image/webp"],
};

/**
 * Files in one private Supabase Storage bucket, through supabase-js with the service role key:
 * the key stays on the server, and our routes decide who may read (Storage's own policies are not
 * involved). The bucket is created private on first use; a public one is refused, since its files
 * would be readable by anyone who learns a name, past every check of ours.
 */
export function supabaseBucket(url: string, serviceRoleKey: string, bucket: string): FileStore {
  const client = createClient(url, serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: NoRealtime },
  });
  const files = () => client.storage.from(bucket);

  let ready: Promise<void> | undefined;
  // Once per process; a failure (Storage unreachable) is tried again by the next request.
  const ensure = () =>
    (ready ??= ensurePrivateBucket().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));

  async function ensurePrivateBucket() {
    const found = await client.storage.getBucket(bucket);
    if (found.data) {
      if (found.data.public) throw new PublicBucketError(bucket);
      return;
    }
    if (!isNotFound(found.error)) throw unavailable("reading the bucket", found.error);
    const created = await client.storage.createBucket(bucket, { public: false, ...BUCKET_LIMITS });
    // Another instance may have created it meanwhile; the next start checks it is private.
    if (created.error && created.error.statusCode !== "409") throw unavailable("creating the bucket", created.error);
  }

  return {
    kind: "supabase",
    ensure,
    async put(name, bytes, contentType) {
      await ensure();
      // Names are fresh uuids: never overwrite, so a clash is an error rather than a lost file.
      const { error } = await files().upload(name, bytes, { contentType, upsert: false, cacheControl: "0" });
      if (error) throw unavailable("uploading", error);
    },
    async get(name) {
      await ensure();
      const { data, error } = await files().download(name);
      if (error) {
        if (isNotFound(error)) return null;
        throw unavailable("downloading", error);
      }
      return new Uint8Array(await data.arrayBuffer());
    },
    async remove(name) {
      await ensure();
      // Storage answers a removal of a missing object with an empty list, not an error.
      const { error } = await files().remove([name]);
      if (error) throw unavailable("removing", error);
    },
  };
}

export class PublicBucketError extends Error {
  constructor(bucket: string) {
    super(`Supabase Storage bucket "${bucket}" is public: make it private (Storage settings), or set SUPABASE_STORAGE_BUCKET to another name`);
    this.name = "PublicBucketError";
  }
}

// The part of supabase-js's StorageError we read.
type StorageError = { message: string; status?: number; statusCode?: string };

// Storage answers a missing object or bucket with 404, or (its older error format, still served)
// with 400 and statusCode "404" in the body.
const isNotFound = (error: StorageError | null) => error !== null && (error.status === 404 || error.statusCode === "404");

const unavailable = (doing: string, error: StorageError | null) =>
  new FileStoreUnavailable(`Supabase Storage failed ${doing}: ${error?.message ?? "no answer"}`, { cause: error });
