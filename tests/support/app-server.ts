import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cloneDatabase, freePort } from "./postgres-server";

/** A fresh database for an app server, cloned from the migrated template. */
export const appDatabase = (adminUrl: string) => cloneDatabase(adminUrl, `e2e_${randomBytes(5).toString("hex")}`);

/**
 * The app as `npm start` runs it (production build, migrations, demo data, mail worker), on a
 * database of its own. Returns its base URL and a stop function.
 */
export async function startAppServer(adminUrl: string, extraEnv: Record<string, string> = {}, database?: string) {
  // A test that must reach the database before the app starts (e.g. a fake service) clones it first.
  const databaseUrl = database ?? (await appDatabase(adminUrl));
  const app = await spawnApp({ DATABASE_URL: databaseUrl, ...extraEnv });
  await app.healthy();
  return { ...app, databaseUrl };
}

/**
 * Starts the server as `npm start` does (`node build/main.js`, compiled from
 * `app/platform/server/main.ts` by the build), with `env` over this process's environment (an
 * empty DATABASE_URL means the embedded PostgreSQL) and `nodeArgs` before the script (e.g.
 * --cpu-prof). Does not wait: `healthy()` waits for /healthz, `exited()` for the process to end.
 */
export async function spawnApp(env: Record<string, string>, nodeArgs: string[] = []) {
  if (!existsSync("build/main.js")) throw new Error("No build/main.js: run `npx remix vite:build` (or `npm run build`) first");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "build/main.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      APP_URL: baseUrl,
      UPLOAD_DIR: mkdtempSync(path.join(os.tmpdir(), "ir-e2e-uploads-")),
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    baseUrl,
    pid: child.pid,
    output: () => output,
    /** Resolves once /healthz answers 200; throws with the app's output if it exits or takes a minute. */
    healthy: async () => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`app exited early:\n${output}`);
        try {
          const res = await fetch(`${baseUrl}/healthz`);
          if (res.ok) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`app did not become healthy:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    /** The exit code once the process has ended. */
    exited: () => exit,
    kill: async (signal: NodeJS.Signals) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exit;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exit;
    },
  };
}
