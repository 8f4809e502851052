import { beforeAll, describe, expect, it } from "vitest";
import { assignOne, editProposal, matchingPage, publishProposal } from "~/modules/mentoring/match/matching.server";
import { requestAssignment } from "~/modules/mentoring/match/solve.server";
import { answerRequest, sendRequests, startupMentorsPage } from "~/modules/mentoring/match/requests.server";
import { ForbiddenError } from "~/platform/db/errors.server";
import { asService } from "~/platform/db/transaction.server";
import { createCall, createApplication, createProgram, assign } from "../support/application-factories";
import { addMember, createOrg, createUser, outboxFor, type TestUser } from "../support/factories";
import { runScheduled, workQueue } from "../support/jobs";
import { createCohortStartup, createMentor } from "../support/mentoring-factories";

// Matching a programme's cohort with its mentors, as the people who do it: the cohort-wide
// assignment never proposes a conflict of interest and stays within capacity; publishing writes
// startup_mentors and mails each side once, even when two managers publish at once; capacity holds
// when assignments and accepts race; a request that is not answered in time moves to the next choice.

let orgId: string;
let manager: TestUser;
let otherManager: TestUser;

beforeAll(async () => {
  orgId = (await createOrg()).id;
  [manager, otherManager] = await Promise.all([createUser(), createUser()]);
  await addMember(orgId, manager.id, "manager");
  await addMember(orgId, otherManager.id, "manager");
  await asService(
    (tx) => tx`insert into public.expertise_tags (slug, name_vi, name_en) values ('iot', 'IoT', 'IoT'), ('sales', 'Bán hàng', 'Sales')
               on conflict do nothing`,
  );
});

const setMentor = (id: string, traits: { expertise?: string[]; maxStartups?: number; orgId?: string | null }) =>
  asService(
    (tx) => tx`update public.mentor_profiles set expertise = coalesce(${traits.expertise ?? null}::text[], expertise),
                      max_startups = coalesce(${traits.maxStartups ?? null}::int, max_startups),
                      org_id = case when ${traits.orgId === undefined} then org_id else ${traits.orgId ?? null}::uuid end
                where user_id = ${id}`,
  );
const needs = (startupId: string, expertise: string[]) =>
  asService((tx) => tx`insert into public.startup_needs (startup_id, expertise, languages) values (${startupId}, ${expertise}, '{vi}')`);
const mentorsOf = (startupId: string) =>
  asService((tx) => tx<{ mentor_id: string; program_id: string | null }[]>`select mentor_id, program_id from public.startup_mentors where startup_id = ${startupId}`);
const matchedMails = async (email: string) => (await outboxFor(email)).filter((m) => m.template === "mentor-matched");
const proposalsOf = (programId: string) =>
  asService((tx) => tx<{ startup_id: string; mentor_id: string }[]>`select startup_id, mentor_id from public.mentor_proposals where program_id = ${programId}`);

describe("the cohort-wide assignment", () => {
  it("proposes the best pairs within capacity, never a conflict of interest, and publishes them once when two managers publish at once", async () => {
    const programId = (await createProgram(orgId)).id;
    // the expert works for another organisation (its people are a conflict for them); the generalist names none
    const mentorOrg = (await createOrg()).id;
    const expert = await createMentor(orgId, programId);
    const generalist = await createMentor(orgId, programId);
    await setMentor(expert.id, { expertise: ["iot"], maxStartups: 1, orgId: mentorOrg });
    await setMentor(generalist.id, { expertise: ["sales"], maxStartups: 5, orgId: null });
    await addMember(mentorOrg, expert.id, "mentor");

    const a = await createCohortStartup(programId);
    const b = await createCohortStartup(programId);
    const ownOrg = await createCohortStartup(programId); // its founder works where the expert works
    const reviewed = await createCohortStartup(programId); // the expert reviewed its application
    await addMember(mentorOrg, ownOrg.founder.id, "staff");
    const app = await createApplication((await createCall(programId)).id, reviewed.startupId, reviewed.founder.id);
    await assign(app, expert.id);
    for (const s of [a, b, ownOrg, reviewed]) await needs(s.startupId, ["iot"]);

    const page = await matchingPage(manager.claims, programId);
    const conflicted = Object.fromEntries(page.startups.map((s) => [s.id, s.conflicted]));
    expect(conflicted[ownOrg.startupId]).toEqual([{ mentorId: expert.id, why: "organisation" }]);
    expect(conflicted[reviewed.startupId]).toEqual([{ mentorId: expert.id, why: "reviewed" }]);
    expect(page.startups.find((s) => s.id === ownOrg.startupId)!.options.map((o) => o.mentorId)).toEqual([generalist.id]);

    // the manager asks; the page says "solving" and proposes nothing until the job has run
    await requestAssignment(manager.claims, programId);
    expect((await matchingPage(manager.claims, programId)).run?.status).toBe("solving");
    expect(await proposalsOf(programId)).toEqual([]);
    await workQueue();
    expect((await matchingPage(manager.claims, programId)).run).toMatchObject({ status: "done", proposed: 4 });
    const proposed = await proposalsOf(programId);
    const byExpert = proposed.filter((p) => p.mentor_id === expert.id).map((p) => p.startup_id);
    // capacity 1, and never one of the conflicted startups
    expect(byExpert).toHaveLength(1);
    expect([a.startupId, b.startupId]).toContain(byExpert[0]);

    // the manager moves one pair, and a conflict is refused with a message, writing nothing
    expect(await editProposal(manager.claims, programId, ownOrg.startupId, expert.id)).toEqual({ ok: false, error: "mentoring.match.errors.conflict" });
    expect(await editProposal(manager.claims, programId, byExpert[0]!, "")).toEqual({ ok: true });
    expect(await editProposal(manager.claims, programId, byExpert[0]!, generalist.id)).toEqual({ ok: true });
    expect((await proposalsOf(programId)).filter((p) => p.mentor_id === expert.id)).toHaveLength(0);

    const results = await Promise.all([publishProposal(manager.claims, programId), publishProposal(otherManager.claims, programId)]);
    expect(results.map((r) => r.published).sort()).toEqual([0, 4]);
    for (const s of [a, b, ownOrg, reviewed]) {
      expect(await mentorsOf(s.startupId)).toEqual([{ mentor_id: generalist.id, program_id: programId }]);
      expect(await matchedMails(s.founder.email)).toHaveLength(1);
    }
    expect(await matchedMails(generalist.email)).toHaveLength(4);
    expect(await proposalsOf(programId)).toEqual([]);
    const audited = await asService((tx) => tx`select kind, actor_id from public.audit_events where scope_id = ${programId} and kind = 'mentors_published'`);
    expect(audited).toHaveLength(1);

    // the founder now sees the mentor on the startup's page
    const seen = await startupMentorsPage(a.founder.claims, (await slugOf(a.startupId))!);
    expect(seen.programmes[0]!.mentors.map((m) => m.id)).toEqual([generalist.id]);
  });

  it("refuses people who do not manage the programme", async () => {
    const programId = (await createProgram(orgId)).id;
    const stranger = await createUser();
    await expect(requestAssignment(stranger.claims, programId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(publishProposal(stranger.claims, programId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(matchingPage(stranger.claims, programId)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

const slugOf = async (startupId: string) => (await asService((tx) => tx<{ slug: string }[]>`select slug from public.startups where id = ${startupId}`))[0]?.slug;

describe("capacity", () => {
  it("holds when a manager's assignments race: a mentor with room for two gets two of six startups", async () => {
    const programId = (await createProgram(orgId)).id;
    const mentor = await createMentor(orgId, programId);
    await setMentor(mentor.id, { maxStartups: 2 });
    const startups = await Promise.all(Array.from({ length: 6 }, () => createCohortStartup(programId)));
    const outcomes = await Promise.all(startups.map((s, i) => assignOne(i % 2 ? manager.claims : otherManager.claims, programId, s.startupId, mentor.id)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(2);
    expect(outcomes.filter((o) => !o.ok)).toEqual(Array(4).fill({ ok: false, error: "mentoring.match.errors.full" }));
    const rows = await asService((tx) => tx`select 1 from public.startup_mentors where mentor_id = ${mentor.id}`);
    expect(rows).toHaveLength(2);
  });

  it("holds when a mentor's accepts race: of three pending requests and room for one, one is accepted", async () => {
    const programId = (await createProgram(orgId)).id;
    await asService((tx) => tx`update public.programs set match_mode = 'requests' where id = ${programId}`);
    const mentor = await createMentor(orgId, programId);
    await setMentor(mentor.id, { maxStartups: 1 });
    const startups = await Promise.all(Array.from({ length: 3 }, () => createCohortStartup(programId)));
    for (const s of startups) expect(await sendRequests(s.founder.claims, (await slugOf(s.startupId))!, programId, [mentor.id])).toEqual({ ok: true, value: undefined });
    const pending = await asService((tx) => tx<{ id: string }[]>`select id from public.mentor_requests where mentor_id = ${mentor.id} and status = 'pending'`);
    expect(pending).toHaveLength(3);
    const outcomes = await Promise.all(pending.map((r) => answerRequest(mentor.claims, r.id, true)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toEqual(Array(2).fill({ ok: false, errors: { requestId: "mentoring.match.errors.full" } }));
    expect(await asService((tx) => tx`select 1 from public.startup_mentors where mentor_id = ${mentor.id}`)).toHaveLength(1);
  });
});

describe("requests", () => {
  it("move to the startup's next choice when a mentor lets the days run out, once, with mails to each side", async () => {
    const programId = (await createProgram(orgId)).id;
    await asService((tx) => tx`update public.programs set match_mode = 'requests', request_days = 5 where id = ${programId}`);
    const first = await createMentor(orgId, programId);
    const second = await createMentor(orgId, programId);
    const founder = await createUser({ locale: "en" });
    const s = await createCohortStartup(programId, founder);
    const slug = (await slugOf(s.startupId))!;

    // another startup's founder cannot send for it; the mentor named twice is refused
    const other = await createCohortStartup(programId);
    await expect(sendRequests(other.founder.claims, slug, programId, [first.id])).rejects.toThrow();
    expect(await sendRequests(founder.claims, slug, programId, [first.id, second.id])).toEqual({ ok: true, value: undefined });
    expect((await outboxFor(first.email)).filter((m) => m.template === "mentor-request")).toHaveLength(1);
    expect(await sendRequests(founder.claims, slug, programId, [second.id])).toEqual({ ok: false, errors: { choice1: "mentoring.match.errors.requestsOpen" } });

    // the second mentor cannot answer the first's request
    const [pending] = await asService((tx) => tx<{ id: string }[]>`select id from public.mentor_requests where mentor_id = ${first.id}`);
    expect(await answerRequest(second.claims, pending!.id, true)).toEqual({ ok: false, errors: { requestId: "errors.notFound" } });

    const status = () =>
      asService((tx) => tx<{ mentor_id: string; status: string }[]>`
        select mentor_id, status from public.mentor_requests where startup_id = ${s.startupId} order by rank`);
    await runScheduled("mentoring.expire-requests", new Date(Date.now() + 4 * 86_400_000));
    expect((await status()).map((r) => r.status)).toEqual(["pending", "waiting"]);
    const late = new Date(Date.now() + 6 * 86_400_000);
    await runScheduled("mentoring.expire-requests", late);
    await runScheduled("mentoring.expire-requests", late); // a second sweep changes nothing
    expect(await status()).toEqual([
      { mentor_id: first.id, status: "expired" },
      { mentor_id: second.id, status: "pending" },
    ]);
    const update = (await outboxFor(founder.email)).filter((m) => m.template === "mentor-request-update");
    expect(update).toHaveLength(1);
    expect(update[0]!.subject).toContain("did not answer");
    expect((await outboxFor(second.email)).filter((m) => m.template === "mentor-request")).toHaveLength(1);

    // the second mentor accepts: the startup is matched and told
    const [next] = await asService((tx) => tx<{ id: string }[]>`select id from public.mentor_requests where mentor_id = ${second.id}`);
    expect(await answerRequest(second.claims, next!.id, true)).toEqual({ ok: true, value: "accepted" });
    expect(await mentorsOf(s.startupId)).toEqual([{ mentor_id: second.id, program_id: programId }]);
    expect(await matchedMails(founder.email)).toHaveLength(1);
  });
});
