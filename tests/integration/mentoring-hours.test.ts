import { Temporal } from "temporal-polyfill";
import { beforeAll, describe, expect, it } from "vitest";
import { freeSlots, type DateOverride, type SlotRules, type WeeklyRule } from "~/modules/mentoring/availability/slots";
import { bookSession } from "~/modules/mentoring/booking/book.server";
import "~/modules/mentoring/strings";
import { asService } from "~/platform/db/transaction.server";
import { tFor } from "~/platform/i18n/i18n";
import { addMember, createOrg, createUser } from "../support/factories";
import { createProgram } from "../support/application-factories";
import { assignMentor, createCohortStartup, createMentor, sessionsOf, setBudget } from "../support/mentoring-factories";

// book_session() holds a start to the mentor's own hours (mentor_offers_start in SQL), and the
// founder's page offers slots computed by slots.ts (Temporal): the two must agree on every start,
// across both daylight-saving changes of Europe/Amsterdam, in a half-hour zone and with overrides.

let orgId: string;
let programId: string;

beforeAll(async () => {
  const manager = await createUser();
  orgId = (await createOrg()).id;
  await addMember(orgId, manager.id, "manager");
  programId = (await createProgram(orgId)).id;
  await setBudget(programId, 500);
});

const RULES = { slotMinutes: 60, stepMinutes: 30 };
// Interval edges on purpose in the spring gap (02:30 on 2027-03-28 never happens in Amsterdam) and
// the autumn repeat (02:30 on 2027-10-31 happens twice).
const WEEKLY: WeeklyRule[] = [
  { weekday: 1, starts: "09:00", ends: "12:00" },
  { weekday: 1, starts: "13:30", ends: "17:00" },
  { weekday: 3, starts: "08:00", ends: "10:00" },
  { weekday: 7, starts: "01:00", ends: "04:00" },
  { weekday: 7, starts: "02:30", ends: "06:00" },
];

async function agreement(timeZone: string, from: string, until: string, overrides: DateOverride[]) {
  const mentor = await createMentor(orgId, programId, { timeZone, ...RULES, weekly: WEEKLY });
  await asService(async (tx) => {
    for (const o of overrides) {
      await tx`insert into public.mentor_date_overrides (mentor_id, on_date, starts, ends) values (${mentor.id}, ${o.date}, ${o.starts}, ${o.ends})`;
    }
  });
  const rules: SlotRules = { timeZone, ...RULES, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minNoticeMinutes: 0, horizonDays: 365, weeklyCap: 100 };
  const offered = freeSlots(rules, WEEKLY, overrides, [], { from: new Date(from), until: new Date(until), now: new Date(Date.parse(from) - 86_400_000) });
  // every five minutes of the window, asked of PostgreSQL
  const accepted = await asService(
    (tx) => tx<{ t: Date }[]>`
      select t from public.mentor_profiles p, generate_series(${from}::timestamptz, ${until}::timestamptz - interval '1 minute', interval '5 minutes') t
       where p.user_id = ${mentor.id} and public.mentor_offers_start(p, t) order by t`,
  );
  return { offered: offered.map((s) => s.start.toString()), accepted: accepted.map((r) => Temporal.Instant.fromEpochMilliseconds(r.t.getTime()).toString()) };
}

describe("PostgreSQL and slots.ts accept the same starts", () => {
  it("in Amsterdam across the spring change, with a day off and a date's own hours", async () => {
    const overrides: DateOverride[] = [
      { date: "2027-03-24", starts: null, ends: null }, // a Wednesday off
      { date: "2027-03-30", starts: "14:00", ends: "15:30" }, // a Tuesday's own hours
    ];
    const { offered, accepted } = await agreement("Europe/Amsterdam", "2027-03-22T00:00:00Z", "2027-04-01T00:00:00Z", overrides);
    expect(accepted).toEqual(offered);
    // Monday 09:00 CET is 08:00Z; the next Monday 09:00 CEST is 07:00Z
    expect(offered).toContain("2027-03-22T08:00:00Z");
    expect(offered).toContain("2027-03-29T07:00:00Z");
    expect(offered).not.toContain("2027-03-24T07:00:00Z"); // the day off
    expect(offered).toContain("2027-03-30T12:00:00Z"); // 14:00 CEST on the Tuesday override
  });

  it("in Amsterdam across the autumn change", async () => {
    const { offered, accepted } = await agreement("Europe/Amsterdam", "2027-10-25T00:00:00Z", "2027-11-02T00:00:00Z", []);
    expect(accepted).toEqual(offered);
    expect(offered).toContain("2027-10-25T07:00:00Z"); // 09:00 CEST
    expect(offered).toContain("2027-11-01T08:00:00Z"); // 09:00 CET
  });

  it("in Kolkata (UTC+5:30) and Ho Chi Minh City (UTC+7)", async () => {
    const kolkata = await agreement("Asia/Kolkata", "2027-01-04T00:00:00Z", "2027-01-11T00:00:00Z", [{ date: "2027-01-06", starts: "10:15", ends: "12:00" }]);
    expect(kolkata.accepted).toEqual(kolkata.offered);
    expect(kolkata.offered).toContain("2027-01-04T03:30:00Z"); // Monday 09:00 IST
    expect(kolkata.offered).toContain("2027-01-06T04:45:00Z"); // 10:15 IST on the override
    const hcm = await agreement("Asia/Ho_Chi_Minh", "2027-01-04T00:00:00Z", "2027-01-11T00:00:00Z", []);
    expect(hcm.accepted).toEqual(hcm.offered);
    expect(hcm.offered[0]).toBe("2027-01-04T02:00:00Z"); // Monday 09:00 ICT
  });
});

/** A Monday at least two weeks ahead, at a wall-clock time in the zone. */
function mondayAhead(zone: string, time: string) {
  const today = Temporal.Now.plainDateISO(zone).add({ days: 14 });
  const monday = today.add({ days: (8 - today.dayOfWeek) % 7 });
  return new Date(monday.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds);
}

describe("a forged start", () => {
  it("is refused outside the mentor's hours, off the slot grid and on a day off, in the founder's language, writing nothing", async () => {
    const zone = "Europe/Amsterdam";
    const mentor = await createMentor(orgId, programId, { timeZone: zone, ...RULES, weekly: [{ weekday: 1, starts: "09:00", ends: "12:00" }] });
    const { founder, startupId } = await createCohortStartup(programId);
    await assignMentor(startupId, mentor.id);
    const book = (startsAt: Date) => bookSession(founder.claims, { programId, startupId, mentorId: mentor.id, startsAt });
    const refusal = { ok: false, errors: { startsAt: "mentoring.booking.refused.outsideHours" } };

    expect(await book(mondayAhead(zone, "03:00"))).toEqual(refusal); // 3 a.m. on the mentor's clock
    expect(await book(mondayAhead(zone, "09:10"))).toEqual(refusal); // inside the hours, off the 30-minute grid
    expect(await book(mondayAhead(zone, "11:30"))).toEqual(refusal); // would run past 12:00
    const dayOff = mondayAhead(zone, "09:00");
    const date = Temporal.Instant.fromEpochMilliseconds(dayOff.getTime()).toZonedDateTimeISO(zone).toPlainDate().toString();
    await asService((tx) => tx`insert into public.mentor_date_overrides (mentor_id, on_date) values (${mentor.id}, ${date})`);
    expect(await book(dayOff)).toEqual(refusal);
    expect(await sessionsOf(mentor.id)).toEqual([]);

    await asService((tx) => tx`delete from public.mentor_date_overrides where mentor_id = ${mentor.id}`);
    expect((await book(mondayAhead(zone, "09:30"))).ok).toBe(true);
    expect((await book(mondayAhead(zone, "11:00"))).ok).toBe(true); // ends at 12:00 exactly
    for (const locale of ["vi", "en"] as const) expect(tFor(locale)("mentoring.booking.refused.outsideHours")).not.toBe("mentoring.booking.refused.outsideHours");
  });
});
