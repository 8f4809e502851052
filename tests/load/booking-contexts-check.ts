// mentor_booking_contexts() against the read it replaced (the week of slots' booking contexts under
// RLS), for every startup member and every mentor of their startups, on a database that
// `PROFILE_HOLD=1 PROFILE_DATASET=1 npx tsx tests/load/profile.ts` keeps up (decision 008, seventh
// pass, member). Prints the pairs compared and the differences (none expected).
//   npx tsx tests/load/booking-contexts-check.ts <database url>
import postgres from "postgres";
import { claimsFor } from "../support/factories";

const db = postgres(process.argv[2]!, { max: 1, onnotice: () => {} });
const pairs = await db<{ userId: string; email: string; mentorId: string }[]>`
  select distinct m.user_id as "userId", u.email, sm.mentor_id as "mentorId"
    from public.startup_members m join auth.users u on u.id = m.user_id join public.startup_mentors sm on sm.startup_id = m.startup_id
  union
  select distinct m.user_id, u.email, pm.mentor_id from public.startup_members m join auth.users u on u.id = m.user_id
    join public.cohort_members c on c.startup_id = m.startup_id join public.program_mentors pm on pm.program_id = c.program_id
   order by 1, 3 limit 2000`;
let differences = 0;
for (const { userId, email, mentorId } of pairs) {
  const [before, after] = await db.begin(async (tx) => {
    await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify(claimsFor(userId, email))}, true)`;
    const before = await tx`
      select c.program_id, c.startup_id, st.name, pr.name_vi, pr.name_en, pr.mentoring_hours_per_startup::float8,
             coalesce((select sum(extract(epoch from s.ends_at - s.starts_at)) / 3600 from public.mentoring_sessions s
                        where s.program_id = c.program_id and s.startup_id = c.startup_id and s.status <> 'cancelled'), 0)::float8
        from public.cohort_members c
        join public.startups st on st.id = c.startup_id
        join public.programs pr on pr.id = c.program_id
       where public.is_startup_member(c.startup_id)
         and exists (select 1 from public.startup_mentors sm where sm.startup_id = c.startup_id and sm.mentor_id = ${mentorId})
         and exists (select 1 from public.program_mentors pm where pm.program_id = c.program_id and pm.mentor_id = ${mentorId})
       order by c.joined_at desc`.values();
    const after = await tx`select * from public.mentor_booking_contexts(${mentorId})`.values();
    return [before, after];
  });
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    differences++;
    console.log(`differs: ${email} mentor ${mentorId}\n  before ${JSON.stringify(before)}\n  after  ${JSON.stringify(after)}`);
  }
}
console.log(`${pairs.length} pairs (person, mentor) compared, ${differences} differences`);
await db.end();
