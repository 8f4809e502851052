// The server's own CPU time per request for a few shell pages, with a fixed number of requests:
// steadier than req/s on a shared machine, and comparable between builds (issue 17).
// PROFILE_REQUESTS (default 1500) per page; PROFILE_DIR=<dir> also writes a V8 CPU profile of the
// server there (summarise it with tests/load/profile-summary.ts). PROFILE_PAGES=empty,/calls
// (names, comma-separated) measures only those pages.
import os from "node:os";
import { appDatabase, spawnApp } from "../support/app-server";
import { startTestPostgres } from "../support/postgres-server";
import { serverStats, type Page } from "./measure";
import { signIn } from "./session";

const REQUESTS = Number(process.env.PROFILE_REQUESTS ?? 1500);
const CONCURRENCY = 4;

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
const app = await spawnApp({ DATABASE_URL: await appDatabase(pg.adminUrl), BENCH: "1" }, profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
try {
  await app.healthy();
  const cookie = await signIn(app.baseUrl, "manager@demo.binhduong.example", "demo-password-2026", "Trần Thị Mai");
  const pages: Page[] = [
    { name: "bare", path: "/bench/bare" },
    { name: "empty", path: "/bench/empty" },
    { name: "empty manager", path: "/bench/empty", cookie },
    { name: "/ anonymous", path: "/" },
    { name: "/calls anonymous", path: "/calls" },
    { name: "/orgs manager", path: "/orgs", cookie },
  ];
  const only = process.env.PROFILE_PAGES?.split(",");
  for (const page of pages.filter((p) => !only || only.includes(p.name.replace(/ anonymous$/, "")))) {
    await load(app.baseUrl + page.path, page.cookie, 100); // warm-up: JIT, prepared statements
    const before = await serverStats(app.baseUrl);
    const started = performance.now();
    await load(app.baseUrl + page.path, page.cookie, REQUESTS);
    const wall = performance.now() - started;
    const after = await serverStats(app.baseUrl);
    const cpu = (after.cpuMicros - before.cpuMicros) / 1000 / REQUESTS;
    console.log(`${page.name.padEnd(18)} ${cpu.toFixed(3)} CPU ms/req  ${(REQUESTS / (wall / 1000)).toFixed(0).padStart(5)} req/s  rss ${(after.rss / 1e6).toFixed(0)} MB (heap ${(after.heapUsed / 1e6).toFixed(0)} of ${(after.heapTotal / 1e6).toFixed(0)} MB)`);
  }
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
} finally {
  await app.stop();
  await pg.stop();
}
