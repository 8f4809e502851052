// PostgreSQL's CPU for variants of one read, as one person, without the server (decision 008,
// seventh pass, manager): each file holds one statement; each is run RUNS times, one transaction
// each with the app's settings (role authenticated, the person's claims) and the statement prepared
// as postgres.js prepares the app's, alternating the files ROUNDS times; PostgreSQL's CPU from /proc
// (tests/load/postgres-cpu.ts). Check that the variants answer the same first (ANSWERS=1 prints each answer's hash).
//   npx tsx tests/load/sql-pg.ts <database url> <email> a.sql b.sql …
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { claimsFor } from "../support/factories";
import { postgresCpuMicros } from "./postgres-cpu";

const RUNS = Number(process.env.RUNS ?? 300);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const [url, email, ...files] = process.argv.slice(2);
const db = postgres(url!, { max: 1, onnotice: () => {} });
const [who] = await db<{ id: string }[]>`select id from auth.users where email = ${email!}`;
if (!who) throw new Error(`no account ${email}`);
const claims = JSON.stringify(claimsFor(who.id, email!));
const sqls = files.map((f) => readFileSync(f, "utf8"));
const once = (sql: string) =>
  db.begin(async (tx) => {
    await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claims}, true)`;
    return tx.unsafe(sql, [], { prepare: true });
  });
for (const [i, sql] of sqls.entries()) {
  const rows = await once(sql);
  for (let n = 0; n < 50; n++) await once(sql); // plans kept, caches warm
  console.log(`${files[i]}: ${rows.length} rows, answer ${createHash("sha1").update(JSON.stringify(rows)).digest("hex").slice(0, 12)}`);
}
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, sql] of sqls.entries()) {
    const pg = postgresCpuMicros(url!);
    const started = performance.now();
    for (let n = 0; n < RUNS; n++) await once(sql);
    console.log(
      `round ${round + 1} ${files[i]}: PG ${((postgresCpuMicros(url!) - pg) / 1000 / RUNS).toFixed(3)} ms/read  wall ${((performance.now() - started) / RUNS).toFixed(2)} ms/read`,
    );
  }
}
await db.end();
