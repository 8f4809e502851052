// Where a post's tail goes (decision 008, seventh pass, posts): the bench's two posts at the bench's
// 10 connections, each request's latency kept, while a second connection samples PostgreSQL every
// 10 ms (each client backend's state and wait event, autovacuum at work, the mail worker's
// outbox). Prints the latency percentiles, and what the samples saw overall and while the slowest
// 5 % of posts ran. WAITS_REQUESTS (default 600), WAITS_CONCURRENCY (default 10), WAITS_ROWS="book,registration".
import postgres from "postgres";
import { appDatabase, spawnApp } from "../support/app-server";
import { startTestPostgres } from "../support/postgres-server";
import { bookingPage } from "./booking";
import { seedLoadData } from "./dataset";
import { USERS } from "./dataset.sql";
import { forumWithAttendee, registrationBodies } from "./events";
import type { Page } from "./measure";
import { signIn } from "./session";

const REQUESTS = Number(process.env.WAITS_REQUESTS ?? 600);
const CONCURRENCY = Number(process.env.WAITS_CONCURRENCY ?? 10);
const ROWS = (process.env.WAITS_ROWS ?? "book,registration").split(",").map((w) => w.trim());

function registrationPage(cookie: string, path: string): Page {
  const bodies = registrationBodies(REQUESTS + 100);
  return { name: "event registration", path: `${path}/register`, cookie, post: { bodies, used: 0, ok: 302, location: `${path}?done=confirmed` } };
}

type Sample = { at: number; states: string[] };
async function sampler(db: postgres.Sql, until: () => boolean, out: Sample[]) {
  while (!until()) {
    const rows = await db<{ s: string }[]>`
      select coalesce(backend_type, '') || ':' || coalesce(state, '') || ':' || coalesce(wait_event_type || '/' || wait_event, 'cpu') ||
             case when backend_type = 'client backend' and state = 'active' then ':' || left(regexp_replace(query, '\\s+', ' ', 'g'), 50) else '' end as s
        from pg_stat_activity where pid <> pg_backend_pid() and (datname = current_database() or backend_type = 'autovacuum worker')
          and not (backend_type = 'client backend' and state = 'idle')`;
    out.push({ at: performance.now(), states: rows.map((r) => r.s) });
    await new Promise((r) => setTimeout(r, 10));
  }
}

function histogram(samples: Sample[]) {
  const counts = new Map<string, number>();
  for (const s of samples) for (const st of s.states) counts.set(st, (counts.get(st) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, n]) => `    ${(n / samples.length).toFixed(2).padStart(5)}  ${k}`).join("\n");
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
    const p = page.post!;
    const times: { start: number; end: number }[] = [];
    const failed = new Map<number, number>();
    const run = async (n: number, keep: boolean) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next++ < n) {
            const start = performance.now();
            const res = await fetch(app.baseUrl + page.path, {
              method: "POST",
              headers: { cookie: page.cookie!, origin: app.baseUrl, "content-type": "application/x-www-form-urlencoded" },
              body: p.bodies[p.used++],
              redirect: "manual",
            });
            await res.arrayBuffer();
            // a post refused under load (503: the lock's wait past the timeouts) is counted, not thrown
            if (res.status !== p.ok) failed.set(res.status, (failed.get(res.status) ?? 0) + 1);
            if (keep) times.push({ start, end: performance.now() });
          }
        }),
      );
    };
    await run(30, false);
    let done = false;
    const samples: Sample[] = [];
    const sampling = sampler(db, () => done, samples);
    const began = performance.now();
    await run(REQUESTS, true);
    const wall = performance.now() - began;
    done = true;
    await sampling;
    const ms = times.map((t) => t.end - t.start).sort((a, b) => a - b);
    const q = (f: number) => ms[Math.min(ms.length - 1, Math.floor(f * ms.length))]!.toFixed(0);
    const slow = times.filter((t) => t.end - t.start >= ms[Math.floor(0.95 * ms.length)]!);
    const during = samples.filter((s) => slow.some((t) => s.at >= t.start && s.at <= t.end));
    console.log(`${page.name}: p50 ${q(0.5)} p95 ${q(0.95)} p99 ${q(0.99)} max ${ms.at(-1)!.toFixed(0)} ms, ${samples.length} samples, not ${p.ok}: ${JSON.stringify(Object.fromEntries(failed))}`);
    // every post takes the same row lock, so while any post waits for it the posts hold it one after
    // another: the run's wall time over its posts is the mean time a post holds the lock (an upper
    // bound when the queue runs dry; the samples' Lock/* rows show it did not)
    console.log(`  ${(REQUESTS / (wall / 1000)).toFixed(1)} posts/s; wall / posts ${(wall / REQUESTS).toFixed(2)} ms (≈ the lock's hold per post while it is queued for)`);
    console.log(`  per sample, overall:\n${histogram(samples)}`);
    console.log(`  per sample, while the slowest 5 % ran (${during.length} samples):\n${histogram(during)}`);
  }
} finally {
  await db.end({ timeout: 5 });
  await app.stop();
  await pg.stop();
}
