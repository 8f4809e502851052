import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startEmbeddedPostgres } from "../../app/platform/db/embedded.server";
import { migrate } from "../../app/platform/db/migrate.server";

export const TEMPLATE_DB = "app_template";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** A throwaway PostgreSQL server with a migrated template database to clone per test file. */
export async function startTestPostgres() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ir-pg-"));
  const port = await freePort();
  const pg = await startEmbeddedPostgres({ dir, port, durable: false });
  const adminUrl = pg.adminUrl;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${TEMPLATE_DB}`);
  await migrate(adminUrl.replace(/\/postgres$/, `/${TEMPLATE_DB}`));
  await admin.end();
  return {
    adminUrl,
    stop: async () => {
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database cloned from the template; returns its URL. */
export async function cloneDatabase(adminUrl: string, name: string) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}
