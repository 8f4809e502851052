// The booking action's server CPU and PostgreSQL CPU per request, with a fixed number of posts
// (the bench's booking row: SmartWater's founder books Anna, each post a different free slot):
// steadier than req/s on a shared machine. BOOKING_REQUESTS (default 300), 4 at a time;
// PROFILE_DIR=<dir> also writes a V8 CPU profile of the server.
import os from "node:os";
import { appDatabase, spawnApp } from "../support/app-server";
import { startTestPostgres } from "../support/postgres-server";
import { bookingPage } from "./booking";
import { serverStats, statementsOfOneRequest } from "./measure";
import { postgresCpuMicros } from "./postgres-cpu";

const REQUESTS = Number(process.env.BOOKING_REQUESTS ?? 300);
const CONCURRENCY = 4;

const pg = await startTestPostgres();
const profileDir = process.env.PROFILE_DIR;
const databaseUrl = await appDatabase(pg.adminUrl);
const app = await spawnApp({ DATABASE_URL: databaseUrl, BENCH: "1" }, profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
try {
  await app.healthy();
  const page = await bookingPage(app.baseUrl, databaseUrl);
  const post = page.post!;
  const load = async (n: number) => {
    let sent = 0;
    const worker = async () => {
      while (sent++ < n) {
        const body = post.bodies[post.used++];
        if (body === undefined) throw new Error("no free slot left");
        const res = await fetch(app.baseUrl + page.path, {
          method: "POST",
          headers: { cookie: page.cookie!, origin: app.baseUrl, "content-type": "application/x-www-form-urlencoded" },
          body,
          redirect: "manual",
        });
        await res.arrayBuffer();
        if (res.status !== 302) throw new Error(`booking answered ${res.status}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };
  await load(50); // warm-up
  const statements = await statementsOfOneRequest(app.baseUrl, page, 3);
  const before = await serverStats(app.baseUrl);
  const pgBefore = postgresCpuMicros(databaseUrl);
  const started = performance.now();
  await load(REQUESTS);
  const wall = performance.now() - started;
  const after = await serverStats(app.baseUrl);
  const cpu = (after.cpuMicros - before.cpuMicros) / 1000 / REQUESTS;
  const pgCpu = (postgresCpuMicros(databaseUrl) - pgBefore) / 1000 / REQUESTS;
  console.log(`book a session (POST)  ${cpu.toFixed(3)} CPU ms/req  ${pgCpu.toFixed(3)} PG ms/req  ${(REQUESTS / (wall / 1000)).toFixed(0)} req/s  ${statements} SQL`);
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
} finally {
  await app.stop();
  await pg.stop();
}
