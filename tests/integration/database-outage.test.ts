import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localeCookie } from "~/platform/auth/cookie.server";
import { startEmbeddedPostgres } from "~/platform/db/embedded.server";
import { closeSql } from "~/platform/db/sql.server";
import { resetEnv } from "~/platform/env.server";
import { spawnApp } from "../support/app-server";
import { createUser } from "../support/factories";
import { freePort } from "../support/postgres-server";

// The app as `npm start` runs it, on a PostgreSQL server of this test's own, which the test stops
// and starts again under it.
let dir: string;
let port: number;
let pg: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
let app: Awaited<ReturnType<typeof spawnApp>>;
let english: string; // the cookie the language switch sets for English
let session: string; // a signed-in person's session cookie

const startPostgres = () => startEmbeddedPostgres({ dir, port, durable: false });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "ir-pg-outage-"));
  port = await freePort();
  pg = await startPostgres();
  app = await spawnApp({ DATABASE_URL: pg.url, SEED: "false" });
  await app.healthy();
  // This file's own helpers reach the same database, to create a person to sign in as.
  process.env.DATABASE_URL = pg.url;
  resetEnv();
  await closeSql();
  const user = await createUser({ locale: "en" });
  await closeSql();
  const signIn = await fetch(`${app.baseUrl}/auth/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl },
    body: new URLSearchParams({ email: user.email, password: user.password }),
  });
  expect(signIn.status).toBe(302);
  session = signIn.headers.get("set-cookie")!.split(";")[0]!;
  english = (await localeCookie.serialize("en")).split(";")[0]!;
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await pg?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const get = (p: string, headers: Record<string, string> = {}) => fetch(`${app.baseUrl}${p}`, { redirect: "manual", headers });

/** What a person sees: the status, when to come back, and the page's language and message. */
async function seen(res: Response) {
  const html = await res.text();
  return { status: res.status, retryAfter: res.headers.get("retry-after"), lang: /<html lang="(\w+)"/.exec(html)?.[1], html };
}

async function stopPostgres() {
  await pg?.stop();
  pg = undefined;
}

/** `people` visitors, each asking for a page again as soon as they have an answer, until stopped. */
function keepAsking(people: number) {
  const answers: { status: number; ms: number; asked: number }[] = [];
  let stopped = false;
  const visitors = Array.from({ length: people }, async () => {
    while (!stopped) {
      const asked = Date.now();
      const res = await get("/orgs", { cookie: session });
      await res.arrayBuffer();
      answers.push({ status: res.status, ms: Date.now() - asked, asked });
    }
  });
  return {
    answered: () => answers.length,
    stop: async () => {
      stopped = true;
      await Promise.all(visitors);
      return answers;
    },
  };
}

describe("when PostgreSQL stops under the running app", () => {
  it("answers 503 with Retry-After and its own page in the visitor's language, for pages, forms and the health probe", async () => {
    expect((await get("/orgs", { cookie: session })).status).toBe(200);
    await stopPostgres();

    // A visitor, in the language the browser asks for.
    const en = await seen(await get("/", { "accept-language": "en-US,en;q=0.9" }));
    expect(en).toMatchObject({ status: 503, retryAfter: "5", lang: "en" });
    expect(en.html).toContain("The service is briefly unavailable. Please try again in a moment.");
    expect(en.html).not.toContain("Unexpected Server Error");
    const vi = await seen(await get("/", { "accept-language": "vi-VN,vi;q=0.9" }));
    expect(vi).toMatchObject({ status: 503, retryAfter: "5", lang: "vi" });
    expect(vi.html).toContain("Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau giây lát.");
    // The language cookie wins over the browser's header.
    expect(await seen(await get("/orgs", { cookie: english, "accept-language": "vi" }))).toMatchObject({ status: 503, lang: "en" });

    // A signed-in person: the root loader, which looks them up, answers 503 too.
    const member = await seen(await get("/orgs", { cookie: `${session}; ${english}` }));
    expect(member).toMatchObject({ status: 503, retryAfter: "5", lang: "en" });
    expect(member.html).toContain("The service is briefly unavailable.");

    // A form sent without JavaScript (an action).
    const posted = await fetch(`${app.baseUrl}/auth/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl, cookie: english },
      body: new URLSearchParams({ email: "someone@example.test", password: "a-long-password-1" }),
    });
    expect(await seen(posted)).toMatchObject({ status: 503, retryAfter: "5", lang: "en" });

    // The load balancer's probe.
    const health = await get("/healthz");
    expect(health.status).toBe(503);
    expect(health.headers.get("retry-after")).toBe("5");
  }, 60_000);

  it("answers each visitor within 3 s through ten seconds of outage, and the first page within 2 s of PostgreSQL's return", async () => {
    await stopPostgres();
    const visitors = keepAsking(3);
    // The outage lasts ten seconds and at least twenty answers: long enough for reconnect backoff to grow.
    const outageEnds = Date.now() + 10_000;
    await expect.poll(() => Date.now() >= outageEnds && visitors.answered() >= 20, { timeout: 30_000, interval: 250 }).toBe(true);

    pg = await startPostgres(); // resolves once PostgreSQL accepts connections
    const back = Date.now();
    const first = await get("/orgs", { cookie: session });
    const took = Date.now() - back;
    const answers = await visitors.stop();
    expect(first.status).toBe(200);
    expect(took).toBeLessThan(2000);

    const duringOutage = answers.filter((a) => a.asked < back - 1000);
    expect(duringOutage.length).toBeGreaterThan(10);
    expect(new Set(duringOutage.map((a) => a.status))).toEqual(new Set([503]));
    expect(Math.max(...duringOutage.map((a) => a.ms))).toBeLessThan(3000);
    expect((await get("/healthz")).status).toBe(200);
  }, 60_000);
});
