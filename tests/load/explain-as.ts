// Statements timed and explained as one person (role authenticated, their claims), on a database
// `PROFILE_HOLD=1 npx tsx tests/load/pg-statements.ts` (or profile.ts) keeps up: wall ms per
// execution, the least of ROUNDS interleaved blocks of RUNS, then EXPLAIN (ANALYZE, BUFFERS) unless
// PLANS=0 (decision 008, fifth pass, rls). `$ME` in a statement is the person's id.
//   npx tsx tests/load/explain-as.ts <database url> <email> "<sql>" ["<sql>" …]
import postgres from "postgres";
import { claimsFor } from "../support/factories";

const RUNS = Number(process.env.RUNS ?? 20);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const [url, email, ...sqls] = process.argv.slice(2);
const db = postgres(url!, { max: 1, onnotice: () => {} });
const [who] = await db<{ id: string }[]>`select id from auth.users where email = ${email!}`;
if (!who) throw new Error(`no account ${email}`);
const as = `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', '${JSON.stringify(claimsFor(who.id, email!))}', true)`;
const statements = sqls.map((s) => s.replaceAll("$ME", who.id));
const best = statements.map(() => Infinity);
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, sql] of statements.entries()) {
    await db.begin(async (tx) => {
      await tx.unsafe(as);
      const started = performance.now();
      for (let n = 0; n < RUNS; n++) await tx.unsafe(sql);
      best[i] = Math.min(best[i]!, (performance.now() - started) / RUNS);
    });
  }
}
for (const [i, sql] of statements.entries()) {
  console.log(`\n== ${best[i]!.toFixed(3)} ms  ${sql.replace(/\s+/g, " ").slice(0, 160)}`);
  if (process.env.PLANS === "0") continue;
  await db.begin(async (tx) => {
    await tx.unsafe(as);
    const plan = await tx.unsafe(`explain (analyze, buffers) ${sql}`);
    console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
  });
}
await db.end();
