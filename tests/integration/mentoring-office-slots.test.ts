import { beforeAll, describe, expect, it } from "vitest";
import { bookSession } from "~/modules/mentoring/booking/book.server";
import { mentorWeek } from "~/modules/mentoring/booking/week.server";
import { cancelOfficeHours, openOfficeHours } from "~/modules/mentoring/office/office.server";
import "~/modules/mentoring/strings";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { createProgram } from "../support/application-factories";
import { assignMentor, createCohortStartup, createMentor, setBudget } from "../support/mentoring-factories";

// The founder's week of 1:1 slots leaves out the mentor's office hours, buffers included, exactly
// as the database refuses them: every slot hidden is one booking would refuse, every slot shown
// next to the office hours books. Office hours are no session: they do not fill the weekly cap.
const ZONE = "Asia/Ho_Chi_Minh";
let programId: string;
let mentor: TestUser;
let founder: TestUser;
let startupId: string;

beforeAll(async () => {
  const manager = await createUser();
  const orgId = (await createOrg()).id;
  await addMember(orgId, manager.id, "manager");
  programId = (await createProgram(orgId)).id;
  await setBudget(programId, 100);
  // 60-minute slots every 30 minutes from 09:00 to 15:00, 15 minutes of buffer either side, one session a week
  mentor = await createMentor(orgId, programId, {
    timeZone: ZONE,
    slotMinutes: 60,
    stepMinutes: 30,
    bufferBefore: 15,
    bufferAfter: 15,
    weeklyCap: 1,
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, starts: "09:00", ends: "15:00" })),
  });
  ({ founder, startupId } = await createCohortStartup(programId));
  await assignMentor(startupId, mentor.id);
});

/** A date some days ahead on Ho Chi Minh City's calendar. */
const dateAhead = (days: number) => new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
const at = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);

/** The start times the founder is offered on `date`, as "HH:MM" on the mentor's (and founder's) clock. */
async function offered(date: string) {
  const week = await mentorWeek(founder.claims, mentor.id, date, ZONE);
  return week!.days.find((d) => d.date === date)!.slots.map((s) => s.viewer);
}

describe("the 1:1 slot list and office hours", () => {
  it("offers the availability less the office hours and the buffers around them", async () => {
    const date = dateAhead(12);
    const before = await offered(date);
    expect(before).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00"]);

    const opened = await openOfficeHours(mentor.claims, ZONE, { intent: "open", startsAt: `${date}T11:00`, minutes: 60, seats: 4, location: "" });
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    // a slot's time with its buffers, [start − 15, start + 75), may not touch [11:00, 12:00)
    const touches = (time: string) => {
      const start = at(date, time).getTime();
      return start - 15 * 60_000 < at(date, "12:00").getTime() && at(date, "11:00").getTime() < start + 75 * 60_000;
    };
    const after = await offered(date);
    expect(after).toEqual(before.filter((time) => !touches(time)));
    expect(after).toEqual(["09:00", "09:30", "12:30", "13:00", "13:30", "14:00"]);
    // the office hours fill no place of the weekly cap (one session): the other days keep their slots
    expect(await offered(dateAhead(13))).toEqual(before);

    // the page and the database agree on both edges: the hidden 10:00 and 12:00 are refused, 12:30 books
    const book = (time: string) => bookSession(founder.claims, { programId, startupId, mentorId: mentor.id, startsAt: at(date, time) });
    expect(await book("10:00")).toEqual({ ok: false, errors: { startsAt: "mentoring.booking.refused.slotTaken" } });
    expect(await book("12:00")).toEqual({ ok: false, errors: { startsAt: "mentoring.booking.refused.slotTaken" } });
    expect((await book("12:30")).ok).toBe(true);
  });

  it("gives the time back when the office hours are cancelled", async () => {
    const date = dateAhead(20);
    const opened = await openOfficeHours(mentor.claims, ZONE, { intent: "open", startsAt: `${date}T09:00`, minutes: 120, seats: 2, location: "" });
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    expect(await offered(date)).toEqual(["11:30", "12:00", "12:30", "13:00", "13:30", "14:00"]);
    expect((await cancelOfficeHours(mentor.claims, opened.value)).ok).toBe(true);
    expect(await offered(date)).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00"]);
  });
});
