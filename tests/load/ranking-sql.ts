// PostgreSQL's cost of one ranking page on the bench dataset (5,000 applications × 3 reviews), as
// the manager: the statement the page ran before the ranking was stored (ranked_applications() and
// ranking_review_counts() per request) against ranking_page() reading the stored ranking, and the
// cost of ranking the call again after a change. Each figure is the backend's CPU time per
// execution (/proc/<backend>/stat, user + system), the least of ROUNDS interleaved blocks of
// RUNS executions: steadier than wall time on a shared machine. Also prints EXPLAIN ANALYZE.
//   npx tsx tests/load/ranking-sql.ts        (RUNS=20 ROUNDS=5 by default)
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { claimsFor } from "../support/factories";
import { startAppServer } from "../support/app-server";
import { startTestPostgres } from "../support/postgres-server";
import { seedLoadData } from "./dataset";
import { RANKED_CALL } from "./dataset.sql";

const RUNS = Number(process.env.RUNS ?? 20);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const TICK_MS = 10; // USER_HZ = 100 on Linux

const pg = await startTestPostgres();
const app = await startAppServer(pg.adminUrl, { BENCH: "1" });
try {
  await seedLoadData(app.databaseUrl, () => {});
  await app.stop();
  const db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  const [who] = await db<{ call: string; manager: string; email: string }[]>`
    select (select id from public.calls where slug = ${RANKED_CALL}) as call, u.id as manager, u.email
      from auth.users u where u.email = 'manager@demo.binhduong.example'`;
  const { call, manager, email } = who!;
  const claims = JSON.stringify(claimsFor(manager, email));
  const pid = (await db<{ pid: number }[]>`select pg_backend_pid() as pid`)[0]!.pid;
  const cpuTicks = () => {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  };

  const asManager = `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', '${claims}', true)`;
  const before = `
    with page as (
    select row_number() over (order by r.rank asc, r.code) as ord, r.application_id as id, r.code, r.startup,
           case when r.track_id is null then null else json_build_object('vi', r.track_vi, 'en', r.track_en) end as track,
           r.stage, r.eligible, r.decision, p.decision as pending_decision, r.offer_expires_at, r.offer_response,
           r.feedback_released, r.reviews, r.raw_score, r.z_score, r.rank, r.percentile,
           coalesce(r.raw_score >= null::numeric, false) as shortlisted, count(*) over ()::int as total
      from public.ranked_applications('${call}') r
      left join public.pending_decisions p on p.application_id = r.application_id and p.call_id = '${call}'
     order by r.rank asc, r.code
     limit 50 offset 0
    )
    select page.*, coalesce(w.normalised, 0), coalesce(w.pending, 0), coalesce(w.recused, 0), coalesce(w.abstained, 0)
      from page left join public.ranking_review_counts('${call}', array(select id from page)) w on w.application_id = page.id
     order by page.ord`;
  const stored = (sort: string, desc: boolean, filters = "null, null, null, null, false, null") =>
    `select * from public.ranking_page('${call}', '${sort}', ${desc}, ${filters}, null, 50, 0)`;
  // A change (one score), then the first page read after it: it ranks the call again.
  const afterChange = `
    with s as (select application_id, reviewer_id, criterion_id, level from public.review_scores
                where application_id = (select id from public.applications where call_id = '${call}' order by code limit 1)
                limit 1)
    update public.review_scores x set level = 1 + s.level % 5 from s
     where (x.application_id, x.reviewer_id, x.criterion_id) = (s.application_id, s.reviewer_id, s.criterion_id)`;

  const cases: [name: string, statements: string[]][] = [
    ["before: ranked per request", [before]],
    ["stored: rank, page 1", [stored("rank", false)]],
    ["stored: startup desc, page 1", [stored("startup", true)]],
    ["stored: stage filter, raw desc", [stored("raw", true, "null, 'review', null, null, false, null")]],
    // the change as the service path (role reset), then the read as the manager
    ["a score change alone", ["reset role", afterChange]],
    ["stored: first read after a score change", ["reset role", afterChange, asManager, stored("rank", false)]],
  ];
  // One run per statement group, in a transaction as the manager, rolled back (the change too).
  const once = async (statements: string[]) => {
    await db.begin(async (tx) => {
      await tx.unsafe(asManager);
      for (const s of statements) await tx.unsafe(s);
      throw new Rollback();
    }).catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  };
  class Rollback extends Error {}
  // The stored ranking must exist before it is measured (the first read ranks it): commit one read.
  await db.begin(async (tx) => {
    await tx.unsafe(asManager);
    await tx.unsafe(stored("rank", false));
  });

  const best = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, statements] of cases) {
      await once(statements); // warm
      const t0 = cpuTicks();
      for (let i = 0; i < RUNS; i++) await once(statements);
      const ms = ((cpuTicks() - t0) * TICK_MS) / RUNS;
      best.set(name, Math.min(best.get(name) ?? Infinity, ms));
    }
  }
  console.log(`backend CPU ms per execution (least of ${ROUNDS} blocks of ${RUNS}; the write case includes its update and rollback):`);
  for (const [name] of cases) console.log(`  ${name.padEnd(44)} ${best.get(name)!.toFixed(2)}`);

  for (const [name, statements] of cases) {
    const plan = await db.begin(async (tx) => {
      await tx.unsafe(asManager);
      for (const s of statements.slice(0, -1)) await tx.unsafe(s);
      const rows = await tx.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, buffers) ${statements.at(-1)!}`);
      throw Object.assign(new Rollback(), { rows });
    }).catch((e: unknown) => (e as { rows?: { "QUERY PLAN": string }[] }).rows ?? Promise.reject(e));
    console.log(`\n== ${name}`);
    for (const r of plan) console.log(r["QUERY PLAN"]);
  }
  // The page's own query inside ranking_page() (as the owner: the function runs as its owner).
  const inner = await db.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, buffers)
    select r.*, a.stage, a.eligible, a.decision, p.decision, t.name_vi, (select s.applications from public.ranking_stamps s where s.call_id = '${call}')
      from public.ranking_rows r join public.applications a on a.id = r.application_id
      left join public.call_tracks t on t.id = a.track_id
      left join public.pending_decisions p on p.application_id = r.application_id and p.call_id = '${call}'
     where r.call_id = '${call}' order by r.rank, r.code limit 50 offset 0`);
  console.log("\n== inside ranking_page: rank, page 1");
  for (const r of inner) console.log(r["QUERY PLAN"]);
  await db.end();
} finally {
  await app.stop().catch(() => {});
  await pg.stop();
}
