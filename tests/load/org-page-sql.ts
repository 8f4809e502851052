// PostgreSQL's cost of each statement of the organisation page (bd-incubator, 3,003 members, 800
// open invitations) as its manager, on a database `PROFILE_HOLD=1 PROFILE_DATASET=1 npx tsx
// tests/load/profile.ts` keeps up: wall ms per execution, the least of ROUNDS interleaved blocks of
// RUNS executions, then EXPLAIN (ANALYZE, BUFFERS) of each (decisions/008, fourth pass d).
//   npx tsx tests/load/org-page-sql.ts <database url>
import postgres from "postgres";
import { claimsFor } from "../support/factories";

const RUNS = Number(process.env.RUNS ?? 20);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const db = postgres(process.argv[2]!, { max: 1, onnotice: () => {} });
const [who] = await db<{ org: string; manager: string; email: string }[]>`
  select (select id from public.organisations where slug = 'bd-incubator') as org, u.id as manager, u.email
    from auth.users u where u.email = 'manager@demo.binhduong.example'`;
const { org, manager, email } = who!;
const asManager = `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', '${JSON.stringify(claimsFor(manager, email))}', true)`;
const statements: Record<string, string> = {
  org: `select id, slug, kind, name_vi, name_en, description_vi, description_en from public.organisations where slug = 'bd-incubator'`,
  spaces: `select id, kind, name_vi from public.spaces where org_id = '${org}' and active order by array_position(array['meeting_room', 'hot_desk', 'lab', 'hall', 'equipment'], kind), name_en`,
  roster: `select user_id, display_name, role, total from public.org_roster('${org}', 50, 0)`,
  // since the fifth pass (orgpage) the page of invitations and their count are apart, in the page's one statement
  invitations: `select email, role, expires_at from public.invitations
                 where org_id = '${org}' and accepted_at is null and expires_at > now() order by created_at desc, id limit 50 offset 0`,
  invitationCount: `select count(*)::int from public.invitations where org_id = '${org}' and accepted_at is null and expires_at > now()`,
  affiliations: `select s.id, s.slug, s.name from public.startups s where s.org_id = '${org}' and s.affiliation_status = 'pending'
                   and (public.has_org_role('${org}', '{manager}') or public.is_platform_admin()) order by s.name, s.id limit 200`,
  me: `select public.has_org_role('${org}', '{manager}') or public.is_platform_admin() as can_manage, public.is_org_member('${org}') as is_member`,
  ...Object.fromEntries((process.env.EXTRA ?? "").split(";;").filter(Boolean).map((s, i) => [`extra${i}`, s.replaceAll("$ORG", org)])),
};
const best: Record<string, number> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, sql] of Object.entries(statements)) {
    await db.begin(async (tx) => {
      await tx.unsafe(asManager);
      const started = performance.now();
      for (let i = 0; i < RUNS; i++) await tx.unsafe(sql);
      const ms = (performance.now() - started) / RUNS;
      best[name] = Math.min(best[name] ?? Infinity, ms);
    });
  }
}
for (const [name, ms] of Object.entries(best)) console.log(`${name.padEnd(14)} ${ms.toFixed(2)} ms`);
if (process.env.PLANS !== "0") {
  for (const [name, sql] of Object.entries(statements)) {
    await db.begin(async (tx) => {
      await tx.unsafe(asManager);
      const plan = await tx.unsafe(`explain (analyze, buffers) ${sql}`);
      console.log(`\n== ${name}\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
    });
  }
}
await db.end();
