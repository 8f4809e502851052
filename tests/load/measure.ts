import { spawn } from "node:child_process";
import type { CannonOptions, CannonResult } from "./cannon";
import { settled, statementsOfOneRequest as fewestStatements } from "../support/statement-count";
import { postgresCpuMicros } from "./postgres-cpu";

/**
 * A page to load: a GET, or a form post (`post`) sent as a browser sends it, with the session
 * cookie and a same-origin Origin (the server refuses other non-GET requests). Each post takes the
 * next of `bodies` (e.g. each books another free slot); `used` counts those taken so far; a success
 * answers `ok` (an action's redirect) to `location` (a redirect to sign-in is no success).
 */
export type Page = { name: string; path: string; cookie?: string; post?: FormPost; target?: number; form?: boolean };
export type FormPost = { bodies: string[]; used: number; ok: number; location: string };
export type PageResult = CannonResult & { name: string; path: string; rps: number; statementsPerRequest: number; cpuMsPerRequest: number; pgMsPerRequest: number };
type ServerStats = {
  statements: number;
  cpuMicros: number;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  code: number;
  scriptSources: number;
};

// A page is loaded for ~2 s before its run (up to 3,000 requests): the first pages of the bench
// were measured with the JIT still compiling the shell (the empty page ran at 1.06-1.35 CPU ms in
// the bench after 20 requests, 0.72-0.77 once warm: tests/load/floor.ts, decision 008). A form post
// takes only 20: each warm-up post spends one of the run's bodies (a free slot, a new order).
const WARMUP = { requests: 3000, posts: 20, ms: 2000 };

/**
 * Loads one page for `durationSec` from a child process and counts the server's SQL and CPU
 * meanwhile, and PostgreSQL's CPU when given its URL (NaN without).
 */
export async function measurePage(
  baseUrl: string,
  page: Page,
  load: { connections: number; durationSec: number },
  databaseUrl?: string,
): Promise<PageResult> {
  const pgCpu = () => (databaseUrl ? postgresCpuMicros(databaseUrl) : NaN);
  const headers = headersOf(baseUrl, page);
  await warmUp(baseUrl, page);
  const before = await serverStats(baseUrl);
  const pgBefore = pgCpu();
  const post = page.post ? { bodies: page.post.bodies.slice(page.post.used), ok: page.post.ok, location: page.post.location } : undefined;
  const result = await runCannon({ url: baseUrl + page.path, headers, ...load, ...(post ? { post } : {}) });
  if (page.post) page.post.used += result.bodiesUsed;
  // Requests cut off by the client finish their SQL first.
  await settled(baseUrl);
  const after = await serverStats(baseUrl);
  const pgAfter = pgCpu();
  // Requests still in flight when autocannon stops are cut off on the client but run their SQL on
  // the server, so divide by requests sent, not only those completed.
  const requests = Math.max(result.sent, result.completed);
  return {
    ...result,
    name: page.name,
    path: page.path,
    rps: result.completed / result.durationSec,
    statementsPerRequest: requests > 0 ? (after.statements - before.statements) / requests : NaN,
    // The server's own CPU time: far less sensitive to other load on the machine than req/s.
    cpuMsPerRequest: requests > 0 ? (after.cpuMicros - before.cpuMicros) / 1000 / requests : NaN,
    // The mail worker's poll and autovacuum fall in too: a few hundredths of a ms per request.
    pgMsPerRequest: requests > 0 ? (pgAfter - pgBefore) / 1000 / requests : NaN,
  };
}

// Sequential requests first: the page must answer 2xx, and first-request costs (JIT, prepared
// statements, caches) stay out of the numbers.
export async function warmUp(baseUrl: string, page: Page) {
  const until = Date.now() + WARMUP.ms;
  const requests = page.post ? WARMUP.posts : WARMUP.requests;
  for (let i = 0; i < requests && (i === 0 || Date.now() < until); i++) {
    const res = await send(baseUrl, page);
    await res.arrayBuffer();
    if (!answered(page, res)) throw new Error(`${page.name}: ${page.path} answered ${res.status} before the run`);
  }
}

function headersOf(baseUrl: string, page: Page): Record<string, string> {
  const cookie: Record<string, string> = page.cookie ? { cookie: page.cookie } : {};
  return page.post ? { ...cookie, origin: baseUrl, "content-type": "application/x-www-form-urlencoded" } : cookie;
}

/** One request of the page; a post takes the next body. */
function send(baseUrl: string, page: Page) {
  const body = page.post ? page.post.bodies[page.post.used++] : undefined;
  if (page.post && body === undefined) throw new Error(`${page.name}: no form body left`);
  return fetch(baseUrl + page.path, { method: page.post ? "POST" : "GET", headers: headersOf(baseUrl, page), body, redirect: "manual" });
}

const answered = (page: Page, res: Response) =>
  page.post ? res.status === page.post.ok && (res.headers.get("location") ?? "").startsWith(page.post.location) : res.ok;

/**
 * Statements one request of a page runs, counted alone (tests/support/statement-count.ts). Exact,
 * unlike the per-request average under load, which carries the mail worker's poll's share.
 */
export const statementsOfOneRequest = (baseUrl: string, page: Page, tries = 5) =>
  fewestStatements(
    baseUrl,
    async () => {
      const res = await send(baseUrl, page);
      await res.arrayBuffer();
      if (!answered(page, res)) throw new Error(`${page.name}: ${page.path} answered ${res.status}`);
    },
    tries,
  );

/** The server's statement count, CPU time and resident memory so far (app/routes/bench.stats.ts). */
export async function serverStats(baseUrl: string): Promise<ServerStats> {
  const res = await fetch(`${baseUrl}/bench/stats`);
  if (!res.ok) throw new Error(`/bench/stats answered ${res.status}: is the server started with BENCH=1?`);
  return (await res.json()) as ServerStats;
}

function runCannon(opts: CannonOptions): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/load/cannon.ts"], { stdio: ["pipe", "pipe", "inherit"] });
    child.stdin.end(JSON.stringify(opts));
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon child exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim()) as CannonResult);
      } catch {
        reject(new Error(`autocannon child printed no result: ${out}`));
      }
    });
  });
}
