/**
 * Where uploaded bytes live: local disk off Supabase, a private Supabase Storage bucket on it (see
 * app/platform/decisions/006-file-storage.md). Names are ours (folder/uuid.ext) and are what the
 * database keeps, so a deployment can move its files from one store to the other unchanged.
 */
export interface FileStore {
  readonly kind: "disk" | "supabase";
  put(name: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when no such file is stored. */
  get(name: string): Promise<Uint8Array<ArrayBuffer> | null>;
  /** Removes the file; one already gone is not an error. */
  remove(name: string): Promise<void>;
  /** Makes the store ready, or says why it cannot be used; run at start. */
  ensure?(): Promise<void>;
}

/** The store did not answer (Storage down, refused our key): a 503 for the person, not a 500. */
export class FileStoreUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FileStoreUnavailable";
  }
}
