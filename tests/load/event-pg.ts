// PostgreSQL's CPU for the event page's own read (`eventPage` of the load forum, anonymous and as
// its first attendee), without the server or HTTP, with ticket_availability() as `language sql` (as
// before migration 20261209300000) and in PL/pgSQL (after) swapped in turn on one database that
// `PROFILE_HOLD=1 PROFILE_DATASET=1 npx tsx tests/load/profile.ts` keeps up (decision 008, seventh
// pass, member). The function is left as the migration made it.
//   npx tsx tests/load/event-pg.ts <database url>
import postgres from "postgres";
import { readFileSync } from "node:fs";
import { postgresCpuMicros } from "./postgres-cpu";

const url = process.argv[2]!;
process.env.DATABASE_URL = url;
const RUNS = Number(process.env.RUNS ?? 300);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const { eventPage } = await import("~/modules/events/page/event.server");
const { claimsFor } = await import("../support/factories");
const { closeSql } = await import("~/platform/db/sql.server");

const BEFORE = `
create or replace function public.ticket_availability(event uuid)
returns table (ticket_type_id uuid, seats_left int, waiting boolean)
language sql stable security definer set search_path = ''
as $$
  select t.id, least(public.ticket_type_left(t.id), 1000),
         exists (select 1 from public.event_waitlist w where w.ticket_type_id = t.id and w.status in ('waiting', 'offered'))
    from public.ticket_types t join public.events e on e.id = t.event_id
   where t.event_id = event and ((e.published and not t.hidden) or public.manages_event(e.id))
$$`;
const AFTER = readFileSync(new URL("../../supabase/migrations/20261209300000_ticket_availability_plans_kept.sql", import.meta.url), "utf8");

const admin = postgres(url, { max: 1, onnotice: () => {} });
const [who] = await admin<{ id: string; email: string }[]>`select id, email from auth.users where email = 'load-user-1@load.example'`;
const attendee = claimsFor(who!.id, who!.email);
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, sql] of [
    ["sql", BEFORE],
    ["plpgsql", AFTER],
  ] as const) {
    await admin.unsafe(sql);
    for (const [who, claims] of [
      ["anonymous", null],
      ["attendee", attendee],
    ] as const) {
      for (let i = 0; i < 30; i++) await eventPage(claims, "load-forum-2027", null); // prepared statements, plans
      const pg = postgresCpuMicros(url);
      const started = performance.now();
      for (let i = 0; i < RUNS; i++) await eventPage(claims, "load-forum-2027", null);
      const wall = (performance.now() - started) / RUNS;
      console.log(`${name.padEnd(8)} ${who.padEnd(10)} PG ${((postgresCpuMicros(url) - pg) / 1000 / RUNS).toFixed(3)} ms/page  wall ${wall.toFixed(2)} ms/page`);
    }
  }
}
await admin.unsafe(AFTER);
await admin.end();
await closeSql();
