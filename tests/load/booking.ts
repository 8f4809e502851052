import postgres from "postgres";
import { freeSlots, type SlotRules } from "~/modules/mentoring/availability/slots";
import type { Page } from "./measure";
import { signIn } from "./session";

// The bench's booking action: the demo founder of SmartWater books the demo mentor Anna de Vries
// through the booking form, each request a different free slot, so every request runs the whole
// booking (the mentor's lock, the rules, the insert, the mails with their ICS into the outbox).
// Anna's rules are widened first, as the superuser, so a run never runs out of slots: every day
// open, 15-minute slots, the largest weekly cap and horizon, the largest budget. The slots are
// computed by the app's own generator from those rules and what already blocks her time.

const ANNA = "00000000-0000-4000-8000-000000000005";
const PROGRAMME = "30000000-0000-4000-8000-000000000001";
const SMARTWATER = "20000000-0000-4000-8000-000000000001";
const RULES = { slotMinutes: 15, stepMinutes: 15, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minNoticeMinutes: 0, horizonDays: 365, weeklyCap: 100 };
const BUDGET_HOURS = 500; // the most a programme may give a startup
const PER_WEEK = 90; // under the weekly cap, with room for the demo's own sessions

/** Widens Anna's rules and answers the booking form's bodies, one per free slot, soonest first. */
async function bookableSlots(databaseUrl: string): Promise<string[]> {
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const { zone, busy, usedHours } = await db.begin(async (tx) => {
      await tx`
        update public.mentor_profiles
           set slot_minutes = ${RULES.slotMinutes}, step_minutes = ${RULES.stepMinutes}, buffer_before_minutes = 0, buffer_after_minutes = 0,
               min_notice_minutes = 0, horizon_days = ${RULES.horizonDays}, weekly_cap = ${RULES.weeklyCap}
         where user_id = ${ANNA}`;
      await tx`delete from public.mentor_weekly_hours where mentor_id = ${ANNA}`;
      await tx`delete from public.mentor_date_overrides where mentor_id = ${ANNA}`;
      await tx`insert into public.mentor_weekly_hours (mentor_id, weekday, starts, ends) select ${ANNA}, d, '00:00', '23:59' from generate_series(1, 7) d`;
      await tx`update public.programs set mentoring_hours_per_startup = ${BUDGET_HOURS} where id = ${PROGRAMME}`;
      const [m] = await tx<{ zone: string }[]>`select time_zone as zone from public.mentor_profiles where user_id = ${ANNA}`;
      const busy = await tx<{ startsAt: Date; blockedFrom: Date; blockedUntil: Date; officeHours: boolean }[]>`
        select starts_at as "startsAt", blocked_from as "blockedFrom", blocked_until as "blockedUntil", false as "officeHours"
          from public.mentoring_sessions where mentor_id = ${ANNA} and status <> 'cancelled'
        union all
        select starts_at, starts_at, ends_at, true from public.mentor_office_hours where mentor_id = ${ANNA} and status = 'open'`;
      const [used] = await tx<{ hours: number }[]>`select coalesce(public.mentoring_hours_committed(${PROGRAMME}, ${SMARTWATER}), 0)::float8 as hours`;
      return { zone: m!.zone, busy, usedHours: used!.hours };
    });
    // from tomorrow, so no slot falls behind the clock during the run
    const now = new Date();
    const from = new Date(now.getTime() + 86_400_000);
    const until = new Date(now.getTime() + (RULES.horizonDays - 1) * 86_400_000);
    const rules: SlotRules = { timeZone: zone, ...RULES };
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, starts: "00:00", ends: "23:59" }));
    const perWeek = new Map<string, number>();
    const budget = Math.floor(((BUDGET_HOURS - usedHours) * 60) / RULES.slotMinutes) - 1;
    const bodies: string[] = [];
    for (const slot of freeSlots(rules, weekly, [], busy, { from, until, now })) {
      const date = slot.start.toZonedDateTimeISO(zone).toPlainDate();
      const week = date.subtract({ days: date.dayOfWeek - 1 }).toString();
      if ((perWeek.get(week) ?? 0) >= PER_WEEK) continue;
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
      bodies.push(new URLSearchParams({ programId: PROGRAMME, startupId: SMARTWATER, startsAt: slot.start.toString() }).toString());
      if (bodies.length >= budget) break;
    }
    return bodies;
  } finally {
    await db.end({ timeout: 5 });
  }
}

/** The booking row: posts to Anna's booking page as SmartWater's founder; a success redirects (302) to the sessions. */
export async function bookingPage(baseUrl: string, databaseUrl: string): Promise<Page> {
  const cookie = await signIn(baseUrl, "founder@demo.binhduong.example", "demo-password-2026", "Ngô Gia Huy");
  const bodies = await bookableSlots(databaseUrl);
  return { name: `mentoring: book a session (POST, ${bodies.length} free slots)`, path: `/mentoring/book/${ANNA}`, cookie, post: { bodies, used: 0, ok: 302, location: "/mentoring/sessions?done=booked" } };
}

export const bookingRowName = "mentoring: book a session";

/** Sessions SmartWater holds with Anna: the bench checks that its posts really booked. */
export async function bookedSessions(databaseUrl: string): Promise<number> {
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await db<{ n: number }[]>`
      select count(*)::int as n from public.mentoring_sessions where mentor_id = ${ANNA} and startup_id = ${SMARTWATER} and status <> 'cancelled'`;
    return row!.n;
  } finally {
    await db.end({ timeout: 5 });
  }
}

/**
 * Toward a year's worth of Anna's sessions with SmartWater: every ninth of the free slots not yet posted
 * (about ten a week over the horizon), taken straight in SQL and dropped from the posts still to
 * send. The bench counts the statements of the week page and of a booking before and after, to
 * show they do not grow with the sessions a mentor holds.
 */
export async function fillAYear(databaseUrl: string, booking: Page): Promise<number> {
  const post = booking.post!;
  const left = post.bodies.slice(post.used);
  const taken = left.filter((_, i) => i % 9 === 8);
  const kept = left.filter((_, i) => i % 9 !== 8);
  post.bodies = [...post.bodies.slice(0, post.used), ...kept];
  const starts = taken.map((b) => new URLSearchParams(b).get("startsAt")!);
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await db`
      insert into public.mentoring_sessions (program_id, startup_id, mentor_id, starts_at, ends_at, blocked_from, blocked_until)
      select ${PROGRAMME}, ${SMARTWATER}, ${ANNA}, t, t + make_interval(mins => ${RULES.slotMinutes}), t, t + make_interval(mins => ${RULES.slotMinutes})
        from unnest(${starts}::timestamptz[]) t`;
  } finally {
    await db.end({ timeout: 5 });
  }
  return starts.length;
}
