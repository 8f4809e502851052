// The bench's two form posts (a mentoring booking, a free event registration) with a fixed number
// of requests: server CPU ms, PostgreSQL CPU ms and statements per post, the mail worker's delivery
// of the mails each post queues included (counted once the outbox is empty). A/B between builds
// as tests/load/profile.ts does for pages (decision 008, sixth pass, txn).
// POSTS_REQUESTS (default 300) per row, POSTS_CONCURRENCY (default 4), POSTS_ROWS="book,registration".
import os from "node:os";
import postgres from "postgres";
import { appDatabase, spawnApp } from "../support/app-server";
import { startTestPostgres } from "../support/postgres-server";
import { bookingPage } from "./booking";
import { seedLoadData } from "./dataset";
import { USERS } from "./dataset.sql";
import { forumWithAttendee, registrationBodies } from "./events";
import { serverStats, statementsOfOneRequest, type Page } from "./measure";
import { postgresCpuMicros } from "./postgres-cpu";
import { signIn } from "./session";

const REQUESTS = Number(process.env.POSTS_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.POSTS_CONCURRENCY ?? 4);
const ROWS = (process.env.POSTS_ROWS ?? "book,registration").split(",").map((w) => w.trim());

/** As tests/load/events.ts posts them: a free ticket for a new guest each time. */
function registrationPage(cookie: string, path: string): Page {
  const bodies = registrationBodies(REQUESTS + 200);
  return { name: "event registration", path: `${path}/register`, cookie, post: { bodies, used: 0, ok: 302, location: `${path}?done=confirmed` } };
}

async function post(baseUrl: string, page: Page, n: number) {
  const p = page.post!;
  let next = 0;
  const worker = async () => {
    while (next++ < n) {
      const body = p.bodies[p.used++];
      const res = await fetch(baseUrl + page.path, {
        method: "POST",
        headers: { cookie: page.cookie!, origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
        body,
        redirect: "manual",
      });
      await res.arrayBuffer();
      if (res.status !== p.ok || !(res.headers.get("location") ?? "").startsWith(p.location)) throw new Error(`${page.name} answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** Until the mail worker has delivered every mail queued so far. */
async function outboxEmpty(db: postgres.Sql) {
  for (;;) {
    const [row] = await db<{ n: number }[]>`select count(*)::int as n from public.email_outbox where status in ('pending', 'sending')`;
    if (row!.n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const pg = await startTestPostgres();
const databaseUrl = await appDatabase(pg.adminUrl);
const app = await spawnApp({ DATABASE_URL: databaseUrl, BENCH: "1" });
const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
try {
  await app.healthy();
  await seedLoadData(databaseUrl, () => {});
  const forum = await forumWithAttendee(app.baseUrl, databaseUrl);
  const buyer = await signIn(app.baseUrl, `load-user-${USERS - 1}@load.example`, "demo-password-2026", "");
  const pages = [await bookingPage(app.baseUrl, databaseUrl), registrationPage(buyer, forum.path)].filter((p) => ROWS.some((w) => p.name.includes(w)));
  for (const page of pages) {
    await post(app.baseUrl, page, 20); // warm-up: JIT, prepared statements
    await outboxEmpty(db);
    const statements = await statementsOfOneRequest(app.baseUrl, page, 3);
    await outboxEmpty(db);
    const before = await serverStats(app.baseUrl);
    const pgBefore = postgresCpuMicros(databaseUrl);
    const started = performance.now();
    await post(app.baseUrl, page, REQUESTS);
    const wall = performance.now() - started;
    await outboxEmpty(db);
    const after = await serverStats(app.baseUrl);
    const cpu = (after.cpuMicros - before.cpuMicros) / 1000 / REQUESTS;
    const pgCpu = (postgresCpuMicros(databaseUrl) - pgBefore) / 1000 / REQUESTS;
    const sqlPerPost = (after.statements - before.statements) / REQUESTS;
    console.log(
      `${page.name.slice(0, 26).padEnd(27)} ${cpu.toFixed(3)} CPU ms/req  ${pgCpu.toFixed(3)} PG ms/req  ${(REQUESTS / (wall / 1000)).toFixed(0).padStart(4)} req/s  ` +
        `${String(statements).padStart(2)} SQL alone, ${sqlPerPost.toFixed(2)} SQL/req under load (mails delivered included)`,
    );
  }
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
} finally {
  await db.end({ timeout: 5 });
  await app.stop();
  await pg.stop();
}
