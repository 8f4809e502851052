// PostgreSQL's cost of the manager's application page on the bench dataset (5,000 applications × 3
// reviews, one with 40): the page's statements as its module runs them (dossierWithin(), inside a
// transaction as the manager), and its previous/next alone, as it was read before
// (ranked_applications() and a window over the whole call) and from the stored ranking
// (ranking_neighbours()). Each figure is the backend's CPU time per execution (/proc/<backend>/stat,
// user + system), the least of ROUNDS interleaved blocks of RUNS executions, as in ranking-sql.ts.
// Then every statement of one page's read with its plan and time (auto_explain, nested statements
// included).
//   npx tsx tests/load/dossier-sql.ts        (RUNS=20 ROUNDS=5 by default)
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { claimsFor } from "../support/factories";
import { startAppServer } from "../support/app-server";
import { startTestPostgres } from "../support/postgres-server";
import { seedLoadData } from "./dataset";
import { RANKED_CALL, loadId } from "./dataset.sql";

const RUNS = Number(process.env.RUNS ?? 20);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const TICK_MS = 10; // USER_HZ = 100 on Linux

const pg = await startTestPostgres();
const app = await startAppServer(pg.adminUrl, { BENCH: "1" });
try {
  await seedLoadData(app.databaseUrl, () => {});
  await app.stop();
  // The module reads its settings from the environment; it runs here on this script's own connection.
  process.env.DATABASE_URL = app.databaseUrl;
  const { dossierWithin } = await import("~/modules/applications/select/dossier.server");
  const plans: string[] = [];
  const db = postgres(app.databaseUrl, { max: 1, onnotice: (n) => plans.push(n.message ?? "") });
  const [who] = await db<{ call: string; manager: string; email: string }[]>`
    select (select id from public.calls where slug = ${RANKED_CALL}) as call, u.id as manager, u.email
      from auth.users u where u.email = 'manager@demo.binhduong.example'`;
  const { call, manager, email } = who!;
  const [few, many] = [loadId("b3", 2), loadId("b3", 1)];
  const claims = JSON.stringify(claimsFor(manager, email));
  const pid = (await db<{ pid: number }[]>`select pg_backend_pid() as pid`)[0]!.pid;
  const cpuTicks = () => {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  };
  const asManager = `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', '${claims}', true)`;
  const byRank = { sort: "rank", dir: "asc" } as const;
  const rawDescInReview = { sort: "raw", dir: "desc", stage: "review" } as const;

  type Work = (tx: postgres.TransactionSql) => Promise<unknown>;
  const statement = (text: string): Work => (tx) => tx.unsafe(text);
  const cases: [name: string, work: Work][] = [
    [
      "previous/next before: ranked_applications()",
      statement(`select w.prev, w.next
        from (select r.application_id, lag(r.application_id) over o as prev, lead(r.application_id) over o as next
                from public.ranked_applications('${call}') r window o as (order by r.rank, r.code)) w
       where w.application_id = '${few}'`),
    ],
    ["previous/next now: ranking_neighbours(), rank", statement(`select * from public.ranking_neighbours('${call}', '${few}', 'rank', false, null, null, null, null, false, null)`)],
    [
      "previous/next now: raw desc, stage filter",
      statement(`select * from public.ranking_neighbours('${call}', '${few}', 'raw', true, null, 'review', null, null, false, null)`),
    ],
    ["the page's read, 3 reviews (rank)", (tx) => dossierWithin(tx, call, few, byRank)],
    ["the page's read, 40 reviews (rank)", (tx) => dossierWithin(tx, call, many, byRank)],
    ["the page's read, 3 reviews (raw desc, stage)", (tx) => dossierWithin(tx, call, few, rawDescInReview)],
  ];
  class Rollback extends Error {}
  // One run in a transaction as the manager, rolled back.
  const once = (work: Work) =>
    db
      .begin(async (tx) => {
        await tx.unsafe(asManager);
        await work(tx);
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
  // The stored ranking must exist before it is measured (the first read ranks it): commit one read.
  await db.begin(async (tx) => {
    await tx.unsafe(asManager);
    await dossierWithin(tx, call, few, byRank);
  });

  const best = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, work] of cases) {
      await once(work); // warm
      const t0 = cpuTicks();
      for (let i = 0; i < RUNS; i++) await once(work);
      best.set(name, Math.min(best.get(name) ?? Infinity, ((cpuTicks() - t0) * TICK_MS) / RUNS));
    }
  }
  console.log(`backend CPU ms per execution (least of ${ROUNDS} blocks of ${RUNS}, transaction and role included):`);
  for (const [name] of cases) console.log(`  ${name.padEnd(48)} ${best.get(name)!.toFixed(2)}`);

  // Every statement of one read, with its plan, actual time and buffers (nested ones: inside functions).
  await db.unsafe("load 'auto_explain'");
  for (const [name, work] of cases) {
    await db.begin(async (tx) => {
      // superuser settings first, then the manager's role
      await tx.unsafe(`select set_config('auto_explain.log_min_duration', '0', true), set_config('auto_explain.log_analyze', 'on', true),
                              set_config('auto_explain.log_buffers', 'on', true), set_config('auto_explain.log_nested_statements', 'on', true),
                              set_config('auto_explain.log_level', 'notice', true)`);
      await tx.unsafe(asManager);
      plans.length = 0;
      await work(tx);
      throw new Rollback();
    }).catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
    console.log(`\n== ${name}: ${plans.length} statements explained`);
    for (const p of plans) console.log(p.replace(/\n/g, "\n    "), "\n");
  }
  await db.end();
} finally {
  await app.stop().catch(() => {});
  await pg.stop();
}
