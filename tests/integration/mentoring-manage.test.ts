import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { mentoringAuditPage } from "~/modules/mentoring/audit/log.server";
import { bookSession } from "~/modules/mentoring/booking/book.server";
import { cancelSession, rescheduleSession } from "~/modules/mentoring/booking/change.server";
import { setSessionLocation } from "~/modules/mentoring/booking/location.server";
import { mySession } from "~/modules/mentoring/booking/sessions.server";
import { endMentoring } from "~/modules/mentoring/match/ending.server";
import { assignOne, matchingPage, publishProposal } from "~/modules/mentoring/match/matching.server";
import { answerRequest, sendRequests } from "~/modules/mentoring/match/requests.server";
import { requestAssignment } from "~/modules/mentoring/match/solve.server";
import { inviteMentor } from "~/modules/mentoring/profiles/approvals.server";
import { markNoShow } from "~/modules/mentoring/sessions/absence.server";
import "~/modules/mentoring/strings";
import { ForbiddenError, NotFoundError } from "~/platform/db/errors.server";
import { asService, asUser } from "~/platform/db/transaction.server";
import { tFor } from "~/platform/i18n/i18n";
import { createProgram } from "../support/application-factories";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { workQueue } from "../support/jobs";
import { createCohortStartup, createMentor, createSession, setBudget } from "../support/mentoring-factories";

// What a programme's managers do to mentoring and what they read of it: every action lands in the
// programme's log whoever made it, and nobody can write that log by hand; ending a mentoring
// cancels what is to come (mailed, with a calendar cancel) and frees the mentor; a session's place
// changes with a new calendar entry for both sides.
let orgId: string;
let manager: TestUser;
let otherManager: TestUser;

beforeAll(async () => {
  orgId = (await createOrg()).id;
  manager = await createUser({ name: "Mai Manager" });
  await addMember(orgId, manager.id, "manager");
  otherManager = await createUser();
  await addMember((await createOrg()).id, otherManager.id, "manager");
});

/** A whole hour `days` ahead at 10:00 in Ho Chi Minh City (03:00 UTC): inside the factory mentor's hours. */
const daysAhead = (days: number, hour = 10) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour - 7, 0, 0, 0);
  return d;
};

async function programme(mode: "manager" | "requests" | "cohort" = "manager") {
  const programId = (await createProgram(orgId)).id;
  await setBudget(programId, 100);
  await asService((tx) => tx`update public.programs set match_mode = ${mode} where id = ${programId}`);
  return programId;
}

type Mail = { subject: string; attachments: { filename: string; contentType: string; content: string }[] };
const mailsTo = (email: string) =>
  asService((tx) => tx<Mail[]>`select subject, attachments from public.email_outbox where to_email = ${email} and template = 'mentoring-session' order by created_at, id`);

function readIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const event = new ICAL.Event(cal.getFirstSubcomponent("vevent")!);
  return { method: cal.getFirstPropertyValue("method"), uid: event.uid, sequence: event.sequence, location: event.location, status: event.component.getFirstPropertyValue("status") };
}

const logOf = (programId: string) =>
  asService(
    (tx) => tx<{ kind: string; actor_id: string | null; from_value: string | null; to_value: string | null; detail: Record<string, unknown> }[]>`
      select kind, actor_id, from_value, to_value, detail from public.audit_events where scope_id = ${programId} order by id`,
  );

describe("the programme's mentoring log", () => {
  it("records every action with who made it, founders' and mentors' included, and reads in both languages", async () => {
    const programId = await programme();
    const mentor = await createMentor(orgId, programId);
    const { founder, startupId } = await createCohortStartup(programId);

    expect(await assignOne(manager.claims, programId, startupId, mentor.id)).toEqual({ ok: true, added: true });
    const booked = await bookSession(founder.claims, { programId, startupId, mentorId: mentor.id, startsAt: daysAhead(5) });
    const sessionId = booked.ok ? booked.value.sessionId : "";
    expect((await rescheduleSession(founder.claims, sessionId, daysAhead(6))).ok).toBe(true);
    expect((await setSessionLocation(mentor.claims, sessionId, { location: "Room 2, Innovation Centre" })).ok).toBe(true);
    expect((await cancelSession(mentor.claims, sessionId)).ok).toBe(true);
    const past = await createSession({ programId, startupId, mentorId: mentor.id }, new Date(Date.now() - 3 * 3_600_000));
    expect((await markNoShow(founder.claims, past)).ok).toBe(true);
    await inviteMentor(manager.claims, programId, "new-mentor@example.test", "en");
    expect((await endMentoring(manager.claims, programId, startupId, mentor.id)).ok).toBe(true);

    const log = await logOf(programId);
    const row = (kind: string) => log.find((r) => r.kind === kind)!;
    expect(log.map((r) => r.kind)).toEqual([
      "mentor_approved", // by the factory, through the service path: no actor
      "mentor_assigned",
      "session_booked",
      "session_rescheduled",
      "location_changed",
      "session_cancelled",
      "session_booked", // the past session, written by the factory
      "no_show_marked",
      "mentor_invited",
      "mentoring_ended",
    ]);
    expect(row("mentor_approved").actor_id).toBeNull();
    expect(row("mentor_assigned")).toMatchObject({ actor_id: manager.id, detail: { startup: startupId, mentor: mentor.id, via: "manual" } });
    expect(row("session_rescheduled")).toMatchObject({ actor_id: founder.id, from_value: daysAhead(5).toISOString().replace(".000", ""), to_value: daysAhead(6).toISOString().replace(".000", "") });
    expect(row("location_changed")).toMatchObject({ actor_id: mentor.id, from_value: "", to_value: "Room 2, Innovation Centre" });
    expect(row("session_cancelled")).toMatchObject({ actor_id: mentor.id, detail: { reason: "cancelled" } });
    expect(row("no_show_marked")).toMatchObject({ actor_id: founder.id, detail: { absent: "mentor" } });
    expect(row("mentor_invited")).toMatchObject({ actor_id: manager.id, detail: { email: "new-mentor@example.test" } });
    expect(row("mentoring_ended")).toMatchObject({ actor_id: manager.id });

    // the managers' page names the people, newest first; every kind reads in both languages
    const page = await mentoringAuditPage(manager.claims, programId, 1);
    expect(page.total).toBe(log.length);
    expect(page.events[0]).toMatchObject({ kind: "mentoring_ended", actor: "Mai Manager", mentor: mentor.name });
    expect(page.events.find((e) => e.kind === "session_booked")!.startup).not.toBeNull();
    for (const locale of ["vi", "en"] as const) {
      for (const kind of new Set(log.map((r) => r.kind))) expect(tFor(locale)(`mentoring.audit.kinds.${kind}`)).not.toContain("mentoring.audit");
    }
    expect(tFor("vi")("mentoring.audit.kinds.session_booked")).not.toBe(tFor("en")("mentoring.audit.kinds.session_booked"));

    // the session's two sides and other organisations' managers do not read it
    for (const who of [mentor, founder, otherManager]) await expect(mentoringAuditPage(who.claims, programId, 1)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("says how each pair came about: a mentor's accepted request, a published cohort-wide proposal", async () => {
    const requests = await programme("requests");
    const mentor = await createMentor(orgId, requests);
    const { founder, startupId } = await createCohortStartup(requests);
    const [startup] = await asService((tx) => tx<{ slug: string }[]>`select slug from public.startups where id = ${startupId}`);
    expect((await sendRequests(founder.claims, startup!.slug, requests, [mentor.id])).ok).toBe(true);
    const [request] = await asService((tx) => tx<{ id: string }[]>`select id from public.mentor_requests where startup_id = ${startupId}`);
    expect((await answerRequest(mentor.claims, request!.id, true)).ok).toBe(true);
    const viaRequest = await logOf(requests);
    expect(viaRequest.find((r) => r.kind === "request_sent")).toMatchObject({ actor_id: founder.id, detail: { rank: 1 } });
    expect(viaRequest.find((r) => r.kind === "mentor_assigned")).toMatchObject({ actor_id: mentor.id, detail: { via: "request" } });
    expect(viaRequest.find((r) => r.kind === "request_accepted")).toMatchObject({ actor_id: mentor.id });

    const cohort = await programme("cohort");
    const other = await createMentor(orgId, cohort);
    const pair = await createCohortStartup(cohort);
    await requestAssignment(manager.claims, cohort);
    await workQueue();
    expect((await publishProposal(manager.claims, cohort)).published).toBe(1);
    expect((await logOf(cohort)).filter((r) => r.kind === "mentor_assigned")).toEqual([
      expect.objectContaining({ actor_id: manager.id, detail: { startup: pair.startupId, mentor: other.id, via: "proposal" } }),
    ]);
  });

  it("cannot be written by hand: no insert, no record_audit for a session's two sides, no trigger function to call", async () => {
    const programId = await programme();
    const mentor = await createMentor(orgId, programId);
    const { founder, startupId } = await createCohortStartup(programId);
    const session = await createSession({ programId, startupId, mentorId: mentor.id }, daysAhead(4));
    const before = (await logOf(programId)).length;
    // every refusal is the database's permission error (42501), which a request turns into a 403
    for (const who of [founder, mentor]) {
      await expect(
        asUser(who.claims, (tx) => tx`insert into public.audit_events (org_id, scope_id, subject_type, subject_id, kind) values (${orgId}, ${programId}, 'session', ${session}, 'session_cancelled')`),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(asUser(who.claims, (tx) => tx`select public.record_audit(${orgId}, ${programId}, 'session', ${session}, 'session_cancelled', '{}')`)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        asUser(who.claims, (tx) => tx`select public.audit_mentoring_change(${programId}, 'session', ${session}, 'session_cancelled', null, null, '{}')`),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(asUser(who.claims, (tx) => tx`select public.audit_called_from('end_mentoring')`)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await logOf(programId)).length).toBe(before);
  });
});

describe("ending a mentoring", () => {
  it("cancels the sessions to come with a calendar cancel to both sides, keeps the past, and frees the mentor", async () => {
    const programId = await programme();
    const mentor = await createMentor(orgId, programId);
    await asService((tx) => tx`update public.mentor_profiles set max_startups = 1 where user_id = ${mentor.id}`);
    const { founder, startupId } = await createCohortStartup(programId);
    expect((await assignOne(manager.claims, programId, startupId, mentor.id)).ok).toBe(true);
    const s = { programId, startupId, mentorId: mentor.id };
    const booked = await bookSession(founder.claims, { ...s, startsAt: daysAhead(3) });
    const first = booked.ok ? booked.value.sessionId : "";
    const second = await createSession(s, daysAhead(9));
    const held = await createSession(s, new Date(Date.now() - 48 * 3_600_000));
    // another startup waits: the mentor is full
    const waiting = await createCohortStartup(programId);
    expect(await assignOne(manager.claims, programId, waiting.startupId, mentor.id)).toEqual({ ok: false, error: "mentoring.match.errors.full" });

    // nobody but the programme's managers ends it
    await expect(endMentoring(otherManager.claims, programId, startupId, mentor.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(endMentoring(mentor.claims, programId, startupId, mentor.id)).rejects.toBeInstanceOf(ForbiddenError);
    for (const who of [mentor, founder, otherManager]) {
      await expect(asUser(who.claims, (tx) => tx`select public.end_mentoring(${programId}, ${startupId}, ${mentor.id})`)).rejects.toThrow(/not_found/);
    }

    expect(await endMentoring(manager.claims, programId, startupId, mentor.id)).toEqual({ ok: true, value: { cancelled: 2 } });
    const statuses = await asService((tx) => tx<{ id: string; status: string; sequence: number }[]>`
      select id, status, sequence from public.mentoring_sessions where startup_id = ${startupId} order by starts_at`);
    expect(statuses).toEqual([
      { id: held, status: "booked", sequence: 0 },
      { id: first, status: "cancelled", sequence: 1 },
      { id: second, status: "cancelled", sequence: 1 },
    ]);

    // both sides get a cancel per session, which replaces the invitation in their calendar (same UID)
    for (const person of [founder, mentor]) {
      const mails = await mailsTo(person.email);
      const invitation = readIcs(mails[0]!.attachments[0]!.content);
      const cancels = mails.filter((m) => m.attachments[0]?.contentType.includes("CANCEL")).map((m) => readIcs(m.attachments[0]!.content));
      expect(cancels).toHaveLength(2);
      expect(cancels).toContainEqual(expect.objectContaining({ method: "CANCEL", status: "CANCELLED", uid: invitation.uid, sequence: 1 }));
      expect(invitation).toMatchObject({ method: "REQUEST", sequence: 0 });
    }

    // the pair is history; the mentor takes the startup that waited; the founder can no longer book them
    const [ended] = await asService((tx) => tx<{ cancelled_sessions: number; ended_by: string }[]>`
      select cancelled_sessions, ended_by from public.mentoring_endings where startup_id = ${startupId} and mentor_id = ${mentor.id}`);
    expect(ended).toEqual({ cancelled_sessions: 2, ended_by: manager.id });
    const page = await matchingPage(manager.claims, programId);
    expect(page.ended).toEqual([expect.objectContaining({ startupId, mentorId: mentor.id, cancelled: 2, mentor: mentor.name })]);
    expect(page.pairs).toEqual([]);
    expect(await assignOne(manager.claims, programId, waiting.startupId, mentor.id)).toEqual({ ok: true, added: true });
    expect(await bookSession(founder.claims, { ...s, startsAt: daysAhead(12) })).toEqual({ ok: false, errors: { mentorId: "mentoring.booking.refused.notAssigned" } });
    // ending it again says so, and writes nothing
    expect(await endMentoring(manager.claims, programId, startupId, mentor.id)).toEqual({ ok: false, errors: { mentorId: "mentoring.match.errors.notMentoring" } });
  });
});

describe("a session's place or link", () => {
  it("is changed by the mentor or a manager, and both sides' calendars get the new place under the same UID", async () => {
    const programId = await programme();
    const mentor = await createMentor(orgId, programId);
    const { founder, startupId } = await createCohortStartup(programId);
    expect((await assignOne(manager.claims, programId, startupId, mentor.id)).ok).toBe(true);
    const booked = await bookSession(founder.claims, { programId, startupId, mentorId: mentor.id, startsAt: daysAhead(4) });
    const sessionId = booked.ok ? booked.value.sessionId : "";

    expect(await setSessionLocation(mentor.claims, sessionId, { location: " https://meet.example.test/abc " })).toEqual({ ok: true, value: { sequence: 1 } });
    expect(await setSessionLocation(founder.claims, sessionId, { location: "My office" })).toEqual({ ok: false, errors: { location: "mentoring.booking.location.notYours" } });
    expect(await setSessionLocation(manager.claims, sessionId, { location: "Room 4" })).toEqual({ ok: true, value: { sequence: 2 } });
    expect(await setSessionLocation(manager.claims, sessionId, { location: "Room 4" })).toEqual({ ok: false, errors: { location: "mentoring.booking.location.unchanged" } });
    expect(await setSessionLocation(mentor.claims, sessionId, { location: "x".repeat(501) })).toEqual({ ok: false, errors: { location: "validation.tooLong" } });
    await expect(setSessionLocation(otherManager.claims, sessionId, { location: "Elsewhere" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(asUser(founder.claims, (tx) => tx`select public.set_session_location(${sessionId}, 'Elsewhere')`)).rejects.toThrow(/not_found/);

    for (const person of [founder, mentor]) {
      const ics = (await mailsTo(person.email)).map((m) => readIcs(m.attachments[0]!.content));
      expect(ics.map((i) => [i.method, i.sequence, i.location])).toEqual([
        ["REQUEST", 0, null], // booked without a place: the mentor has no default
        ["REQUEST", 1, "https://meet.example.test/abc"],
        ["REQUEST", 2, "Room 4"],
      ]);
      expect(new Set(ics.map((i) => i.uid)).size).toBe(1);
    }

    // a cancelled session keeps its place
    expect((await cancelSession(founder.claims, sessionId)).ok).toBe(true);
    expect(await setSessionLocation(mentor.claims, sessionId, { location: "Room 5" })).toEqual({ ok: false, errors: { location: "mentoring.booking.location.notBooked" } });
  });
});

describe("one's own session", () => {
  it("is one lookup for its mentor and founders, and nothing for anyone else", async () => {
    const programId = await programme();
    const mentor = await createMentor(orgId, programId);
    const { founder, startupId } = await createCohortStartup(programId);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await createSession({ programId, startupId, mentorId: mentor.id }, daysAhead(3 + i)));
    expect(await mySession(founder.claims, ids[2]!)).toMatchObject({ id: ids[2], asMentor: false, mentorName: mentor.name });
    expect(await mySession(mentor.claims, ids[4]!)).toMatchObject({ id: ids[4], asMentor: true });
    expect(await mySession(manager.claims, ids[2]!)).toBeNull();
    expect(await mySession(otherManager.claims, ids[2]!)).toBeNull();
  });
});
