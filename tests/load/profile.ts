// The server's own CPU time per request for a few shell pages, with a fixed number of requests:
// steadier than req/s on a shared machine, and comparable between builds (issue 17).
// PROFILE_REQUESTS (default 1500) per page; PROFILE_DIR=<dir> also writes a V8 CPU profile of the
// server there (summarise it with tests/load/profile-summary.ts).
// PROFILE_DATASET=1 adds the bench's load dataset and its heavier pages (the organisation page, a
// call page, /manage, /review, the week of slots, the event page (an attendee's and a visitor's), the
// founder's application list, the mentoring report, the ranking, the application page with 3 and 40 reviews, call settings);
// PROFILE_PAGES="orgs/,review" keeps only the pages whose names contain one of the words.
import os from "node:os";
import { appDatabase, spawnApp } from "../support/app-server";
import { startTestPostgres } from "../support/postgres-server";
import { datasetPages } from "./dataset-pages";
import { serverStats, statementsOfOneRequest, type Page } from "./measure";
import { postgresCpuMicros } from "./postgres-cpu";
import { signIn } from "./session";

const REQUESTS = Number(process.env.PROFILE_REQUESTS ?? 1500);
// 10 as the bench loads (for memory after a load); 4 by default.
const CONCURRENCY = Number(process.env.PROFILE_CONCURRENCY ?? 4);
const DATASET = process.env.PROFILE_DATASET === "1";
const ONLY = (process.env.PROFILE_PAGES ?? "").split(",").map((w) => w.trim().toLowerCase()).filter(Boolean);

async function load(url: string, cookie: string | undefined, n: number) {
  let next = 0;
  const worker = async () => {
    while (next++ < n) {
      const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

const pg = await startTestPostgres();
const profileDir = process.env.PROFILE_DIR;
const databaseUrl = await appDatabase(pg.adminUrl);
const app = await spawnApp({ DATABASE_URL: databaseUrl, BENCH: "1" }, profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
try {
  await app.healthy();
  const cookie = await signIn(app.baseUrl, "manager@demo.binhduong.example", "demo-password-2026", "Trần Thị Mai");
  const pages: Page[] = [
    { name: "bare", path: "/bench/bare" },
    { name: "empty", path: "/bench/empty" },
    { name: "empty manager", path: "/bench/empty", cookie },
    { name: "empty + read", path: "/bench/empty?read" }, // the bench's floor of a page with data
    { name: "/ anonymous", path: "/" },
    { name: "/calls anonymous", path: "/calls" },
    { name: "/orgs manager", path: "/orgs", cookie },
    { name: "/orgs anonymous", path: "/orgs" },
    ...(DATASET ? await datasetPages(app.baseUrl, databaseUrl, cookie) : []),
  ].filter((p, i) => i === 0 || ONLY.length === 0 || ONLY.some((w) => p.name.toLowerCase().includes(w)));
  for (const page of pages) {
    await load(app.baseUrl + page.path, page.cookie, 100); // warm-up: JIT, prepared statements
    const statements = await statementsOfOneRequest(app.baseUrl, page, 3);
    const html = await (await fetch(app.baseUrl + page.path, { headers: page.cookie ? { cookie: page.cookie } : {} })).text();
    const before = await serverStats(app.baseUrl);
    const pgBefore = postgresCpuMicros(databaseUrl);
    const started = performance.now();
    await load(app.baseUrl + page.path, page.cookie, REQUESTS);
    const wall = performance.now() - started;
    const after = await serverStats(app.baseUrl);
    const cpu = (after.cpuMicros - before.cpuMicros) / 1000 / REQUESTS;
    const pgCpu = (postgresCpuMicros(databaseUrl) - pgBefore) / 1000 / REQUESTS;
    console.log(
      `${page.name.padEnd(27)} ${cpu.toFixed(3)} CPU ms/req  ${pgCpu.toFixed(3)} PG ms/req  ${(REQUESTS / (wall / 1000)).toFixed(0).padStart(5)} req/s  ${String(statements).padStart(2)} SQL  ` +
        `${(html.length / 1000).toFixed(1).padStart(6)} kB HTML  rss ${(after.rss / 1e6).toFixed(0)} MB (heap ${(after.heapUsed / 1e6).toFixed(0)} of ${(after.heapTotal / 1e6).toFixed(0)} MB, ` +
        `code ${(after.code / 1e6).toFixed(0)}, sources ${(after.scriptSources / 1e6).toFixed(0)}, external ${(after.external / 1e6).toFixed(0)} MB)`,
    );
  }
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  if (process.env.PROFILE_HOLD === "1") {
    // for EXPLAIN and curl against the same data: stays up until interrupted
    console.log(`holding: ${app.baseUrl} ${databaseUrl} manager cookie ${cookie}`);
    await new Promise((resolve) => process.once("SIGINT", resolve));
  }
} finally {
  await app.stop();
  await pg.stop();
}
