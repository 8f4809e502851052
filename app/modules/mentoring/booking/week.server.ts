import { Temporal } from "temporal-polyfill";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { dateText, dayNumber, freeStarts, mondayOfDay, plainDateOf, wallClock, type DateOverride, type SlotRules, type WeeklyRule } from "../availability/slots";

// A week of a mentor's free slots as a founder sees them: the week runs Monday to Monday on the
// viewer's calendar, each slot shown in the viewer's zone with the mentor's own clock beside it.
// One statement whatever the number of sessions: mentor_week() answers the profile, the hours, the
// overrides and the busy ranges around the week (sessions and open office hours, naming nobody).

export type WeekSlot = { startsAt: string; viewer: string; mentor: string; mentorDate: string };
export type WeekDay = { date: string; slots: WeekSlot[] };
export type MentorWeek = {
  mentor: { id: string; name: string; timeZone: string; slotMinutes: number; location: string };
  week: string;
  previous: string;
  next: string;
  days: WeekDay[];
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The Monday of the week `param` names (any date in it), or of this week, on the viewer's calendar. */
export function mondayOf(param: string | null, zone: string, now = new Date()): Temporal.PlainDate {
  return plainDateOf(mondayNumber(param, zone, now));
}

/** `mondayOf` as a day number (`slots.ts`): the page's dates are then integer arithmetic, not Temporal's (decision 008, tenth pass). */
function mondayNumber(param: string | null, zone: string, now: Date): number {
  const today = () => {
    const date = wallClock(zone)(now.getTime()).date;
    return dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
  };
  let day: number;
  try {
    // Temporal still reads the parameter: it refuses what is not a date ("2026-02-30")
    const date = param && DATE.test(param) ? Temporal.PlainDate.from(param) : null;
    day = date ? dayNumber(date.year, date.month, date.day) : today();
  } catch {
    day = today();
  }
  return mondayOfDay(day);
}

type Profile = SlotRules & { name: string; location: string };
/** mentor_week()'s row: instants as epoch milliseconds (s: start, f/u: blocked from/until, o: office hours). */
type WeekRow = Profile & { weekly: WeeklyRule[]; overrides: DateOverride[]; busy: { s: number; f: number; u: number; o: boolean }[] };

/**
 * The mentor's free slots in the viewer's week, or null if the viewer may not see the mentor.
 * `exceptSession` (a session being moved) neither blocks time nor counts towards the weekly cap.
 */
export function mentorWeek(claims: Claims, mentorId: string, weekParam: string | null, zone: string, exceptSession?: string): Promise<MentorWeek | null> {
  return asUser(claims, (tx) => mentorWeekIn(tx, mentorId, weekParam, zone, exceptSession));
}

/**
 * The booking page's data in one transaction: the week of free slots (null if the viewer may not
 * see the mentor) and the programmes and startups in which the viewer may book them.
 */
export function bookingPage(claims: Claims, mentorId: string, weekParam: string | null, zone: string) {
  return asUser(claims, async (tx) => {
    const [week, contexts] = await Promise.all([mentorWeekIn(tx, mentorId, weekParam, zone), bookingContextsIn(tx, mentorId)]);
    return { week, contexts };
  });
}

async function mentorWeekIn(tx: Tx, mentorId: string, weekParam: string | null, zone: string, exceptSession?: string): Promise<MentorWeek | null> {
  const monday = mondayNumber(weekParam, zone, new Date());
  // the week's bounds: midnight on the viewer's calendar, where the zone's rules apply (Temporal)
  const mondayDate = plainDateOf(monday);
  const from = new Date(mondayDate.toZonedDateTime({ timeZone: zone }).epochMilliseconds);
  const until = new Date(mondayDate.add({ days: 7 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds);
  // a week either side: the weekly cap counts the mentor's week, which may straddle the viewer's
  // and the mentor's open office hours, which block their time (the same statement: one round trip)
  const [around, beyond] = [new Date(from.getTime() - 7 * 86_400_000), new Date(until.getTime() + 7 * 86_400_000)];
  // One statement (mentor_week() checks sees_mentor() once; the separate reads called it per row),
  // sent with the session being moved, if any: one round trip.
  const [[w], except] = await Promise.all([
    tx<WeekRow[]>`
      select name, time_zone as "timeZone", slot_minutes as "slotMinutes", step_minutes as "stepMinutes",
             buffer_before_minutes as "bufferBeforeMinutes", buffer_after_minutes as "bufferAfterMinutes",
             min_notice_minutes as "minNoticeMinutes", horizon_days as "horizonDays", weekly_cap as "weeklyCap", location, weekly, overrides, busy
        from public.mentor_week(${mentorId}, ${around}, ${beyond}, ${dateText(monday - 2)}::date, ${dateText(monday + 9)}::date)`,
    exceptSession
      ? tx<{ starts_at: Date }[]>`select starts_at from public.mentoring_sessions where id = ${exceptSession} and mentor_id = ${mentorId}`
      : Promise.resolve([] as { starts_at: Date }[]),
  ]);
  if (!w) return null;
  const { weekly, overrides, busy: ranges, ...p } = w;
  const skip = except[0]?.starts_at.getTime();
  const busy = ranges
    .filter((b) => b.o || b.s !== skip)
    .map((b) => ({ startsAt: new Date(b.s), blockedFrom: new Date(b.f), blockedUntil: new Date(b.u), officeHours: b.o }));
  const starts = freeStarts(p, weekly, overrides, busy, { from, until, now: new Date() });
  const days: WeekDay[] = Array.from({ length: 7 }, (_, i) => ({ date: dateText(monday + i), slots: [] }));
  const byDate = new Map(days.map((d) => [d.date, d]));
  const [mine, theirs] = [wallClock(zone), wallClock(p.timeZone)];
  for (const ms of starts) {
    const [viewer, mentor] = [mine(ms), theirs(ms)];
    byDate.get(viewer.date)?.slots.push({
      startsAt: ms % 1000 === 0 ? `${new Date(ms).toISOString().slice(0, 19)}Z` : Temporal.Instant.fromEpochMilliseconds(ms).toString(),
      viewer: viewer.time,
      mentor: mentor.time,
      mentorDate: mentor.date,
    });
  }
  return {
    mentor: { id: mentorId, name: p.name, timeZone: p.timeZone, slotMinutes: p.slotMinutes, location: p.location },
    week: dateText(monday),
    previous: dateText(monday - 7),
    next: dateText(monday + 7),
    days,
  };
}

/**
 * The programmes and startups in which the viewer may book the mentor (assigned and approved), by
 * mentor_booking_contexts(): the same rule as the tables' policies, checked once (decision 008,
 * seventh pass, member).
 */
function bookingContextsIn(tx: Tx, mentorId: string) {
  return tx<{ programId: string; startupId: string; startupName: string; programNameVi: string; programNameEn: string; budgetHours: number; usedHours: number }[]>`
      select program_id as "programId", startup_id as "startupId", startup_name as "startupName", program_name_vi as "programNameVi",
             program_name_en as "programNameEn", budget_hours as "budgetHours", used_hours as "usedHours"
        from public.mentor_booking_contexts(${mentorId})`;
}
