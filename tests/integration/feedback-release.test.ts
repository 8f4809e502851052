import { beforeAll, describe, expect, it } from "vitest";
import { applicationForFounder } from "~/modules/applications/apply/status.server";
import { abstain, scoreReview } from "~/modules/applications/review/scoring.server";
import { applicationDossier } from "~/modules/applications/select/dossier.server";
import { applyFeedback } from "~/modules/applications/select/feedback.server";
import { reviewStrings } from "~/modules/applications/review/strings";
import { asService, asUser } from "~/platform/db/transaction.server";
import { addCriterion, assign, createApplication, createCall, createProgram } from "../support/application-factories";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";

// Reviewers' feedback as founders read it: exactly the comments the reviewer's form says they
// will see (each criterion's comment and the overall comment of submitted reviews), never the
// internal comment, a draft or an abstention's reason; released apart from any decision.

let manager: TestUser, founder: TestUser, founder2: TestUser, r1: TestUser, r2: TestUser, r3: TestUser;
let callId: string, app: string, decidedApp: string, undecidedApp: string, k1: string, k2: string;

const INTERNAL = "Internal: the team lead seemed unsure about unit costs";
const DRAFT = "Draft comment never submitted";
const ABSTAIN = "Abstention reason for managers";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

beforeAll(async () => {
  [manager, founder, founder2, r1, r2, r3] = await Promise.all([createUser(), createUser(), createUser(), createUser(), createUser(), createUser()]);
  const org = await createOrg();
  await addMember(org.id, manager.id, "manager");
  for (const r of [r1, r2, r3]) await addMember(org.id, r.id, "reviewer");
  const program = await createProgram(org.id);
  callId = (await createCall(program.id)).id;
  k1 = await addCriterion(callId, 2);
  k2 = await addCriterion(callId, 1);
  app = await createApplication(callId, (await createStartup(founder.id)).id, founder.id);
  const startup2 = (await createStartup(founder2.id)).id;
  decidedApp = app;
  undecidedApp = await createApplication(callId, startup2, founder2.id);
  for (const r of [r1, r2, r3]) await assign(app, r.id);
  await assign(undecidedApp, r1.id);
  const submitted = await scoreReview(
    r1.claims,
    app,
    null,
    form({ intent: "submit", [`level_${k1}`]: "4", [`comment_${k1}`]: "Strong pilot data", [`level_${k2}`]: "2", [`comment_${k2}`]: "", overall: "Promising; sharpen the market size", internal: INTERNAL }),
  );
  expect(submitted.kind).toBe("submitted");
  expect((await scoreReview(r2.claims, app, null, form({ intent: "save", [`level_${k1}`]: "1", [`comment_${k1}`]: DRAFT, overall: DRAFT, internal: DRAFT }))).kind).toBe("saved");
  expect((await abstain(r3.claims, app, null, ABSTAIN)).kind).toBe("abstained");
  await scoreReview(r1.claims, undecidedApp, null, form({ intent: "submit", [`level_${k1}`]: "3", [`level_${k2}`]: "3", overall: "Fine", internal: "" }));
});

describe("the reviewer's form says who reads each comment", () => {
  it("every comment field says founders will read it on release; the internal one that they never will, in both languages", () => {
    for (const lang of ["en", "vi"] as const) {
      const s = reviewStrings[lang];
      for (const hint of [s.commentOptionalHint, s.commentRequiredHint, s.overallHint]) expect(hint).toMatch(lang === "en" ? /Founders will read/ : /Nhà sáng lập sẽ đọc/);
      expect(s.internalHint).toMatch(lang === "en" ? /never see it/ : /không bao giờ thấy/);
    }
  });
});

describe("founders read exactly the released founder-visible comments", () => {
  it("nothing before release, and nothing from the tables themselves", async () => {
    expect((await applicationForFounder(founder.claims, app))!.reviews).toEqual([]);
    const direct = await asUser(founder.claims, async (tx) => ({
      scores: await tx`select * from public.review_scores where application_id = ${app}`,
      assignments: await tx`select * from public.review_assignments where application_id = ${app}`,
      released: await tx`select * from public.released_feedback(${app})`,
    }));
    expect([direct.scores.length, direct.assignments.length, direct.released.length]).toEqual([0, 0, 0]);
  });

  it("released without a decision: the submitted review's comments and overall comment, numbered; no internal comment, draft or abstention", async () => {
    expect(await applyFeedback(manager.claims, callId, { intent: "release", applicationId: app })).toBe(1);
    const view = (await applicationForFounder(founder.claims, app))!;
    expect(view.decision).toBeNull();
    expect(view.reviews).toEqual([
      {
        reviewer: 1,
        overall: "Promising; sharpen the market size",
        // (both criteria share a name and a position: their order is not the point here)
        scores: expect.arrayContaining([
          { criterion: { vi: "Tiêu chí", en: "Criterion" }, level: 4, maxLevel: 5, comment: "Strong pilot data" },
          { criterion: { vi: "Tiêu chí", en: "Criterion" }, level: 2, maxLevel: 5, comment: "" },
        ]),
      },
    ]);
    const everything = JSON.stringify(view);
    for (const secret of [INTERNAL, DRAFT, ABSTAIN, r1.id, r2.id]) expect(everything).not.toContain(secret);
    // the timeline says so
    expect(view.events.map((e) => e.kind)).toContain("feedback");
  });

  it("other people learn nothing from released_feedback, not even the call's manager or the reviewer", async () => {
    for (const who of [manager, r1, founder2]) {
      const rows = await asUser(who.claims, (tx) => tx`select * from public.released_feedback(${app})`);
      expect(rows.length).toBe(0);
    }
  });

  it("the call's managers read the internal comment on the application page", async () => {
    const dossier = (await applicationDossier(manager.claims, callId, app))!;
    expect(dossier.reviews.find((r) => r.reviewerId === r1.id)).toMatchObject({ comment: "Promising; sharpen the market size", internal: INTERNAL });
  });

  it("withdrawn, the feedback is gone from the founder's page again", async () => {
    expect(await applyFeedback(manager.claims, callId, { intent: "withdraw", applicationId: app })).toBe(1);
    expect((await applicationForFounder(founder.claims, app))!.reviews).toEqual([]);
  });
});

describe("releasing for all decided applications", () => {
  it("releases the decided ones only, leaves the decision as it was, and releasing again changes nothing", async () => {
    await asService((tx) => tx`update public.applications set decision = 'rejected', decided_at = now() where id = ${decidedApp}`);
    expect(await applyFeedback(manager.claims, callId, { intent: "releaseDecided" })).toBe(1);
    expect(await applyFeedback(manager.claims, callId, { intent: "releaseDecided" })).toBe(0);
    const [decided, undecided] = await Promise.all([applicationForFounder(founder.claims, decidedApp), applicationForFounder(founder2.claims, undecidedApp)]);
    expect(decided!.reviews).toHaveLength(1);
    expect(decided!.decision).toBe("rejected");
    expect(undecided!.feedbackReleased).toBe(false);
    expect(undecided!.reviews).toEqual([]);
  });

  it("refuses anyone but the call's managers", async () => {
    for (const who of [founder, r1]) {
      const refused = await applyFeedback(who.claims, callId, { intent: "release", applicationId: undecidedApp }).catch((e: Error) => e);
      expect(refused).toBeInstanceOf(Error);
    }
    const [row] = await asService((tx) => tx<{ released: boolean }[]>`select feedback_released as released from public.applications where id = ${undecidedApp}`);
    expect(row!.released).toBe(false);
  });
});
