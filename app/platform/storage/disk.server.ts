import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FileStore } from "./store.server";

/** Files under one folder on local disk (UPLOAD_DIR), outside public/: one machine only. */
export function diskStore(dir: string): FileStore {
  const root = path.resolve(dir);
  return {
    kind: "disk",
    async put(name, bytes) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), bytes);
    },
    async get(name) {
      try {
        return new Uint8Array(await readFile(path.join(root, name)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(name) {
      await rm(path.join(root, name), { force: true });
    },
  };
}
