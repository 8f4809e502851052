import { beforeAll, describe, expect, it } from "vitest";
import { createCall } from "~/modules/applications/setup/call-settings.server";
import { cloneCall, copySlugs } from "~/modules/applications/setup/clone.server";
import { addQuestion, formBuilderPage, nameStep } from "~/modules/applications/setup/form-builder.server";
import { createProgramme } from "~/modules/applications/setup/programmes.server";
import { addCriterion, rubricBuilderPage } from "~/modules/applications/setup/rubric-builder.server";
import { addTrack } from "~/modules/applications/setup/tracks.server";
import { ForbiddenError, NotFoundError } from "~/platform/db/errors.server";
import { asService } from "~/platform/db/transaction.server";
import { answer, createApplication, review } from "../support/application-factories";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";

// A call cloned from an earlier one: everything a manager built, nothing founders or reviewers did.
let manager: TestUser;
let outsider: TestUser; // manages another incubator
let reviewer: TestUser;
let founder: TestUser;
let programmeId: string;
let sourceId: string;
let criterionId: string;

const ok = <T>(outcome: { ok: true; value: T } | { ok: false; errors: Record<string, string> }): T => {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value;
};
const callRows = async (programme: string) =>
  asService((tx) => tx<{ id: string; slug: string; title_vi: string; title_en: string; published: boolean }[]>`
    select id, slug, title_vi, title_en, published from public.calls where program_id = ${programme} order by created_at, slug`);
const countWhere = async (sql: string, id: string) => asService(async (tx) => Number((await tx.unsafe(sql, [id]))[0]!.n));

beforeAll(async () => {
  [manager, outsider, reviewer, founder] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  const org = await createOrg();
  const other = await createOrg();
  await addMember(org.id, manager.id, "manager");
  await addMember(other.id, outsider.id, "manager");
  programmeId = ok(await createProgramme(manager.claims, { orgId: org.id, slug: "", nameVi: "Ươm tạo", nameEn: "Incubation clone" })).id;
  sourceId = ok(
    await createCall(manager.claims, programmeId, {
      slug: "", titleVi: "Tuyển chọn 2027", titleEn: "Cohort 2027", descriptionVi: "Mô tả", descriptionEn: "About",
      opensAt: "2026-01-01T09:00", closesAt: "2030-04-30T17:00", published: "on", reviewsPerApplication: "4", zMinReviews: "5",
      shortlistThreshold: "62.5", offerDays: "21", reviewDueAt: "2030-05-31T17:00", blindFields: ["founders", "team"],
    }),
  ).id;
  ok(await addTrack(manager.claims, sourceId, { nameVi: "Nông nghiệp", nameEn: "Agritech" }));
  ok(await addTrack(manager.claims, sourceId, { nameVi: "Y tế", nameEn: "Health" }));
  const whereId = ok(await addQuestion(manager.claims, sourceId, {
    step: "1", kind: "choice", labelVi: "Ở Bình Dương?", labelEn: "In Binh Duong?", required: "on",
    "options.0.value": "yes", "options.0.vi": "Có", "options.0.en": "Yes", "options.0.eligible": "on",
    "options.1.value": "no", "options.1.vi": "Không", "options.1.en": "No",
  })).id;
  ok(await nameStep(manager.claims, sourceId, { step: "2", titleVi: "Ý tưởng", titleEn: "Idea" }));
  ok(await addQuestion(manager.claims, sourceId, { step: "2", kind: "long_text", labelVi: "Ý tưởng", labelEn: "Idea", maxLength: "3000", blind: "on" }));
  criterionId = ok(await addCriterion(manager.claims, sourceId, {
    nameVi: "Đội ngũ", nameEn: "Team", weight: "2", maxLevel: "3", commentRequired: "on",
    "levels.0.vi": "Yếu", "levels.0.en": "Weak", "levels.2.vi": "Mạnh", "levels.2.en": "Strong",
  })).id;
  ok(await addCriterion(manager.claims, sourceId, { nameVi: "Thị trường", nameEn: "Market", weight: "1", maxLevel: "5" }));
  await asService(async (tx) => {
    await tx`insert into public.decision_templates (call_id, decision, body_vi, body_en)
             values (${sourceId}, 'accepted', 'Chúc mừng', 'Congratulations'), (${sourceId}, 'rejected', 'Rất tiếc', 'Sorry')`;
    await tx`insert into public.call_reviewers (call_id, user_id) values (${sourceId}, ${reviewer.id})`;
  });
  // What founders and reviewers did to the source call.
  const startup = await createStartup(founder.id);
  const applicationId = await createApplication(sourceId, startup.id, founder.id, "draft");
  await answer(applicationId, whereId, "yes");
  await asService((tx) => tx`update public.applications set status = 'submitted' where id = ${applicationId}`);
  await review(applicationId, reviewer.id, [[criterionId, 3]]);
});

describe("cloning a call", () => {
  it("copies settings, form, rubric with levels, tracks and templates into an unpublished draft with a fresh address", async () => {
    const { id } = ok(await cloneCall(manager.claims, programmeId, { id: sourceId }));
    const rows = await callRows(programmeId);
    const source = rows.find((r) => r.id === sourceId)!;
    const copy = rows.find((r) => r.id === id)!;
    expect(copy).toMatchObject({ slug: `${source.slug}-copy`, title_vi: "Tuyển chọn 2027 (bản sao)", title_en: "Cohort 2027 (copy)", published: false });

    const settings = (callId: string) =>
      asService(async (tx) => (await tx`
        select description_vi, description_en, opens_at, closes_at, time_zone, blind_fields, reviews_per_application, z_min_reviews,
               shortlist_threshold::float8 as shortlist, offer_days, review_due_at, step_titles
          from public.calls where id = ${callId}`)[0]);
    expect(await settings(id)).toEqual(await settings(sourceId));
    expect(await settings(id)).toMatchObject({ reviews_per_application: 4, z_min_reviews: 5, shortlist: 62.5, offer_days: 21, blind_fields: ["founders", "team"], step_titles: { "2": { vi: "Ý tưởng", en: "Idea" } } });

    const form = async (callId: string) =>
      (await formBuilderPage(manager.claims, callId)).questions.map(({ id: _id, answers: _answers, ...q }) => q);
    expect(await form(id)).toEqual(await form(sourceId));
    expect((await form(id)).map((q) => q.eligibilityValues)).toEqual([["yes"], null]);

    const rubric = async (callId: string) =>
      (await rubricBuilderPage(manager.claims, callId)).criteria.map((c) => ({ name: c.name, weight: c.weight, maxLevel: c.maxLevel, commentRequired: c.commentRequired, levels: c.levels }));
    expect(await rubric(id)).toEqual(await rubric(sourceId));
    expect((await rubric(id))[0]!.levels).toHaveLength(2);

    const tracks = (callId: string) => asService((tx) => tx`select position, name_vi, name_en from public.call_tracks where call_id = ${callId} order by position, name_en`);
    expect(await tracks(id)).toEqual(await tracks(sourceId));
    const templates = (callId: string) => asService((tx) => tx`select decision, body_vi, body_en from public.decision_templates where call_id = ${callId} order by decision`);
    expect(await templates(id)).toHaveLength(2);
    expect(await templates(id)).toEqual(await templates(sourceId));

    // Nothing founders or reviewers did comes along.
    expect(await countWhere("select count(*)::int as n from public.applications where call_id = $1", id)).toBe(0);
    expect(await countWhere("select count(*)::int as n from public.call_reviewers where call_id = $1", id)).toBe(0);
    expect(await countWhere("select count(*)::int as n from public.pending_decisions where call_id = $1", id)).toBe(0);
    expect(await countWhere("select count(*)::int as n from public.review_assignments r join public.applications a on a.id = r.application_id where a.call_id = $1", id)).toBe(0);
    expect(await countWhere("select count(*)::int as n from public.applications where call_id = $1", sourceId)).toBe(1);

    // A second copy gets the next free address.
    const second = ok(await cloneCall(manager.claims, programmeId, { id: sourceId }));
    expect((await callRows(programmeId)).find((r) => r.id === second.id)!.slug).toBe(`${source.slug}-copy-2`);
  });

  it("takes the next address when the first is used by a call the manager cannot see", async () => {
    const lonely = ok(await createCall(manager.claims, programmeId, {
      slug: "lonely-call", titleVi: "Một mình", titleEn: "Lonely", opensAt: "2027-03-01T09:00", closesAt: "2027-04-30T17:00",
      reviewsPerApplication: "2", offerDays: "14",
    })).id;
    const otherOrg = await createOrg();
    await asService(async (tx) => {
      const [p] = await tx<{ id: string }[]>`insert into public.programs (org_id, slug, name_vi, name_en) values (${otherOrg.id}, 'hidden-prog', 'Ẩn', 'Hidden') returning id`;
      await tx`insert into public.calls (program_id, slug, title_vi, title_en, opens_at, closes_at)
               values (${p!.id}, 'lonely-call-copy', 'Ẩn', 'Hidden', now(), now() + interval '1 day')`;
    });
    const copy = ok(await cloneCall(manager.claims, programmeId, { id: lonely }));
    expect((await callRows(programmeId)).find((r) => r.id === copy.id)!.slug).toBe("lonely-call-copy-2");
  });

  it("refuses an outsider and a call of another programme, and writes nothing", async () => {
    const before = await countWhere("select count(*)::int as n from public.calls where program_id = $1", programmeId);
    await expect(cloneCall(outsider.claims, programmeId, { id: sourceId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cloneCall(founder.claims, programmeId, { id: sourceId })).rejects.toBeInstanceOf(ForbiddenError);
    const otherProgramme = ok(await createProgramme(manager.claims, { orgId: (await asService((tx) => tx<{ org_id: string }[]>`select org_id from public.programs where id = ${programmeId}`))[0]!.org_id, slug: "", nameVi: "Khác", nameEn: "Other clone" })).id;
    await expect(cloneCall(manager.claims, otherProgramme, { id: sourceId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await cloneCall(manager.claims, programmeId, { id: "not-an-id" })).toEqual({ ok: false, errors: { id: expect.any(String) } });
    expect(await countWhere("select count(*)::int as n from public.calls where program_id = $1", programmeId)).toBe(before);
  });

  it("cuts long titles and addresses to fit", () => {
    const long = "a".repeat(60);
    expect(copySlugs(long, 2)).toEqual([`${"a".repeat(58)}-copy`, `${"a".repeat(56)}-copy-2`]);
    expect(copySlugs("call-", 1)).toEqual(["call-copy"]);
  });
});
