import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "~/platform/db/errors.server";
import { myAssignments } from "~/modules/applications/review/list.server";
import { reviewPage } from "~/modules/applications/review/page.server";
import { abstain, recuse, scoreReview } from "~/modules/applications/review/scoring.server";
import { asService, asUser } from "~/platform/db/transaction.server";
import { addCriterion, addQuestion, answer, assign, createApplication, createCall, createProgram } from "../support/application-factories";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";

// The reviewer's side of applications, through the module functions the routes call, as the
// reviewers themselves (RLS applies).
let founder: TestUser;
let reviewer: TestUser; // assigned to both applications
let other: TestUser; // a second reviewer of the blind application
let idle: TestUser; // a reviewer of the incubator, not assigned
let manager: TestUser;
let blindApp: string; // call blind on organisation and founders
let openApp: string; // call with no blind fields
let problem: string; // criterion without required comment
let impact: string; // criterion with a required comment, 4 levels
let openCriterion: string;

const STARTUP = "Quantum Kettle Labs";
const OPEN_STARTUP = "Open Rice Robotics";
const BLIND_ANSWER = "Ngô Gia Huy and Bùi Ngọc Anh, ex-Grab engineers";
const OPEN_ANSWER = "Leaks in city water networks";

async function startup(name: string, founderId: string) {
  return asService(async (tx) => {
    const slug = name.toLowerCase().replace(/\W+/g, "-") + "-" + Math.random().toString(16).slice(2, 8);
    const [row] = await tx<{ id: string }[]>`insert into public.startups (slug, name, sector, stage, website)
      values (${slug}, ${name}, 'Cleantech', 'mvp', 'https://example.test') returning id`;
    await tx`insert into public.startup_members (startup_id, user_id, role) values (${row!.id}, ${founderId}, 'founder')`;
    return row!.id;
  });
}

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

const stored = (applicationId: string, reviewerId: string) =>
  asService(async (tx) => {
    const scores = await tx<{ criterion_id: string; level: number; comment: string }[]>`
      select criterion_id, level, comment from public.review_scores
       where application_id = ${applicationId} and reviewer_id = ${reviewerId} order by criterion_id`;
    const [assignment] = await tx<{ status: string; comment: string; recusal_reason: string | null; submitted_at: Date | null }[]>`
      select status, comment, recusal_reason, submitted_at from public.review_assignments
       where application_id = ${applicationId} and reviewer_id = ${reviewerId}`;
    return { scores, assignment: assignment! };
  });

beforeAll(async () => {
  [founder, reviewer, other, idle, manager] = await Promise.all([createUser({ name: "Bùi Ngọc Anh" }), createUser(), createUser(), createUser(), createUser()]);
  const incubator = await createOrg();
  await addMember(incubator.id, manager.id, "manager");
  for (const r of [reviewer, other, idle]) await addMember(incubator.id, r.id, "reviewer");
  const program = await createProgram(incubator.id);

  const blindCall = await createCall(program.id, { blind: ["organisation", "founders"] });
  const blindQuestion = await addQuestion(blindCall.id, { blind: true, kind: "long_text" });
  const openQuestion = await addQuestion(blindCall.id, { kind: "long_text" });
  problem = await addCriterion(blindCall.id, 3, 5);
  impact = await addCriterion(blindCall.id, 2, 4);
  await asService(async (tx) => {
    await tx`update public.rubric_criteria set comment_required = true, position = 2, name_en = 'Impact' where id = ${impact}`;
    await tx`update public.rubric_criteria set position = 1, name_en = 'Problem' where id = ${problem}`;
    await tx`insert into public.rubric_levels (criterion_id, level, description_vi, description_en)
             select ${problem}::uuid, l, 'Mức ' || l, 'Anchor ' || l from generate_series(1, 5) l`;
  });
  blindApp = await createApplication(blindCall.id, await startup(STARTUP, founder.id), founder.id, "draft");
  await answer(blindApp, blindQuestion, BLIND_ANSWER);
  await answer(blindApp, openQuestion, OPEN_ANSWER);
  await asService((tx) => tx`update public.applications set status = 'submitted' where id = ${blindApp}`);
  await assign(blindApp, reviewer.id);
  await assign(blindApp, other.id);

  const openCall = await createCall(program.id, { blind: [] });
  openCriterion = await addCriterion(openCall.id, 1, 3);
  openApp = await createApplication(openCall.id, await startup(OPEN_STARTUP, founder.id), founder.id);
  await assign(openApp, reviewer.id);
});

describe("what a reviewer sees", () => {
  it("lists their assignments by call with progress; someone unassigned sees an empty list", async () => {
    const calls = await myAssignments(reviewer.claims);
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call.title?.en).toMatch(/^Call /);
      expect(call).toMatchObject({ done: 0, total: 1 });
      expect(call.items[0]!.status).toBe("assigned");
    }
    expect(calls.flatMap((c) => c.items.map((i) => i.applicationId)).sort()).toEqual([blindApp, openApp].sort());
    expect(await myAssignments(idle.claims)).toEqual([]);
  });

  it("under blind review: open answers and the code, never the blind answer, the startup's name or its founders", async () => {
    const page = await reviewPage(reviewer.claims, blindApp, null);
    expect(page).not.toBeNull();
    const text = JSON.stringify(page);
    expect(text).toContain(OPEN_ANSWER);
    expect(text).not.toContain(BLIND_ANSWER);
    expect(text).not.toContain(STARTUP);
    expect(text).not.toContain("Bùi Ngọc Anh");
    expect(text).not.toContain("Cleantech");
    expect(page!.identity).toBeNull();
    expect(page!.hiddenQuestions).toBe(1);
    expect(page!.criteria.map((c) => c.name.en)).toEqual(["Problem", "Impact"]);
    expect(page!.criteria[0]!.levels).toHaveLength(5);
  });

  it("without blind fields: the startup's identity and founders", async () => {
    const page = await reviewPage(reviewer.claims, openApp, null);
    expect(page!.identity).toMatchObject({ name: OPEN_STARTUP, sector: "Cleantech", stage: "mvp", founders: ["Bùi Ngọc Anh"] });
  });

  it("nobody else reads the application; application_identity answers only managers and assigned reviewers", async () => {
    await expect(reviewPage(idle.claims, blindApp, null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reviewPage(founder.claims, blindApp, null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reviewPage(reviewer.claims, "not-a-uuid", null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reviewPage(reviewer.claims, blindApp, "interview")).rejects.toBeInstanceOf(NotFoundError); // no assignment in that round
    const identity = (claims: TestUser["claims"]) =>
      asUser(claims, (tx) => tx<{ name: string | null }[]>`select name from public.application_identity(${blindApp})`);
    expect(await identity(idle.claims)).toEqual([]);
    expect(await identity(manager.claims)).toEqual([{ name: STARTUP }]); // managers see through blind review
    await expect(asUser(null, (tx) => tx`select * from public.application_identity(${blindApp})`)).rejects.toThrow("errors.forbidden");
  });
});

describe("scoring", () => {
  it("refuses a submit with a missing criterion, a missing required comment or a level out of range, writing nothing", async () => {
    const missing = await scoreReview(reviewer.claims, blindApp, null, form({ intent: "submit", [`level_${problem}`]: "3" }));
    expect(missing).toEqual({
      kind: "invalid",
      errors: { [`level_${impact}`]: "review.errors.levelRequired", [`comment_${impact}`]: "review.errors.commentRequired" },
    });
    const range = await scoreReview(
      reviewer.claims,
      blindApp,
      null,
      form({ intent: "submit", [`level_${problem}`]: "3", [`level_${impact}`]: "5", [`comment_${impact}`]: "Clear benefit" }),
    );
    expect(range).toEqual({ kind: "invalid", errors: { [`level_${impact}`]: "review.errors.levelRange" } });
    const long = await scoreReview(reviewer.claims, blindApp, null, form({ intent: "save", overall: "x".repeat(8001) }));
    expect(long).toEqual({ kind: "invalid", errors: { overall: "validation.tooLong" } });
    const hostile = await scoreReview(reviewer.claims, blindApp, null, form({ intent: "delete everything" }));
    expect(hostile.kind).toBe("invalid");
    expect(await stored(blindApp, reviewer.id)).toMatchObject({ scores: [], assignment: { status: "assigned", comment: "" } });
  });

  it("saves a draft, then submits; a submitted review is final", async () => {
    expect(await scoreReview(reviewer.claims, blindApp, null, form({ intent: "save", [`level_${problem}`]: "2", overall: "Promising" }))).toEqual({
      kind: "saved",
    });
    let now = await stored(blindApp, reviewer.id);
    expect(now.assignment).toMatchObject({ status: "assigned", comment: "Promising", submitted_at: null });
    expect(now.scores).toEqual([{ criterion_id: problem, level: 2, comment: "" }]);
    expect((await reviewPage(reviewer.claims, blindApp, null))!.scores).toEqual([{ criterionId: problem, level: 2, comment: "" }]);

    const full = { intent: "submit", [`level_${problem}`]: "4", [`level_${impact}`]: "3", [`comment_${impact}`]: "Clear benefit", overall: "Fund it" };
    expect(await scoreReview(reviewer.claims, blindApp, null, form(full))).toEqual({ kind: "submitted" });
    now = await stored(blindApp, reviewer.id);
    expect(now.assignment).toMatchObject({ status: "submitted", comment: "Fund it" });
    expect(now.assignment.submitted_at).toBeInstanceOf(Date);
    expect(now.scores.map((s) => s.level).sort()).toEqual([3, 4]);

    // A second click on Submit changes nothing and says it is submitted; anything else is refused.
    expect(await scoreReview(reviewer.claims, blindApp, null, form({ ...full, [`level_${problem}`]: "1" }))).toEqual({ kind: "submitted" });
    expect(await scoreReview(reviewer.claims, blindApp, null, form({ intent: "save", [`level_${problem}`]: "1" }))).toEqual({
      kind: "refused",
      message: "review.errors.final",
    });
    expect(await abstain(reviewer.claims, blindApp, null, "changed my mind")).toEqual({ kind: "refused", message: "review.errors.final" });
    expect((await stored(blindApp, reviewer.id)).scores.map((s) => s.level).sort()).toEqual([3, 4]);
  });

  it("never shows another reviewer's scores", async () => {
    await scoreReview(other.claims, blindApp, null, form({ intent: "save", [`level_${problem}`]: "5", [`comment_${problem}`]: "Secret note" }));
    const page = await reviewPage(reviewer.claims, blindApp, null);
    expect(JSON.stringify(page)).not.toContain("Secret note");
    expect(page!.scores.every((s) => s.level !== 5)).toBe(true);
    const visible = await asUser(reviewer.claims, (tx) => tx`select 1 from public.review_scores where reviewer_id = ${other.id}`);
    expect(visible).toHaveLength(0);
  });

  it("abstaining records the reason and discards draft scores", async () => {
    await scoreReview(reviewer.claims, openApp, null, form({ intent: "save", [`level_${openCriterion}`]: "2" }));
    expect(await abstain(reviewer.claims, openApp, null, "Outside my expertise")).toEqual({ kind: "abstained" });
    expect(await stored(openApp, reviewer.id)).toMatchObject({ scores: [], assignment: { status: "abstained", comment: "Outside my expertise" } });
    const calls = await myAssignments(reviewer.claims);
    expect(calls.every((c) => c.done === c.total)).toBe(true);
  });
});

describe("declaring a conflict of interest", () => {
  it("deletes the reviewer's scores and removes their access at once", async () => {
    expect((await stored(blindApp, other.id)).scores).toHaveLength(1);
    const outcome = await recuse(other.claims, blindApp, null, "I mentored the founders last year");
    expect(outcome.kind).toBe("recused");
    expect(await stored(blindApp, other.id)).toMatchObject({
      scores: [],
      assignment: { status: "recused", recusal_reason: "I mentored the founders last year" },
    });
    await expect(reviewPage(other.claims, blindApp, null)).rejects.toBeInstanceOf(NotFoundError); // the route answers 404
    await expect(scoreReview(other.claims, blindApp, null, form({ intent: "save", [`level_${problem}`]: "5" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(recuse(other.claims, blindApp, null, "again")).rejects.toBeInstanceOf(NotFoundError);
    await expect(abstain(other.claims, "not-a-uuid", null, "garbage")).rejects.toBeInstanceOf(NotFoundError);
    const [call] = await myAssignments(other.claims);
    expect(call!.items).toEqual([expect.objectContaining({ applicationId: blindApp, status: "recused", code: (outcome as { code: string }).code })]);
    expect(call).toMatchObject({ done: 1, total: 1 });
    // The other reviewer's submitted review is untouched.
    expect((await stored(blindApp, reviewer.id)).assignment.status).toBe("submitted");
  });
});
