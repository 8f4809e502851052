// PostgreSQL's CPU for the organisation page's own reads (`organisationPage` of bd-incubator as its
// manager), without the server or HTTP: RUNS calls one after another on a database
// `PROFILE_HOLD=1 PROFILE_DATASET=1 npx tsx tests/load/profile.ts` keeps up, PostgreSQL's CPU
// (tests/load/postgres-cpu.ts) and the wall time per call. Run it from two worktrees against the
// same database to compare their loaders (decisions/008, fifth pass, orgpage):
//   npx tsx tests/load/org-page-pg.ts <database url>
// READ=post measures what the page's posts read instead (`organisationForPost`, decision 008, sixth pass).
import postgres from "postgres";
import { postgresCpuMicros } from "./postgres-cpu";

const url = process.argv[2]!;
process.env.DATABASE_URL = url;
const RUNS = Number(process.env.RUNS ?? 400);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const { organisationForPost, organisationPage } = await import("~/modules/identity/organisations.server");
const { claimsFor } = await import("../support/factories");
const { closeSql } = await import("~/platform/db/sql.server");

const db = postgres(url, { max: 1 });
const [who] = await db<{ id: string; email: string }[]>`select id, email from auth.users where email = 'manager@demo.binhduong.example'`;
await db.end();
const claims = claimsFor(who!.id, who!.email);
const read = process.env.READ === "post" ? () => organisationForPost(claims, "bd-incubator", null) : () => organisationPage(claims, "bd-incubator");
for (let i = 0; i < 50; i++) await read(); // prepared statements, plans
for (let round = 0; round < ROUNDS; round++) {
  const pg = postgresCpuMicros(url);
  const started = performance.now();
  for (let i = 0; i < RUNS; i++) await read();
  const wall = (performance.now() - started) / RUNS;
  console.log(`PG ${((postgresCpuMicros(url) - pg) / 1000 / RUNS).toFixed(3)} ms/page  wall ${wall.toFixed(2)} ms/page`);
}
await closeSql();
