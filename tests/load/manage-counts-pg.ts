// PostgreSQL's CPU for /manage's calls with their application counts, read the way main read them
// (every application of the call counted per request) against the counts kept by triggers
// (decision 008, sixth pass, orgpage), alternating on one database that
// `PROFILE_HOLD=1 PROFILE_DATASET=1 npx tsx tests/load/profile.ts` keeps up (this branch's migrations):
//   npx tsx tests/load/manage-counts-pg.ts <database url>
// The counted way is created here as `pg_temp.counted_application_counts` (main's body, run as the owner).
import postgres from "postgres";
import { claimsFor } from "../support/factories";
import { postgresCpuMicros } from "./postgres-cpu";

const url = process.argv[2]!;
const RUNS = Number(process.env.RUNS ?? 400);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const db = postgres(url, { max: 1, onnotice: () => {} });
const [who] = await db<{ id: string; email: string }[]>`select id, email from auth.users where email = 'manager@demo.binhduong.example'`;
const claims = JSON.stringify(claimsFor(who!.id, who!.email));
await db.unsafe(`
  create function pg_temp.counted_application_counts(call uuid) returns table (drafts int, submitted int)
  language plpgsql stable security definer set search_path = ''
  as $$
  begin
    return query
    select (count(*) filter (where a.status = 'draft'))::int, (count(*) filter (where a.status = 'submitted'))::int
      from public.applications a
     where a.call_id = call
    having public.manages_call(call);
  end
  $$`);
const read = (fn: string) =>
  db.begin(async (tx) => {
    await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claims}, true)`;
    return tx.unsafe(`select c.id, n.drafts, n.submitted from public.calls c left join lateral ${fn}(c.id) n on true
                       where c.program_id in (select p.id from public.programs p where p.org_id in (select public.my_org_ids('{manager}')))`);
  });
const ways = { counted: "pg_temp.counted_application_counts", kept: "public.call_application_counts" };
const [a, b] = [await read(ways.counted), await read(ways.kept)];
if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`the two ways differ: ${JSON.stringify(a)} ${JSON.stringify(b)}`);
console.log(`${a.length} calls, the same counts both ways`);
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of Object.entries(ways)) {
    for (let i = 0; i < 20; i++) await read(fn);
    const pg = postgresCpuMicros(url);
    const started = performance.now();
    for (let i = 0; i < RUNS; i++) await read(fn);
    console.log(`${name.padEnd(8)} PG ${((postgresCpuMicros(url) - pg) / 1000 / RUNS).toFixed(3)} ms/read  wall ${((performance.now() - started) / RUNS).toFixed(2)} ms/read`);
  }
}
await db.end();
