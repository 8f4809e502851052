// ranking_neighbours() reads the ranking's own order (by rank, no filter) with a static statement
// since 20261208100200: this compares it, on the bench dataset (5,001 ranked applications), with the
// function as 20261205100000 defined it (created beside it as rn_old), for every application in both
// directions. Prints the differences (none expected).
//   npx tsx tests/load/neighbours-by-rank-check.ts
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { startAppServer } from "../support/app-server";
import { startTestPostgres } from "../support/postgres-server";
import { seedLoadData } from "./dataset";
import { RANKED_CALL } from "./dataset.sql";

const pg = await startTestPostgres();
try {
  const app = await startAppServer(pg.adminUrl, { BENCH: "1" });
  const url = app.databaseUrl;
  await seedLoadData(url, () => {});
  await app.stop();
  const db = postgres(url, { max: 1, onnotice: () => {} });
  const old = readFileSync("supabase/migrations/20261205100000_ranking_neighbours.sql", "utf8");
  const body = old.slice(old.indexOf("create function public.ranking_neighbours("), old.indexOf("revoke execute"));
  await db.unsafe(body.replace("create function public.ranking_neighbours(", "create function public.rn_old("));
  const call = (await db<{ id: string }[]>`select id from public.calls where slug = ${RANKED_CALL}`)[0]!.id;
  await db`select public.rank_call(${call})`;
  for (const desc of [false, true]) {
    const diff = await db`
      select a.application_id, n.prev, n.next, o.prev as oprev, o.next as onext from public.ranking_rows a,
        lateral public.ranking_neighbours(${call}, a.application_id, 'rank', ${desc}, null, null, null, null, false, null) n,
        lateral public.rn_old(${call}, a.application_id, 'rank', ${desc}, null, null, null, null, false, null) o
       where a.call_id = ${call} and (n.prev is distinct from o.prev or n.next is distinct from o.next)`;
    const n = (await db<{ n: number }[]>`select count(*)::int as n from public.ranking_rows where call_id = ${call}`)[0]!.n;
    console.log(`desc=${desc}: ${n} rows compared, ${diff.length} differences`, diff.slice(0, 3));
  }
  await db.end();
} finally {
  await pg.stop();
}
