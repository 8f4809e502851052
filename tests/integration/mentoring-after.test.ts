import { beforeAll, describe, expect, it } from "vitest";
import { markNoShow } from "~/modules/mentoring/sessions/absence.server";
import { giveFeedback } from "~/modules/mentoring/sessions/feedback.server";
import { addItem, removeItem, saveNotes, setItemDone } from "~/modules/mentoring/sessions/notes.server";
import { sessionPage } from "~/modules/mentoring/sessions/page.server";
import { mentoringReport } from "~/modules/mentoring/report/report.server";
import "~/modules/mentoring/strings";
import { ForbiddenError, NotFoundError } from "~/platform/db/errors.server";
import { asService, asUser } from "~/platform/db/transaction.server";
import { createProgram } from "../support/application-factories";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { assignMentor, createCohortStartup, createMentor, createSession, setBudget } from "../support/mentoring-factories";

// After the session, against the real PostgreSQL: notes and action items shared by the session's
// people only, one feedback a side, no-shows by either side, the hours rule, the managers' report.
let programId: string;
let manager: TestUser;
let otherManager: TestUser;
let mentor: TestUser;
let otherMentor: TestUser;
let founder: TestUser;
let cofounder: TestUser;
let otherFounder: TestUser;
let startupId: string;
let otherStartupId: string;
let past: string; // started two hours ago, booked
let future: string; // in three days

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

beforeAll(async () => {
  const org = await createOrg();
  manager = await createUser({ name: "Mai Manager" });
  await addMember(org.id, manager.id, "manager");
  otherManager = await createUser();
  await addMember((await createOrg()).id, otherManager.id, "manager");
  programId = (await createProgram(org.id)).id;
  await setBudget(programId, 10);
  mentor = await createMentor(org.id, programId);
  otherMentor = await createMentor(org.id, programId);
  ({ founder, startupId } = await createCohortStartup(programId));
  cofounder = await createUser();
  await asService((tx) => tx`insert into public.startup_members (startup_id, user_id) values (${startupId}, ${cofounder.id})`);
  ({ founder: otherFounder, startupId: otherStartupId } = await createCohortStartup(programId));
  await assignMentor(startupId, mentor.id);
  await assignMentor(otherStartupId, otherMentor.id);
  const s = { programId, startupId, mentorId: mentor.id };
  past = await createSession(s, hoursAgo(2));
  future = await createSession(s, hoursAgo(-72));
});

const outsiders = () => [otherFounder, otherMentor, otherManager];
const notesOf = async (id: string) =>
  asService(async (tx) => ({
    notes: (await tx<{ body: string }[]>`select body from public.mentoring_notes where session_id = ${id}`)[0]?.body ?? null,
    items: (await tx<{ body: string; done: boolean }[]>`select body, done from public.mentoring_action_items where session_id = ${id} order by created_at`).map((i) => [i.body, i.done]),
  }));

describe("the session page", () => {
  it("shows the session to its mentor, the startup's founders and the programme's managers, each on their side", async () => {
    for (const [who, side] of [[mentor, "mentor"], [founder, "founder"], [cofounder, "founder"], [manager, "manager"]] as const) {
      const page = await sessionPage(who.claims, past);
      expect(page.session.side, who.email).toBe(side);
      expect(page.people.map((p) => [p.name, p.side]).sort()).toEqual(
        [[mentor.name, "mentor"], [founder.name, "founder"], [cofounder.name, "founder"]].sort(),
      );
      expect(page.programme.budgetHours).toBe(10);
      // the mentor sees only their own sessions with the startup: no total for them
      expect(page.programme.committedHours).toBe(side === "mentor" ? null : 2);
    }
    const upcoming = await sessionPage(founder.claims, future);
    expect(upcoming.may).toEqual({ reschedule: true, markNoShow: false, giveFeedback: false, editLocation: false });
    expect((await sessionPage(founder.claims, past)).may).toEqual({ reschedule: false, markNoShow: true, giveFeedback: true, editLocation: false });
    expect((await sessionPage(manager.claims, past)).may).toEqual({ reschedule: false, markNoShow: false, giveFeedback: false, editLocation: false });
    // the mentor and the programme's managers change where a session to come is held
    for (const who of [mentor, manager]) expect((await sessionPage(who.claims, future)).may.editLocation).toBe(true);
  });

  it("is a 404 for a founder of another startup, a mentor not on the session, a manager of another organisation", async () => {
    for (const who of outsiders()) await expect(sessionPage(who.claims, past), who.email).rejects.toBeInstanceOf(NotFoundError);
    await expect(sessionPage(founder.claims, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("notes and action items", () => {
  it("are written by the mentor, the founders and the managers, and read by all of them", async () => {
    const session = await createSession({ programId, startupId, mentorId: mentor.id }, hoursAgo(30));
    expect(await saveNotes(mentor.claims, session, { body: "Pricing: try a pilot with two districts." })).toEqual({ ok: true, value: undefined });
    expect(await saveNotes(cofounder.claims, session, { body: "Pricing: pilot with two districts; send the deck." })).toEqual({ ok: true, value: undefined });
    expect((await addItem(founder.claims, session, { body: "Send the deck" })).ok).toBe(true);
    expect((await addItem(manager.claims, session, { body: "Introduce the water utility" })).ok).toBe(true);
    const page = await sessionPage(manager.claims, session);
    expect(page.notes).toMatchObject({ body: "Pricing: pilot with two districts; send the deck.", updatedBy: cofounder.name });
    expect(page.items.map((i) => i.body)).toEqual(["Send the deck", "Introduce the water utility"]);
    expect((await setItemDone(mentor.claims, session, { id: page.items[0]!.id, done: "true" })).ok).toBe(true);
    expect((await removeItem(founder.claims, session, { id: page.items[1]!.id })).ok).toBe(true);
    expect(await notesOf(session)).toEqual({ notes: "Pricing: pilot with two districts; send the deck.", items: [["Send the deck", true]] });
  });

  it("refuse outsiders through the page and straight in SQL, writing nothing", async () => {
    const session = await createSession({ programId, startupId, mentorId: mentor.id }, hoursAgo(50));
    await saveNotes(mentor.claims, session, { body: "kept" });
    await addItem(mentor.claims, session, { body: "kept item" });
    const [item] = await asService((tx) => tx<{ id: string }[]>`select id from public.mentoring_action_items where session_id = ${session}`);
    for (const who of outsiders()) {
      await expect(saveNotes(who.claims, session, { body: "mine now" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(addItem(who.claims, session, { body: "x" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(setItemDone(who.claims, session, { id: item!.id, done: "true" })).rejects.toBeInstanceOf(NotFoundError);
      await asUser(who.claims, async (tx) => {
        expect(await tx`select 1 from public.mentoring_notes where session_id = ${session}`).toHaveLength(0);
        expect((await tx`update public.mentoring_notes set body = 'x' where session_id = ${session}`).count).toBe(0);
        expect((await tx`update public.mentoring_action_items set done = true where session_id = ${session}`).count).toBe(0);
        expect((await tx`delete from public.mentoring_action_items where session_id = ${session}`).count).toBe(0);
      });
      await expect(asUser(who.claims, (tx) => tx`insert into public.mentoring_action_items (session_id, body) values (${session}, 'x')`)).rejects.toThrow(
        /errors.forbidden/,
      );
    }
    // an item of another session cannot be reached through this one
    const elsewhere = await createSession({ programId, startupId, mentorId: mentor.id }, hoursAgo(80));
    expect(await setItemDone(founder.claims, elsewhere, { id: item!.id, done: "true" })).toEqual({ ok: false, errors: { form: "mentoring.sessions.errors.itemGone" } });
    expect(await notesOf(session)).toEqual({ notes: "kept", items: [["kept item", false]] });
  });

  it("refuse empty, overlong and malformed input with a message", async () => {
    expect(await addItem(founder.claims, past, { body: "   " })).toEqual({ ok: false, errors: { body: "validation.required" } });
    expect(await addItem(founder.claims, past, { body: "x".repeat(501) })).toEqual({ ok: false, errors: { body: "validation.tooLong" } });
    expect(await saveNotes(founder.claims, past, { body: "x".repeat(10_001) })).toEqual({ ok: false, errors: { body: "validation.tooLong" } });
    expect(await setItemDone(founder.claims, past, { id: "nope", done: "maybe" })).toMatchObject({ ok: false, errors: { id: "validation.required" } });
  });
});

describe("feedback", () => {
  it("opens when the session starts, once a side, changed by its author only", async () => {
    expect(await giveFeedback(founder.claims, future, { rating: "5", comment: "" })).toEqual({ ok: false, errors: { form: "mentoring.sessions.errors.notStarted" } });
    const session = await createSession({ programId, startupId, mentorId: mentor.id }, hoursAgo(100));
    expect((await giveFeedback(founder.claims, session, { rating: "4", comment: "Clear advice on pricing." })).ok).toBe(true);
    expect((await giveFeedback(mentor.claims, session, { rating: "5", comment: "Well prepared." })).ok).toBe(true);
    // the other founder cannot give a second one, nor change the first
    expect(await giveFeedback(cofounder.claims, session, { rating: "1", comment: "" })).toEqual({ ok: false, errors: { form: "mentoring.sessions.errors.feedbackGiven" } });
    expect((await asUser(cofounder.claims, (tx) => tx`update public.mentoring_feedback set rating = 1 where session_id = ${session}`)).count).toBe(0);
    // its author changes it
    expect((await giveFeedback(founder.claims, session, { rating: "5", comment: "Clear advice." })).ok).toBe(true);
    expect(await giveFeedback(manager.claims, session, { rating: "3", comment: "" })).toEqual({ ok: false, errors: { form: "mentoring.sessions.errors.notYourSide" } });
    expect(await giveFeedback(founder.claims, session, { rating: "6", comment: "" })).toEqual({ ok: false, errors: { rating: "mentoring.sessions.errors.rating" } });

    // each side reads its own; managers read both
    const sides = async (who: TestUser) => (await sessionPage(who.claims, session)).feedback.map((f) => [f.side, f.rating, f.comment]);
    expect(await sides(manager)).toEqual([["mentor", 5, "Well prepared."], ["founder", 5, "Clear advice."]]);
    expect(await sides(cofounder)).toEqual([["founder", 5, "Clear advice."]]);
    expect(await sides(mentor)).toEqual([["mentor", 5, "Well prepared."]]);
    for (const who of outsiders()) {
      expect(await asUser(who.claims, (tx) => tx`select 1 from public.mentoring_feedback where session_id = ${session}`)).toHaveLength(0);
    }

    // a week later it is closed, also straight in SQL
    await asService((tx) => tx`update public.mentoring_feedback set created_at = now() - interval '8 days' where session_id = ${session}`);
    expect(await giveFeedback(founder.claims, session, { rating: "1", comment: "" })).toEqual({ ok: false, errors: { form: "mentoring.sessions.errors.feedbackClosed" } });
    expect((await asUser(founder.claims, (tx) => tx`update public.mentoring_feedback set rating = 1 where session_id = ${session}`)).count).toBe(0);
    expect(await sides(manager)).toEqual([["mentor", 5, "Well prepared."], ["founder", 5, "Clear advice."]]);
  });

  it("cannot be written for another side, by someone else, or backdated, straight in SQL", async () => {
    const session = await createSession({ programId, startupId, mentorId: mentor.id }, hoursAgo(120));
    const insert = (who: TestUser, side: string) =>
      asUser(who.claims, (tx) => tx`insert into public.mentoring_feedback (session_id, side, rating) values (${session}, ${side}, 5)`);
    await expect(insert(founder, "mentor")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(insert(mentor, "founder")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(insert(otherFounder, "founder")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(insert(manager, "founder")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      asUser(founder.claims, (tx) => tx`insert into public.mentoring_feedback (session_id, side, rating, created_at) values (${session}, 'founder', 5, now() + interval '1 year')`),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("no-shows and the hours rule", () => {
  it("either side marks the other absent once the session started, once", async () => {
    expect(await markNoShow(mentor.claims, future)).toEqual({ ok: false, errors: { form: "mentoring.sessions.errors.notStarted" } });
    expect(await markNoShow(manager.claims, past)).toEqual({ ok: false, errors: { form: "mentoring.sessions.errors.notYourSide" } });
    for (const who of outsiders()) await expect(markNoShow(who.claims, past)).rejects.toBeInstanceOf(NotFoundError);
    expect(await markNoShow(mentor.claims, past)).toEqual({ ok: true, value: { absent: "startup" } });
    expect(await markNoShow(founder.claims, past)).toEqual({ ok: false, errors: { form: "mentoring.sessions.errors.alreadyMarked" } });
    const page = await sessionPage(founder.claims, past);
    expect(page.session).toMatchObject({ status: "no_show", absent: "startup" });
    expect(page.may.markNoShow).toBe(false);

    const another = await createSession({ programId, startupId, mentorId: mentor.id }, hoursAgo(200));
    expect(await markNoShow(cofounder.claims, another)).toEqual({ ok: true, value: { absent: "mentor" } });
  });

  it("counts held, booked and startup no-show sessions against the budget; not cancelled nor mentor no-shows", async () => {
    const program = (await createProgram((await createOrg()).id)).id;
    const org2Mentor = await createMentor((await asService((tx) => tx<{ org_id: string }[]>`select org_id from public.programs where id = ${program}`))[0]!.org_id, program);
    const { founder: f, startupId: s } = await createCohortStartup(program);
    const at = { programId: program, startupId: s, mentorId: org2Mentor.id };
    await createSession(at, hoursAgo(300), { status: "held", minutes: 60 });
    await createSession(at, hoursAgo(290), { status: "no_show", absent: "startup", minutes: 30 });
    await createSession(at, hoursAgo(280), { status: "no_show", absent: "mentor", minutes: 120 });
    await createSession(at, hoursAgo(270), { status: "cancelled", minutes: 240 });
    await createSession(at, hoursAgo(-50), { minutes: 90 });
    const committed = (who: TestUser | null) =>
      (who ? asUser(who.claims, (tx) => tx<{ h: string | null }[]>`select public.mentoring_hours_committed(${program}, ${s}) as h`) : asService((tx) => tx<{ h: string | null }[]>`select public.mentoring_hours_committed(${program}, ${s}) as h`)).then(
        (r) => (r[0]!.h === null ? null : Number(r[0]!.h)),
      );
    expect(await committed(null)).toBe(3); // 1 + 0.5 + 1.5
    expect(await committed(f)).toBe(3);
    expect(await committed(otherFounder)).toBeNull();
  });
});

describe("the managers' report", () => {
  it("counts sessions, hours, no-shows and ratings per startup and mentor, and names the quiet startups", async () => {
    const org = await createOrg();
    const boss = await createUser();
    await addMember(org.id, boss.id, "manager");
    const program = (await createProgram(org.id)).id;
    await setBudget(program, 4);
    const m1 = await createMentor(org.id, program);
    const m2 = await createMentor(org.id, program);
    const a = await createCohortStartup(program);
    const b = await createCohortStartup(program);
    await asService((tx) => tx`update public.startups set name = case id when ${a.startupId} then 'Alpha' else 'Beta' end where id in ${tx([a.startupId, b.startupId])}`);
    const sa = { programId: program, startupId: a.startupId, mentorId: m1.id };
    const held = await createSession(sa, hoursAgo(24 * 3), { minutes: 90 }); // booked and ended: held
    await createSession(sa, hoursAgo(24 * 5), { status: "no_show", absent: "startup" });
    await createSession(sa, hoursAgo(24 * 6), { status: "no_show", absent: "mentor" });
    await createSession(sa, hoursAgo(-24), { minutes: 120 });
    await createSession({ programId: program, startupId: b.startupId, mentorId: m2.id }, hoursAgo(24 * 40), { status: "held" });
    await createSession({ programId: program, startupId: b.startupId, mentorId: m2.id }, hoursAgo(24 * 2), { status: "cancelled" });
    expect((await giveFeedback(a.founder.claims, held, { rating: "4", comment: "" })).ok).toBe(true);
    expect((await giveFeedback(m1.claims, held, { rating: "5", comment: "" })).ok).toBe(true);

    const report = await mentoringReport(boss.claims, program);
    expect(report.programme.budgetHours).toBe(4);
    const rows = report.startups.map(({ startupId: _, lastSessionAt, ...r }) => ({ ...r, last: lastSessionAt !== null }));
    expect(rows).toEqual([
      { name: "Alpha", held: 1, upcoming: 1, usedHours: 2.5, bookedHours: 2, startupNoShows: 1, mentorNoShows: 1, last: true, quiet: false },
      { name: "Beta", held: 1, upcoming: 0, usedHours: 1, bookedHours: 0, startupNoShows: 0, mentorNoShows: 0, last: true, quiet: true },
    ]);
    const mentors = Object.fromEntries(report.mentors.map((m) => [m.mentorId, m]));
    expect(mentors[m1.id]).toMatchObject({ name: m1.name, held: 1, noShows: 1, rating: 4, ratings: 1, sessionRating: 5 });
    expect(mentors[m2.id]).toMatchObject({ held: 1, noShows: 0, rating: null, ratings: 0 });

    for (const who of [otherManager, a.founder, m1]) await expect(mentoringReport(who.claims, program), who.email).rejects.toBeInstanceOf(ForbiddenError);
    await expect(mentoringReport(boss.claims, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists every startup of a large cohort in one answer", async () => {
    const org = await createOrg();
    const boss = await createUser();
    await addMember(org.id, boss.id, "manager");
    const program = (await createProgram(org.id)).id;
    const m = await createMentor(org.id, program);
    for (let i = 0; i < 20; i++) {
      const s = await createCohortStartup(program);
      if (i % 2 === 0) await createSession({ programId: program, startupId: s.startupId, mentorId: m.id }, hoursAgo(24 * 3 * (i + 1)));
    }
    const report = await mentoringReport(boss.claims, program);
    expect(report.startups).toHaveLength(20);
    // sessions 3, 9, 15, …, 57 days ago: the five within 30 days keep their startups off the quiet list
    expect(report.startups.filter((s) => s.quiet)).toHaveLength(15);
    expect(report.mentors[0]).toMatchObject({ held: 10 });
  });
});
