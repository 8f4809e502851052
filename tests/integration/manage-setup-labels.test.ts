import { beforeAll, describe, expect, it } from "vitest";
import { addTrack } from "~/modules/applications/setup/tracks.server";
import { callSettingsPage, createCall, updateCall } from "~/modules/applications/setup/call-settings.server";
import { addQuestion, formBuilderPage, nameStep } from "~/modules/applications/setup/form-builder.server";
import { loadDraft, startApplication } from "~/modules/applications/apply/drafts.server";
import { callPage } from "~/modules/applications/apply/open-calls.server";
import { pick } from "~/modules/applications/types";
import { inLocale } from "~/platform/i18n/i18n";
import { createProgramme } from "~/modules/applications/setup/programmes.server";
import { addCriterion, rubricBuilderPage } from "~/modules/applications/setup/rubric-builder.server";
import { reviewPage } from "~/modules/applications/review/page.server";
import { NotFoundError } from "~/platform/db/errors.server";
import { asService } from "~/platform/db/transaction.server";
import { addMember, createStartup, createUser, type TestUser } from "../support/factories";
import { callInput, count, newCallOf, newProgrammeOf, setupActors } from "../support/setup-fixtures";

// The manager's set-up side, continued (manage-setup.test.ts): labels given in one language, read in
// both by the manager, the founder and the reviewer; a form's named steps.
let manager: TestUser; // manages an incubator in Ho Chi Minh City time
let outsider: TestUser; // manages another incubator
let orgId: string;
const newProgramme = (who = manager) => newProgrammeOf(who, orgId);
const newCall = (programmeId: string, over: Record<string, unknown> = {}) => newCallOf(manager, programmeId, over);

beforeAll(async () => {
  ({ manager, outsider, orgId } = await setupActors());
});

describe("labels given in one language", () => {
  it("programme, call, track, question and criterion store the one given text in both columns", async () => {
    const programme = await createProgramme(manager.claims, { orgId, slug: "", nameVi: "Ươm tạo nông nghiệp", nameEn: "" });
    if (!programme.ok) throw new Error(JSON.stringify(programme.errors));
    const [p] = await asService((tx) => tx`select slug, name_vi, name_en from public.programs where id = ${programme.value.id}`);
    expect(p).toEqual({ slug: "uom-tao-nong-nghiep", name_vi: "Ươm tạo nông nghiệp", name_en: "Ươm tạo nông nghiệp" });

    const call = await createCall(manager.claims, programme.value.id, callInput({ titleVi: "", titleEn: "Agri call 2027" }));
    if (!call.ok) throw new Error(JSON.stringify(call.errors));
    const callId = call.value.id;
    const [c] = await asService((tx) => tx`select title_vi, title_en from public.calls where id = ${callId}`);
    expect(c).toEqual({ title_vi: "Agri call 2027", title_en: "Agri call 2027" });

    expect((await addTrack(manager.claims, callId, { nameVi: "Nông nghiệp", nameEn: "" })).ok).toBe(true);
    expect((await addQuestion(manager.claims, callId, { step: "1", kind: "text", labelVi: "", labelEn: "Company name" })).ok).toBe(true);
    expect((await addCriterion(manager.claims, callId, { nameVi: "Đội ngũ", nameEn: "", weight: "1", maxLevel: "5" })).ok).toBe(true);
    const { tracks } = await callSettingsPage(manager.claims, callId);
    expect(tracks.map((t) => t.name)).toEqual([{ vi: "Nông nghiệp", en: "Nông nghiệp" }]);
    expect((await formBuilderPage(manager.claims, callId)).questions.map((q) => q.label)).toEqual([{ vi: "Company name", en: "Company name" }]);
    expect((await rubricBuilderPage(manager.claims, callId)).criteria.map((r) => r.name)).toEqual([{ vi: "Đội ngũ", en: "Đội ngũ" }]);
  });

  it("choices and rubric level descriptions given in one language read in both, for the manager, the founder and the reviewer", async () => {
    const callId = await newCall(await newProgramme(), { opensAt: "2026-01-01T00:00", closesAt: "2030-01-01T00:00", published: "on" });
    const added = await addQuestion(manager.claims, callId, {
      step: "1", kind: "choice", labelVi: "Giai đoạn", labelEn: "Stage",
      "options.0.value": "idea", "options.0.vi": "Ý tưởng", "options.0.en": "",
      "options.1.value": "revenue", "options.1.vi": "", "options.1.en": "Revenue",
    });
    expect(added.ok).toBe(true);
    const criterion = await addCriterion(manager.claims, callId, {
      nameVi: "Đội ngũ", nameEn: "Team", weight: "1", maxLevel: "3", "levels.0.vi": "Yếu", "levels.0.en": "", "levels.2.vi": "", "levels.2.en": "Strong",
    });
    expect(criterion.ok).toBe(true);
    const choices = [
      { value: "idea", vi: "Ý tưởng", en: "Ý tưởng" },
      { value: "revenue", vi: "Revenue", en: "Revenue" },
    ];
    const levels = [
      { level: 1, description: { vi: "Yếu", en: "Yếu" } },
      { level: 3, description: { vi: "Strong", en: "Strong" } },
    ];
    // the manager's builders
    expect((await formBuilderPage(manager.claims, callId)).questions[0]!.options).toEqual(choices);
    expect((await rubricBuilderPage(manager.claims, callId)).criteria[0]!.levels).toEqual(levels);
    // the founder's form
    const founder = await createUser();
    const startup = await createStartup(founder.id);
    const started = await startApplication(founder.claims, (await callSettingsPage(manager.claims, callId)).call.slug, { startupId: startup.id });
    if (!started.ok) throw new Error(JSON.stringify(started));
    expect((await loadDraft(founder.claims, started.id))!.questions[0]!.options).toEqual(choices);
    // the reviewer's page: the choice answered, and the rubric's anchors
    const reviewer = await createUser();
    await addMember(orgId, reviewer.id, "reviewer");
    await asService(async (tx) => {
      await tx`update public.applications set status = 'submitted', submitted_at = now() where id = ${started.id}`;
      await tx`insert into public.review_assignments (application_id, reviewer_id, round) values (${started.id}, ${reviewer.id}, 'review')`;
    });
    const page = (await reviewPage(reviewer.claims, started.id, null))!;
    expect(page.criteria[0]!.levels).toEqual(levels);
    expect(page.answers[0]!.options).toEqual(choices);
  });

  it("descriptions and help texts given in one language read in both: a founder and a reviewer reading in the other language see them", async () => {
    const programme = await createProgramme(manager.claims, {
      orgId, slug: "", nameVi: "Ươm tạo nước", nameEn: "Water incubation", descriptionVi: "Chương trình sáu tháng.", descriptionEn: "",
    });
    if (!programme.ok) throw new Error(JSON.stringify(programme.errors));
    const [p] = await asService((tx) => tx`select description_vi, description_en from public.programs where id = ${programme.value.id}`);
    expect(p).toEqual({ description_vi: "Chương trình sáu tháng.", description_en: "Chương trình sáu tháng." });
    const callId = await newCall(programme.value.id, {
      opensAt: "2026-01-01T00:00", closesAt: "2030-01-01T00:00", published: "on", descriptionVi: "", descriptionEn: "Water startups only.",
    });
    expect((await addQuestion(manager.claims, callId, { step: "1", kind: "text", labelVi: "Tên", labelEn: "Name", helpVi: "Tên đầy đủ.", helpEn: "" })).ok).toBe(true);
    const criterion = await addCriterion(manager.claims, callId, { nameVi: "Đội ngũ", nameEn: "Team", descriptionVi: "", descriptionEn: "Who builds it.", weight: "1", maxLevel: "3" });
    expect(criterion.ok).toBe(true);

    // The founder reading in Vietnamese sees the call's English-only description, and the question's
    // Vietnamese-only help reads the same in English.
    const founder = await createUser({ locale: "vi" });
    const startup = await createStartup(founder.id);
    const slug = (await callSettingsPage(manager.claims, callId)).call.slug;
    const { call } = await callPage(founder.claims, slug);
    expect(pick(call.description, "vi")).toBe("Water startups only.");
    expect(call.description).toEqual({ vi: "Water startups only.", en: "Water startups only." });
    const started = await startApplication(founder.claims, slug, { startupId: startup.id });
    if (!started.ok) throw new Error(JSON.stringify(started));
    expect((await loadDraft(founder.claims, started.id))!.questions[0]!.help).toEqual({ vi: "Tên đầy đủ.", en: "Tên đầy đủ." });
    // The reviewer reads the criterion's English-only description in Vietnamese.
    const reviewer = await createUser({ locale: "vi" });
    await addMember(orgId, reviewer.id, "reviewer");
    await asService(async (tx) => {
      await tx`update public.applications set status = 'submitted', submitted_at = now() where id = ${started.id}`;
      await tx`insert into public.review_assignments (application_id, reviewer_id, round) values (${started.id}, ${reviewer.id}, 'review')`;
    });
    expect((await reviewPage(reviewer.claims, started.id, null))!.criteria[0]!.description).toEqual({ vi: "Who builds it.", en: "Who builds it." });
    // Rows saved before the rule (one language only) still read in the other: pages pick with a fallback.
    await asService((tx) => tx`update public.calls set description_vi = '' where id = ${callId}`);
    expect(pick((await callPage(founder.claims, slug)).call.description, "vi")).toBe("Water startups only.");
    expect(inLocale({ vi: "", en: "Help" }, "vi")).toBe("Help");
    expect(inLocale({ vi: "Giúp", en: "Help" }, "vi")).toBe("Giúp");
  });

  it("refuses a label empty in both languages with an error on both fields, and writes nothing", async () => {
    const callId = await newCall(await newProgramme());
    const both = (a: string, b: string) => ({ ok: false, errors: { [a]: "setup.errors.oneLanguage", [b]: "setup.errors.oneLanguage" } });
    expect(await addTrack(manager.claims, callId, { nameVi: " ", nameEn: "" })).toEqual(both("nameVi", "nameEn"));
    expect(await addQuestion(manager.claims, callId, { step: "1", kind: "text", labelVi: "", labelEn: "" })).toEqual(both("labelVi", "labelEn"));
    expect(await addCriterion(manager.claims, callId, { nameVi: "", nameEn: "", weight: "1", maxLevel: "5" })).toEqual(both("nameVi", "nameEn"));
    expect(await updateCall(manager.claims, callId, callInput({ titleVi: "", titleEn: "" }))).toEqual(both("titleVi", "titleEn"));
    expect(await count("call_tracks", "call_id", callId)).toBe(0);
    expect(await count("call_questions", "call_id", callId)).toBe(0);
    expect(await count("rubric_criteria", "call_id", callId)).toBe(0);
  });
});

describe("named form steps", () => {
  it("a step is named in one or both languages, renamed, and unnamed again; bad input is refused", async () => {
    const callId = await newCall(await newProgramme());
    expect(await nameStep(manager.claims, callId, { step: "1", titleVi: "Đội ngũ", titleEn: "Team" })).toEqual({ ok: true, value: undefined });
    expect(await nameStep(manager.claims, callId, { step: "2", titleVi: "Ý tưởng", titleEn: "" })).toEqual({ ok: true, value: undefined });
    expect((await formBuilderPage(manager.claims, callId)).call.stepTitles).toEqual({ "1": { vi: "Đội ngũ", en: "Team" }, "2": { vi: "Ý tưởng", en: "Ý tưởng" } });

    expect(await nameStep(manager.claims, callId, { step: "1", titleVi: "", titleEn: " " })).toEqual({ ok: true, value: undefined });
    expect(await nameStep(manager.claims, callId, { step: "11", titleVi: "x".repeat(101), titleEn: "" })).toEqual({
      ok: false, errors: { step: "setup.errors.step", titleVi: "validation.tooLong" },
    });
    await expect(nameStep(outsider.claims, callId, { step: "2", titleVi: "Hacked", titleEn: "" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await formBuilderPage(manager.claims, callId)).call.stepTitles).toEqual({ "2": { vi: "Ý tưởng", en: "Ý tưởng" } });

    // The founder's draft carries the titles its step navigation shows.
    const open = await newCall(await newProgramme(), { opensAt: "2026-01-01T00:00", closesAt: "2030-01-01T00:00", published: "on" });
    expect((await addQuestion(manager.claims, open, { step: "1", kind: "text", labelVi: "Tên", labelEn: "Name" })).ok).toBe(true);
    expect((await nameStep(manager.claims, open, { step: "1", titleVi: "Đội ngũ", titleEn: "Team" })).ok).toBe(true);
    const founder = await createUser();
    const startup = await createStartup(founder.id);
    const started = await startApplication(founder.claims, (await callSettingsPage(manager.claims, open)).call.slug, { startupId: startup.id });
    if (!started.ok) throw new Error(JSON.stringify(started));
    expect((await loadDraft(founder.claims, started.id))?.call.stepTitles).toEqual({ "1": { vi: "Đội ngũ", en: "Team" } });
  });
});

