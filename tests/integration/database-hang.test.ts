import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { localeCookie } from "~/platform/auth/cookie.server";
import { BusyError, UnavailableError } from "~/platform/db/errors.server";
import { closeSql } from "~/platform/db/sql.server";
import { asService, asUser } from "~/platform/db/transaction.server";
import { resetEnv } from "~/platform/env.server";
import { appDatabase, startAppServer } from "../support/app-server";
import { startFreezableProxy } from "../support/freezable-proxy";

// A database that blocks or stops answering must not hold requests: PostgreSQL's own timeouts
// end a statement, a lock wait or an abandoned transaction, the app's deadlines end the wait for
// a server that says nothing, and the person gets a 503 to come back to.
const LOCK_MS = 500;
const STATEMENT_MS = 700;
const IDLE_MS = 500;
Object.assign(process.env, {
  DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
  DATABASE_LOCK_TIMEOUT_MS: String(LOCK_MS),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: String(IDLE_MS),
});
resetEnv();

let proxy: Awaited<ReturnType<typeof startFreezableProxy>>;
let app: Awaited<ReturnType<typeof startAppServer>>;
let db: postgres.Sql;
let english: string;

beforeAll(async () => {
  const direct = await appDatabase(inject("pgAdminUrl"));
  const url = new URL(direct);
  proxy = await startFreezableProxy({ host: url.hostname, port: Number(url.port) });
  url.port = String(proxy.port);
  app = await startAppServer(
    inject("pgAdminUrl"),
    {
      SEED: "false",
      DATABASE_CONNECT_TIMEOUT_MS: "1000",
      DATABASE_TRANSACTION_TIMEOUT_MS: "2000",
      DATABASE_LOCK_TIMEOUT_MS: String(LOCK_MS),
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
    },
    url.toString(),
  );
  db = postgres(direct, { max: 1, onnotice: () => {} });
  english = (await localeCookie.serialize("en")).split(";")[0]!;
}, 120_000);
afterAll(async () => {
  await db?.end();
  await app?.stop();
  await proxy?.close();
  await closeSql();
});

/** A page, as a person asks for it; gives up after 15 s so that a hanging server fails the test instead of stalling it. */
async function page(path: string) {
  const asked = Date.now();
  const res = await fetch(`${app.baseUrl}${path}`, { headers: { cookie: english }, signal: AbortSignal.timeout(15_000) });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), html: await res.text(), ms: Date.now() - asked };
}

describe("a statement that blocks", () => {
  it("answers 503 'busy' with Retry-After once the lock timeout fires, instead of waiting for the lock", async () => {
    expect((await page("/orgs")).status).toBe(200);
    const holder = db.begin(async (tx) => {
      await tx`lock table public.organisations in access exclusive mode`;
      const blocked = await page("/orgs");
      expect(blocked).toMatchObject({ status: 503, retryAfter: "5" });
      expect(blocked.html).toContain("The system is busy. Please try again in a moment.");
      expect(blocked.ms).toBeLessThan(LOCK_MS + 2500);
    });
    await holder;
    expect((await page("/orgs")).status).toBe(200);
  });

  it("sets the statement, lock and idle-in-transaction timeouts on every transaction", async () => {
    const settings = (await asUser(null, (tx) => tx`select current_setting('statement_timeout') as s, current_setting('lock_timeout') as l,
      current_setting('idle_in_transaction_session_timeout') as i`))[0];
    expect(settings).toEqual({ s: `${STATEMENT_MS}ms`, l: `${LOCK_MS}ms`, i: `${IDLE_MS}ms` });
  });

  it("ends a slow statement with 'busy' and a transaction left idle with 'unavailable'", async () => {
    const started = Date.now();
    await expect(asService((tx) => tx`select pg_sleep(5)`)).rejects.toBeInstanceOf(BusyError);
    expect(Date.now() - started).toBeLessThan(STATEMENT_MS + 2000);
    // Work that stalls inside a transaction (here: waits on something else) loses its session.
    await expect(
      asService(async (tx) => {
        const [{ pid } = { pid: 0 }] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
        // Stalled until PostgreSQL has ended the idle session (seen from another connection).
        await expect
          .poll(async () => (await asService((t) => t<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where pid = ${pid}`))[0]!.n, {
            timeout: IDLE_MS * 10,
          })
          .toBe(0);
        await tx`select 1`;
      }),
    ).rejects.toBeInstanceOf(UnavailableError);
  });
});

describe("a database that stops answering", () => {
  it("answers 503 with Retry-After within the deadlines, and serves pages again once it answers", async () => {
    expect((await page("/orgs")).status).toBe(200);
    proxy.freeze();
    try {
      // Connections already open wait for the transaction deadline; new ones for the connect timeout.
      for (let i = 0; i < 3; i++) {
        const hung = await page("/orgs");
        expect(hung).toMatchObject({ status: 503, retryAfter: "5" });
        expect(hung.html).toContain("The service is briefly unavailable.");
        expect(hung.ms).toBeLessThan(5000);
      }
      const health = await page("/healthz");
      expect(health.status).toBe(503);
    } finally {
      proxy.thaw();
    }
    await expect.poll(async () => (await page("/orgs")).status, { timeout: 10_000, interval: 200 }).toBe(200);
  });
});
