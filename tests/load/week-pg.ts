// PostgreSQL's CPU (and this process's, the loader's own work) for the week of slots' own reads (`bookingPage` of the demo mentor Anna as the
// demo founder), without the server or HTTP: RUNS calls one after another on a database that
// `PROFILE_HOLD=1 npx tsx tests/load/profile.ts` keeps up. Run it from two worktrees against the same
// database to compare their loaders (decisions/008, sixth pass, mentoring):
//   npx tsx tests/load/week-pg.ts <database url>
import postgres from "postgres";
import { postgresCpuMicros } from "./postgres-cpu";

const url = process.argv[2]!;
process.env.DATABASE_URL = url;
const RUNS = Number(process.env.RUNS ?? 400);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const ANNA = "00000000-0000-4000-8000-000000000005";
const { bookingPage } = await import("~/modules/mentoring/booking/week.server");
const { claimsFor } = await import("../support/factories");
const { closeSql } = await import("~/platform/db/sql.server");

const db = postgres(url, { max: 1 });
const [who] = await db<{ id: string; email: string }[]>`select id, email from auth.users where email = 'founder@demo.binhduong.example'`;
await db.end();
const claims = claimsFor(who!.id, who!.email);
for (let i = 0; i < 50; i++) await bookingPage(claims, ANNA, null, "Asia/Ho_Chi_Minh"); // prepared statements, plans
for (let round = 0; round < ROUNDS; round++) {
  const pg = postgresCpuMicros(url);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < RUNS; i++) await bookingPage(claims, ANNA, null, "Asia/Ho_Chi_Minh");
  const wall = (performance.now() - started) / RUNS;
  const used = process.cpuUsage(cpu);
  console.log(
    `PG ${((postgresCpuMicros(url) - pg) / 1000 / RUNS).toFixed(3)} ms/page  Node ${((used.user + used.system) / 1000 / RUNS).toFixed(3)} CPU ms/page  wall ${wall.toFixed(2)} ms/page`,
  );
}
await closeSql();
