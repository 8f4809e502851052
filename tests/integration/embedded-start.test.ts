import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { spawnApp } from "../support/app-server";
import { freePort } from "../support/postgres-server";

// `npm start` with the embedded PostgreSQL (no DATABASE_URL), each test on a data folder of its own.
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function embeddedEnv(port?: number) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ir-pg-start-"));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const pgPort = port ?? (await freePort());
  return { dir, port: pgPort, env: { DATABASE_URL: "", EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(pgPort), SEED: "false" } };
}

describe("npm start with the embedded PostgreSQL", () => {
  it("starts healthy again after the app was killed with SIGKILL, stopping the PostgreSQL it left behind", async () => {
    const { dir, env } = await embeddedEnv();
    const first = await spawnApp(env);
    cleanup.push(() => first.stop());
    await first.healthy();
    await first.kill("SIGKILL");
    // The killed app's PostgreSQL still holds the data folder.
    expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(true);

    const second = await spawnApp(env);
    cleanup.push(() => second.stop());
    await second.healthy();
    const page = await fetch(`${second.baseUrl}/auth/sign-in`, { headers: { "accept-language": "en" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Sign in");
    expect(second.output()).not.toContain("undefined");

    // A normal stop takes its PostgreSQL down with it.
    await second.stop();
    expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
  }, 180_000);

  it("stops with a message naming the port and EMBEDDED_PG_PORT when another program holds the port", async () => {
    const blocker: Server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    cleanup.push(() => new Promise((resolve) => blocker.close(resolve)));
    const { env } = await embeddedEnv(port);

    const app = await spawnApp(env);
    cleanup.push(() => app.stop());
    const code = await app.exited();
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(app.output()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(app.output()).toContain("EMBEDDED_PG_PORT");
    expect(app.output()).not.toContain("Uncaught undefined");
  }, 120_000);
});
