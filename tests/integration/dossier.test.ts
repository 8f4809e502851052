import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "~/platform/db/errors.server";
import { addNote, applicationDossier } from "~/modules/applications/select/dossier.server";
import { asService, asUser } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { addCriterion, addQuestion, answer, assign, createApplication, createCall, createProgram, review } from "../support/application-factories";

// The manager's page of one application: everything about it in one place, notes for managers only.
let manager: TestUser;
let outsider: TestUser;
let founder: TestUser;
let scorer: TestUser;
let abstainer: TestUser;
let callId: string;
let strong: string;
let weak: string;
let criterion: string;

beforeAll(async () => {
  [manager, outsider, founder, scorer, abstainer] = await Promise.all([createUser(), createUser(), createUser(), createUser({ name: "Trần Scorer" }), createUser()]);
  const org = await createOrg();
  await addMember(org.id, manager.id, "manager");
  await addMember(org.id, scorer.id, "reviewer");
  await addMember(org.id, abstainer.id, "reviewer");
  await addMember((await createOrg()).id, outsider.id, "manager");
  const program = await createProgram(org.id);
  callId = (await createCall(program.id, { blind: ["founders"] })).id;
  const blindQ = await addQuestion(callId, { blind: true });
  const openQ = await addQuestion(callId);
  criterion = await addCriterion(callId, 1, 5);
  strong = await createApplication(callId, (await createStartup(founder.id)).id, founder.id, "draft");
  const other = await createUser();
  weak = await createApplication(callId, (await createStartup(other.id)).id, other.id, "draft");
  await answer(strong, blindQ, "Ngô Gia Huy");
  await answer(strong, openQ, "Leak detection for city water");
  await asService((tx) => tx`update public.applications set status = 'submitted' where id in (${strong}, ${weak})`);
  await review(strong, scorer.id, [[criterion, 5]]);
  await review(weak, scorer.id, [[criterion, 2]]);
  await asService((tx) => tx`update public.review_scores set comment = 'Strong pilot data' where application_id = ${strong}`);
  await assign(strong, abstainer.id);
  await asService((tx) => tx`update public.review_assignments set status = 'abstained', recusal_reason = 'Outside my field' where reviewer_id = ${abstainer.id}`);
});

describe("the manager's application page", () => {
  it("shows every answer (blind ones marked), each review with its scores, comments and reasons, and the totals", async () => {
    const d = await applicationDossier(manager.claims, callId, strong);
    expect(d.answers.map((a) => [a.value, a.blind])).toEqual([["Ngô Gia Huy", true], ["Leak detection for city water", false]]);
    const byName = Object.fromEntries(d.reviews.map((r) => [r.reviewerId, r]));
    expect(byName[scorer.id]).toMatchObject({ reviewer: "Trần Scorer", status: "submitted", scores: [{ criterionId: criterion, level: 5, comment: "Strong pilot data" }] });
    expect(byName[scorer.id]!.total).toBe(100);
    expect(byName[abstainer.id]).toMatchObject({ status: "abstained", reason: "Outside my field", scores: [] });
    // The scorer reviewed two applications, fewer than the call's minimum of 3 for a z-score
    // (decisions/thin-reviews.md): no z, and the ranking's order falls back to the raw score.
    expect(d.totals).toEqual({ reviews: 1, raw: 100, z: null });
    // Its neighbours in the ranking's order: the strong one ranks first.
    expect(d.neighbours).toEqual({ prev: null, next: weak });
    expect((await applicationDossier(manager.claims, callId, weak)).neighbours).toEqual({ prev: strong, next: null });
  });

  it("keeps internal notes for the call's managers: founders, reviewers and other managers never read them", async () => {
    await addNote(manager.claims, callId, strong, "Call the founders about the pilot");
    const d = await applicationDossier(manager.claims, callId, strong);
    expect(d.notes.map((n) => n.body)).toEqual(["Call the founders about the pilot"]);
    for (const who of [founder, scorer, outsider]) {
      const rows = await asUser(who.claims, (tx) => tx`select body from public.application_notes where application_id = ${strong}`);
      expect(rows).toHaveLength(0);
    }
    await expect(addNote(outsider.claims, callId, strong, "sneaky")).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      asUser(founder.claims, (tx) => tx`insert into public.application_notes (application_id, body) values (${strong}, 'mine')`),
    ).rejects.toThrow();
  });

  it("is a 404 for anyone but the call's managers, and for an application of another call", async () => {
    await expect(applicationDossier(outsider.claims, callId, strong)).rejects.toBeInstanceOf(NotFoundError);
    await expect(applicationDossier(founder.claims, callId, strong)).rejects.toBeInstanceOf(NotFoundError);
    await expect(applicationDossier(manager.claims, callId, "00000000-0000-0000-0000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(applicationDossier(manager.claims, callId, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });
});
