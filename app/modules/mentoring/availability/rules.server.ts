import { asUser, type Claims } from "~/platform/db/transaction.server";
import type { Outcome } from "~/platform/http/form.server";
import { formatOverrides, formatRanges, WEEKDAYS, type AvailabilityInput, type Range } from "./schema";

// The mentor's own availability: read and replaced as a whole, in one transaction, under RLS (the
// policies let only the mentor write their rows). Existing sessions keep their times and buffers.

export type AvailabilityForm = {
  timeZone: string;
  slotMinutes: number;
  stepMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeHours: number;
  horizonDays: number;
  weeklyCap: number;
  cancelCutoffHours: number;
  meetingDefault: string;
  days: Record<number, string>;
  overrides: string;
};

const hhmm = (t: string) => t.slice(0, 5);

/** The mentor's availability as the form shows it, or null if the viewer has no mentor profile. */
export async function loadAvailability(claims: Claims): Promise<AvailabilityForm | null> {
  return asUser(claims, async (tx) => {
    const [p] = await tx<
      { time_zone: string; slot_minutes: number; step_minutes: number; buffer_before_minutes: number; buffer_after_minutes: number;
        min_notice_minutes: number; horizon_days: number; weekly_cap: number; cancel_cutoff_hours: number; meeting_default: string }[]
    >`select time_zone, slot_minutes, step_minutes, buffer_before_minutes, buffer_after_minutes, min_notice_minutes, horizon_days,
             weekly_cap, cancel_cutoff_hours, meeting_default
        from public.mentor_profiles where user_id = ${claims.sub}`;
    if (!p) return null;
    const weekly = await tx<{ weekday: number; starts: string; ends: string }[]>`
      select weekday, starts::text, ends::text from public.mentor_weekly_hours where mentor_id = ${claims.sub} order by weekday, starts`;
    const overrides = await tx<{ on_date: string; starts: string | null; ends: string | null }[]>`
      select on_date::text, starts::text, ends::text from public.mentor_date_overrides
       where mentor_id = ${claims.sub} and on_date >= (now() at time zone ${p.time_zone})::date - 1 order by on_date, starts`;
    const days: Record<number, string> = {};
    for (const d of WEEKDAYS) days[d] = formatRanges(weekly.filter((w) => w.weekday === d).map((w) => ({ starts: hhmm(w.starts), ends: hhmm(w.ends) })));
    const byDate = new Map<string, Range[]>();
    for (const o of overrides) {
      const list = byDate.get(o.on_date) ?? [];
      if (o.starts && o.ends) list.push({ starts: hhmm(o.starts), ends: hhmm(o.ends) });
      byDate.set(o.on_date, list);
    }
    return {
      timeZone: p.time_zone,
      slotMinutes: p.slot_minutes,
      stepMinutes: p.step_minutes,
      bufferBeforeMinutes: p.buffer_before_minutes,
      bufferAfterMinutes: p.buffer_after_minutes,
      minNoticeHours: Math.round(p.min_notice_minutes / 60),
      horizonDays: p.horizon_days,
      weeklyCap: p.weekly_cap,
      cancelCutoffHours: p.cancel_cutoff_hours,
      meetingDefault: p.meeting_default,
      days,
      overrides: formatOverrides([...byDate].map(([date, ranges]) => ({ date, ranges }))),
    };
  });
}

/** Replaces the mentor's rules, weekly hours and date overrides. Refused (nothing written) without a profile. */
export async function saveAvailability(claims: Claims, input: AvailabilityInput): Promise<Outcome> {
  return asUser(claims, async (tx) => {
    const updated = await tx`
      update public.mentor_profiles
         set time_zone = ${input.timeZone}, slot_minutes = ${input.slotMinutes}, step_minutes = ${input.stepMinutes},
             buffer_before_minutes = ${input.bufferBeforeMinutes}, buffer_after_minutes = ${input.bufferAfterMinutes},
             min_notice_minutes = ${input.minNoticeHours * 60}, horizon_days = ${input.horizonDays}, weekly_cap = ${input.weeklyCap},
             cancel_cutoff_hours = ${input.cancelCutoffHours}, meeting_default = ${input.meetingDefault}, updated_at = now()
       where user_id = ${claims.sub}`;
    if (updated.count === 0) return { ok: false, errors: { form: "mentoring.availability.noProfile" } };
    await tx`delete from public.mentor_weekly_hours where mentor_id = ${claims.sub}`;
    const weekly = WEEKDAYS.flatMap((d) => input[`day${d}`].map((r) => ({ mentor_id: claims.sub, weekday: d, starts: r.starts, ends: r.ends })));
    if (weekly.length > 0) await tx`insert into public.mentor_weekly_hours ${tx(weekly, "mentor_id", "weekday", "starts", "ends")}`;
    // past dates stay as they were (they explain past sessions); the form edits today onwards
    await tx`delete from public.mentor_date_overrides where mentor_id = ${claims.sub} and on_date >= (now() at time zone ${input.timeZone})::date - 1`;
    const overrides = input.overrides.flatMap((o) =>
      o.ranges.length === 0
        ? [{ mentor_id: claims.sub, on_date: o.date, starts: null as string | null, ends: null as string | null }]
        : o.ranges.map((r) => ({ mentor_id: claims.sub, on_date: o.date, starts: r.starts as string | null, ends: r.ends as string | null })),
    );
    if (overrides.length > 0) await tx`insert into public.mentor_date_overrides ${tx(overrides, "mentor_id", "on_date", "starts", "ends")}`;
    return { ok: true, value: undefined };
  });
}
