// The CPU one request of the manager's ranking page costs on the bench dataset (5,000 applications
// × 3 reviews): the server process (its /bench/stats) and the whole PostgreSQL cluster (the
// postmaster and its children, /proc/<pid>/stat), over a fixed number of requests after a warm-up.
// CPU time is far steadier than req/s on a shared machine, and this runs on any build, so two builds
// can be compared run for run (decisions/ranking-speed.md).
//   npm run build && npx tsx tests/load/ranking-cost.ts      (COST_REQUESTS=200 by default)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import postgres from "postgres";
import { startAppServer } from "../support/app-server";
import { startTestPostgres } from "../support/postgres-server";
import { seedLoadData } from "./dataset";
import { RANKED_CALL } from "./dataset.sql";
import { serverStats } from "./measure";
import { signIn } from "./session";

const REQUESTS = Number(process.env.COST_REQUESTS ?? 200);
const CONCURRENCY = 2;
const TICK_MS = 1000 / 100; // USER_HZ

/** CPU ms of a process and its children: live ones (utime + stime) and reaped ones (cutime + cstime). */
function clusterCpuMs(postmaster: number) {
  const stat = (pid: number | string) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) };
    } catch {
      return null; // exited meanwhile
    }
  };
  const top = stat(postmaster)!;
  let ticks = top.own + top.reaped;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    const s = stat(pid);
    if (s?.ppid === postmaster) ticks += s.own;
  }
  return ticks * TICK_MS;
}

const pg = await startTestPostgres();
const app = await startAppServer(pg.adminUrl, { BENCH: "1" });
try {
  await seedLoadData(app.databaseUrl, () => {});
  const db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  const [row] = await db<{ call: string; dir: string }[]>`
    select (select id from public.calls where slug = ${RANKED_CALL}) as call, current_setting('data_directory') as dir`;
  await db.end();
  const postmaster = Number(readFileSync(path.join(row!.dir, "postmaster.pid"), "utf8").split("\n")[0]);
  const cookie = await signIn(app.baseUrl, "manager@demo.binhduong.example", "demo-password-2026", "Trần Thị Mai");
  const url = `${app.baseUrl}/manage/calls/${row!.call}/ranking`;
  const load = async (n: number) => {
    let next = 0;
    const worker = async () => {
      while (next++ < n) {
        const res = await fetch(url, { headers: { cookie } });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };
  await load(20); // warm-up: JIT, prepared statements, the first ranking
  const before = { server: await serverStats(app.baseUrl), pg: clusterCpuMs(postmaster) };
  const started = performance.now();
  await load(REQUESTS);
  const wall = performance.now() - started;
  const after = { server: await serverStats(app.baseUrl), pg: clusterCpuMs(postmaster) };
  const per = (x: number) => (x / REQUESTS).toFixed(2);
  console.log(
    `ranking page, ${REQUESTS} requests: server ${per((after.server.cpuMicros - before.server.cpuMicros) / 1000)} CPU ms/req, ` +
      `PostgreSQL ${per(after.pg - before.pg)} CPU ms/req, SQL ${per(after.server.statements - before.server.statements)}/req, ` +
      `${(REQUESTS / (wall / 1000)).toFixed(1)} req/s, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
} finally {
  await app.stop();
  await pg.stop();
}
