import postgres from "postgres";
import { Temporal } from "temporal-polyfill";
import { ConflictError } from "~/platform/db/errors.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { refused, type Outcome } from "~/platform/http/form.server";
import { mailCancelled, mailSeat } from "./mail.server";
import type { OpenOfficeHoursInput } from "./schema";

// Group office hours (decisions/007-office-hours.md). Every rule lives in SQL: who may open, take
// or leave, the seat count (a guarded update under the row's lock), and the mentor's time kept
// apart from 1:1 sessions. This module reads the lists and turns refusals into messages.

const REFUSALS: Record<string, string> = {
  not_found: "mentoring.office.refused.notFound",
  too_soon: "mentoring.office.refused.tooSoon",
  slot_taken: "mentoring.office.refused.overlap",
  not_open: "mentoring.office.refused.notOpen",
  full: "mentoring.office.refused.full",
  already_seated: "mentoring.office.refused.alreadySeated",
};

function refusalOf(error: unknown, field: string): { ok: false; errors: Record<string, string> } | null {
  if (error instanceof ConflictError && error.constraint === "mentor_office_hours_no_overlap") return refused({ [field]: REFUSALS.slot_taken! });
  if (error instanceof postgres.PostgresError && error.message in REFUSALS) return refused({ [field]: REFUSALS[error.message]! });
  return null;
}

async function refusing<T>(field: string, work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    const refusal = refusalOf(error, field);
    if (refusal) return refusal;
    throw error;
  }
}

export type OfficeHours = {
  id: string;
  mentorId: string;
  mentorName: string;
  startsAt: string;
  endsAt: string;
  seats: number;
  seatsTaken: number;
  location: string;
  /** the viewer's startups holding a seat */
  seatedStartups: string[];
  /** the names of the startups holding seats, for the mentor's own office hours (empty for others) */
  attendees: string[];
};

/** Upcoming open office hours the viewer may see: their own as a mentor, and those open to their startups. */
export async function officeHoursPage(claims: Claims): Promise<{ mine: OfficeHours[]; offered: OfficeHours[] }> {
  return asUser(claims, async (tx) => {
    const rows = await tx<
      { id: string; mentor_id: string; starts_at: Date; ends_at: Date; seats: number; seats_taken: number; location: string; seated: string[]; attendees: string[] }[]
    >`
      select o.id, o.mentor_id, o.starts_at, o.ends_at, o.seats, o.seats_taken, o.location,
             coalesce((select array_agg(s.startup_id order by s.startup_id) from public.office_hours_seats s
                        where s.office_hours_id = o.id and public.is_startup_member(s.startup_id)), '{}') as seated,
             case when o.mentor_id = (select auth.uid()) then
               coalesce((select array_agg(st.name order by st.name) from public.office_hours_seats s join public.startups st on st.id = s.startup_id
                          where s.office_hours_id = o.id), '{}')
             else '{}' end as attendees
        from public.mentor_office_hours o
       where o.status = 'open' and o.ends_at > now()
       order by o.starts_at
       limit 200`;
    const ids = [...new Set(rows.map((r) => r.mentor_id))];
    const names = new Map(
      (ids.length ? await tx<{ id: string; name: string }[]>`select id, name from public.mentor_names(${ids}::uuid[])` : []).map((n) => [n.id, n.name]),
    );
    const me = claims.sub;
    const all = rows.map((r) => ({
      id: r.id,
      mentorId: r.mentor_id,
      mentorName: names.get(r.mentor_id) ?? "",
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      seats: r.seats,
      seatsTaken: r.seats_taken,
      location: r.location,
      seatedStartups: r.seated,
      attendees: r.attendees,
    }));
    return { mine: all.filter((o) => o.mentorId === me), offered: all.filter((o) => o.mentorId !== me) };
  });
}

/** The calling mentor opens office hours at a wall-clock time of their zone. */
export function openOfficeHours(claims: Claims, timeZone: string, input: OpenOfficeHoursInput): Promise<Outcome<string>> {
  let starts: Date;
  try {
    starts = new Date(Temporal.PlainDateTime.from(input.startsAt).toZonedDateTime(timeZone).epochMilliseconds);
  } catch {
    return Promise.resolve(refused({ startsAt: "mentoring.office.errors.startsAt" }));
  }
  return refusing("startsAt", () =>
    asUser(claims, async (tx) => {
      const [row] = await tx<{ id: string }[]>`select public.open_office_hours(${starts}, ${input.minutes}, ${input.seats}, ${input.location}) as id`;
      return row!.id;
    }),
  );
}

export function cancelOfficeHours(claims: Claims, officeHoursId: string): Promise<Outcome<undefined>> {
  return refusing("form", () =>
    asUser(claims, async (tx) => {
      await tx`select public.cancel_office_hours(${officeHoursId})`;
      await mailCancelled(tx, officeHoursId);
      return undefined;
    }),
  );
}

/** A founder takes a seat for their startup; answers the seats now taken. */
export function takeSeat(claims: Claims, officeHoursId: string, startupId: string): Promise<Outcome<number>> {
  return refusing("form", () =>
    asUser(claims, async (tx) => {
      const [row] = await tx<{ taken: number }[]>`select public.take_office_hours_seat(${officeHoursId}, ${startupId}) as taken`;
      await mailSeat(tx, officeHoursId, startupId, "booked");
      return row!.taken;
    }),
  );
}

export function leaveSeat(claims: Claims, officeHoursId: string, startupId: string): Promise<Outcome<undefined>> {
  return refusing("form", () =>
    asUser(claims, async (tx) => {
      await tx`select public.leave_office_hours_seat(${officeHoursId}, ${startupId})`;
      await mailSeat(tx, officeHoursId, startupId, "cancelled");
      return undefined;
    }),
  );
}
