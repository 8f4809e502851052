import { randomBytes } from "node:crypto";
import { asService } from "~/platform/db/transaction.server";
import { addMember, createStartup, createUser, type TestUser } from "./factories";

// Factories for the mentoring capability, through the service path: a test states only what it is about.
const uid = () => randomBytes(4).toString("hex");

export type MentorRules = Partial<{
  slotMinutes: number;
  bufferBefore: number;
  bufferAfter: number;
  minNotice: number;
  horizonDays: number;
  weeklyCap: number;
  timeZone: string;
  stepMinutes: number;
  /** weekly hours in the mentor's zone; by default every day 00:00–23:59, so a test's time is open unless it says otherwise */
  weekly: { weekday: number; starts: string; ends: string }[];
}>;

const ALWAYS = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, starts: "00:00", ends: "23:59" }));

/** A user with the mentor role in the organisation, a profile with the given booking rules, approved for the programme. */
export async function createMentor(orgId: string, programId: string, rules: MentorRules = {}): Promise<TestUser> {
  const mentor = await createUser({ name: `Mentor ${uid()}` });
  await addMember(orgId, mentor.id, "mentor");
  await asService(async (tx) => {
    await tx`
      insert into public.mentor_profiles (user_id, org_id, time_zone, slot_minutes, step_minutes, buffer_before_minutes, buffer_after_minutes,
                                          min_notice_minutes, horizon_days, weekly_cap)
      values (${mentor.id}, ${orgId}, ${rules.timeZone ?? "Asia/Ho_Chi_Minh"}, ${rules.slotMinutes ?? 60}, ${rules.stepMinutes ?? 15}, ${rules.bufferBefore ?? 0},
              ${rules.bufferAfter ?? 0}, ${rules.minNotice ?? 0}, ${rules.horizonDays ?? 365}, ${rules.weeklyCap ?? 100})`;
    for (const h of rules.weekly ?? ALWAYS) {
      await tx`insert into public.mentor_weekly_hours (mentor_id, weekday, starts, ends) values (${mentor.id}, ${h.weekday}, ${h.starts}, ${h.ends})`;
    }
    await tx`insert into public.program_mentors (program_id, mentor_id) values (${programId}, ${mentor.id})`;
  });
  return mentor;
}

/** A founder's startup in the programme's cohort. */
export async function createCohortStartup(programId: string, founder?: TestUser) {
  const person = founder ?? (await createUser());
  const startup = await createStartup(person.id);
  await asService((tx) => tx`insert into public.cohort_members (program_id, startup_id) values (${programId}, ${startup.id})`);
  return { founder: person, startupId: startup.id };
}

export async function assignMentor(startupId: string, mentorId: string) {
  await asService((tx) => tx`insert into public.startup_mentors (startup_id, mentor_id) values (${startupId}, ${mentorId})`);
}

export async function setBudget(programId: string, hours: number) {
  await asService((tx) => tx`update public.programs set mentoring_hours_per_startup = ${hours} where id = ${programId}`);
}

export async function sessionsOf(mentorId: string) {
  return asService(
    (tx) => tx<{ id: string; startup_id: string; starts_at: Date; ends_at: Date; status: string }[]>`
      select id, startup_id, starts_at, ends_at, status from public.mentoring_sessions where mentor_id = ${mentorId} order by starts_at`,
  );
}

/**
 * A session written directly (booking's rules of notice and horizon do not apply), e.g. one that
 * already took place; `minutes` long, in the given state.
 */
export async function createSession(
  s: { programId: string; startupId: string; mentorId: string },
  startsAt: Date,
  opts: { minutes?: number; status?: "booked" | "cancelled" | "held" | "no_show"; absent?: "startup" | "mentor" } = {},
): Promise<string> {
  const endsAt = new Date(startsAt.getTime() + (opts.minutes ?? 60) * 60_000);
  const [row] = await asService(
    (tx) => tx<{ id: string }[]>`
      insert into public.mentoring_sessions (program_id, startup_id, mentor_id, starts_at, ends_at, blocked_from, blocked_until, status, absent,
                                             cancelled_at, absent_marked_at)
      values (${s.programId}, ${s.startupId}, ${s.mentorId}, ${startsAt}, ${endsAt}, ${startsAt}, ${endsAt}, ${opts.status ?? "booked"},
              ${opts.absent ?? null}, ${opts.status === "cancelled" ? new Date() : null}, ${opts.absent ? new Date() : null})
      returning id`,
  );
  return row!.id;
}
