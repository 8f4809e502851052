// What book_session() does once it holds the mentor's lock (decision 008, tenth pass, posts): the
// bench's bookings made one after another in SQL as SmartWater's founder, each timed, and for a
// few of them every statement inside (auto_explain with analyze, nested statements, as notices).
// BOOKINGS (default 300), EXPLAIN_AT="5,299" (which bookings to explain).
import postgres from "postgres";
import { claimsFor } from "../support/factories";
import { appDatabase, spawnApp } from "../support/app-server";
import { startTestPostgres } from "../support/postgres-server";
import { bookingPage } from "./booking";
import { seedLoadData } from "./dataset";

const BOOKINGS = Number(process.env.BOOKINGS ?? 300);
const EXPLAIN_AT = new Set((process.env.EXPLAIN_AT ?? "5,299").split(",").map(Number));
const pg = await startTestPostgres();
const databaseUrl = await appDatabase(pg.adminUrl);
const app = await spawnApp({ DATABASE_URL: databaseUrl, BENCH: "1" });
const notices: string[] = [];
const db = postgres(databaseUrl, { max: 1, onnotice: (n) => notices.push(String(n.message)) });
try {
  await app.healthy();
  await seedLoadData(databaseUrl, () => {});
  const page = await bookingPage(app.baseUrl, databaseUrl);
  await app.stop();
  const [me] = await db<{ id: string }[]>`select id from auth.users where email = 'founder@demo.binhduong.example'`;
  const as = `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', '${JSON.stringify(claimsFor(me!.id, "founder@demo.binhduong.example"))}', true)`;
  await db.unsafe("load 'auto_explain'");
  const times: number[] = [];
  for (let i = 0; i < BOOKINGS; i++) {
    const body = new URLSearchParams(page.post!.bodies[i]!);
    const explain = EXPLAIN_AT.has(i);
    await db.begin(async (tx) => {
      // auto_explain's settings are the superuser's to set, so before the switch to the founder
      if (explain)
        await tx.unsafe(`select set_config('auto_explain.log_min_duration', '0', true), set_config('auto_explain.log_analyze', 'on', true),
                                set_config('auto_explain.log_nested_statements', 'on', true), set_config('auto_explain.log_level', 'notice', true)`);
      await tx.unsafe(as);
      const started = performance.now();
      await tx`select public.book_session(${body.get("programId")!}, ${body.get("startupId")!}, '00000000-0000-4000-8000-000000000005', ${body.get("startsAt")!}) as id`;
      times.push(performance.now() - started);
    });
    if (explain) {
      console.log(`\n==== booking ${i}: ${times.at(-1)!.toFixed(2)} ms (with auto_explain)`);
      for (const n of notices.splice(0)) console.log(n.slice(0, 1500));
    }
  }
  const plain = times.filter((_, i) => !EXPLAIN_AT.has(i));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`\nbook_session(): first 50 ${mean(plain.slice(0, 50)).toFixed(2)} ms, last 50 ${mean(plain.slice(-50)).toFixed(2)} ms a call (wall, alone)`);
} finally {
  await db.end({ timeout: 5 });
  await app.stop();
  await pg.stop();
}
