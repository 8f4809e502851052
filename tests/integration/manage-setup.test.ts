import { beforeAll, describe, expect, it } from "vitest";
import { addTrack, moveTrack, removeTrack, renameTrack } from "~/modules/applications/setup/tracks.server";
import { callSettingsPage, createCall, updateCall } from "~/modules/applications/setup/call-settings.server";
import { addQuestion, formBuilderPage, moveQuestion, removeQuestion, updateQuestion } from "~/modules/applications/setup/form-builder.server";
import { managerOverview } from "~/modules/applications/setup/overview.server";
import { createProgramme, programmePage, updateProgramme } from "~/modules/applications/setup/programmes.server";
import { addCriterion, moveCriterion, removeCriterion, rubricBuilderPage, updateCriterion } from "~/modules/applications/setup/rubric-builder.server";
import { ForbiddenError, NotFoundError } from "~/platform/db/errors.server";
import { asService } from "~/platform/db/transaction.server";
import { answer, createApplication } from "../support/application-factories";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { callInput, count, newCallOf, newProgrammeOf, setupActors } from "../support/setup-fixtures";

// The manager's set-up side, through the module functions the routes call, as the users concerned
// (labels in one language and named steps: manage-setup-labels.test.ts).
let manager: TestUser; // manages an incubator in Ho Chi Minh City time
let outsider: TestUser; // manages another incubator
let admin: TestUser;
let orgId: string;
const newProgramme = (who = manager) => newProgrammeOf(who, orgId);
const newCall = (programmeId: string, over: Record<string, unknown> = {}) => newCallOf(manager, programmeId, over);

beforeAll(async () => {
  ({ manager, outsider, admin, orgId } = await setupActors());
});

describe("programmes and calls", () => {
  it("a manager creates a programme and a call whose 09:00 in Asia/Ho_Chi_Minh is stored as 02:00 UTC", async () => {
    const programmeId = await newProgramme();
    const callId = await newCall(programmeId);
    const [row] = await asService((tx) => tx<{ opens: Date; closes: Date; tz: string; published: boolean }[]>`
      select opens_at as opens, closes_at as closes, time_zone as tz, published from public.calls where id = ${callId}`);
    expect(row!.opens.toISOString()).toBe("2027-03-01T02:00:00.000Z");
    expect(row!.closes.toISOString()).toBe("2027-04-30T10:00:00.000Z");
    expect(row!.tz).toBe("Asia/Ho_Chi_Minh");
    expect(row!.published).toBe(false);

    // The form shows the same wall-clock times back, and the overview lists the call as a draft.
    const page = await callSettingsPage(manager.claims, callId);
    expect(page.call.opensLocal).toBe("2027-03-01T09:00");
    expect(page.call.orgTimeZone).toBe("Asia/Ho_Chi_Minh");
    const overview = await managerOverview(manager.claims);
    const mine = overview.find((o) => o.id === orgId)!.programmes.find((p) => p.id === programmeId)!;
    expect(mine.calls.map((c) => [c.id, c.status, c.drafts, c.submitted])).toEqual([[callId, "draft", 0, 0]]);

    // Published, it is scheduled (opens in 2027); edits keep the zone.
    expect(await updateCall(manager.claims, callId, callInput({ slug: page.call.slug, published: "on", opensAt: "2027-03-01T00:30" }))).toEqual({ ok: true, value: undefined });
    const again = await callSettingsPage(manager.claims, callId);
    expect([again.call.status, again.call.opensLocal, again.call.opensAt.toISOString()]).toEqual(["scheduled", "2027-03-01T00:30", "2027-02-28T17:30:00.000Z"]);
    expect(again.call.reviewDueLocal).toBeNull();

    // A review due date, in the same zone; one before the call opens is refused and nothing changes.
    const slug = page.call.slug;
    expect(await updateCall(manager.claims, callId, callInput({ slug, reviewDueAt: "2027-05-15T17:00" }))).toEqual({ ok: true, value: undefined });
    expect((await callSettingsPage(manager.claims, callId)).call.reviewDueLocal).toBe("2027-05-15T17:00");
    expect(await updateCall(manager.claims, callId, callInput({ slug, reviewDueAt: "2027-02-01T09:00" }))).toEqual({
      ok: false,
      errors: { reviewDueAt: "setup.errors.reviewDueBeforeOpens" },
    });
    expect((await callSettingsPage(manager.claims, callId)).call.reviewDueLocal).toBe("2027-05-15T17:00");
  });

  it("uses the organisation's own zone (Europe/Amsterdam in summer)", async () => {
    const org = await createOrg();
    await asService((tx) => tx`update public.organisations set time_zone = 'Europe/Amsterdam' where id = ${org.id}`);
    await addMember(org.id, manager.id, "manager");
    const p = await createProgramme(manager.claims, { orgId: org.id, slug: `ams-${Date.now()}`, nameVi: "A", nameEn: "A" });
    if (!p.ok) throw new Error("programme");
    const c = await createCall(manager.claims, p.value.id, callInput({ opensAt: "2027-07-01T09:00", closesAt: "2027-07-02T09:00" }));
    if (!c.ok) throw new Error("call");
    const page = await callSettingsPage(manager.claims, c.value.id);
    expect(page.call.opensAt.toISOString()).toBe("2027-07-01T07:00:00.000Z");
  });

  it("a manager of another organisation can neither create nor edit, and nothing is written", async () => {
    const before = await count("programs", "org_id", orgId);
    await expect(
      createProgramme(outsider.claims, { orgId, slug: `intruder-${Date.now()}`, nameVi: "X", nameEn: "X" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await count("programs", "org_id", orgId)).toBe(before);

    const programmeId = await newProgramme();
    await expect(createCall(outsider.claims, programmeId, callInput())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await count("calls", "program_id", programmeId)).toBe(0);
    await expect(updateProgramme(outsider.claims, programmeId, { slug: "hijacked-x", nameVi: "X", nameEn: "X" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(programmePage(outsider.claims, programmeId)).rejects.toBeInstanceOf(ForbiddenError);

    const callId = await newCall(programmeId);
    await expect(updateCall(outsider.claims, callId, callInput({ titleEn: "Hijacked" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(addQuestion(outsider.claims, callId, { step: "1", kind: "text", labelVi: "X", labelEn: "X" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(addCriterion(outsider.claims, callId, { nameVi: "X", nameEn: "X", weight: "1", maxLevel: "5" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(addTrack(outsider.claims, callId, { nameVi: "X", nameEn: "X" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(formBuilderPage(outsider.claims, callId)).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await asService((tx) => tx<{ title_en: string }[]>`select title_en from public.calls where id = ${callId}`);
    expect(row!.title_en).toBe("Cohort 2027 call");
    expect(await count("call_questions", "call_id", callId)).toBe(0);
    expect(await count("rubric_criteria", "call_id", callId)).toBe(0);
    expect(await count("call_tracks", "call_id", callId)).toBe(0);

    // A page that does not exist is a 404, not a database error.
    await expect(callSettingsPage(manager.claims, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a platform administrator sets up a programme for any incubator", async () => {
    const result = await createProgramme(admin.claims, { orgId, slug: `admin-${Date.now()}`, nameVi: "Q", nameEn: "Q" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect((await createCall(admin.claims, result.value.id, callInput())).ok).toBe(true);
    expect((await managerOverview(admin.claims)).some((o) => o.id === orgId)).toBe(true);
    expect(await managerOverview(outsider.claims)).not.toContainEqual(expect.objectContaining({ id: orgId }));
  });

  it("refuses malformed input with field errors and writes nothing", async () => {
    const programmeId = await newProgramme();
    const before = await count("calls", "program_id", programmeId);
    expect(await createCall(manager.claims, programmeId, callInput({ opensAt: "2027-04-30T17:00", closesAt: "2027-03-01T09:00" }))).toEqual({
      ok: false, errors: { closesAt: "setup.errors.closesBeforeOpens" },
    });
    const bad = await createCall(manager.claims, programmeId, callInput({ opensAt: "2027-02-31T09:00", titleEn: "x".repeat(201), shortlistThreshold: "101", blindFields: ["email"] }));
    expect(bad).toEqual({
      ok: false,
      errors: expect.objectContaining({ opensAt: "setup.errors.dateTime", titleEn: "validation.tooLong", shortlistThreshold: "setup.errors.threshold", blindFields: "validation.required" }),
    });
    expect(await count("calls", "program_id", programmeId)).toBe(before);
    expect(await createProgramme(manager.claims, { orgId, slug: "Not A Slug!", nameVi: "", nameEn: " " })).toEqual({
      ok: false, errors: { slug: "setup.errors.slug", nameVi: "setup.errors.oneLanguage", nameEn: "setup.errors.oneLanguage" },
    });

    const callId = await newCall(programmeId, { slug: `taken-${programmeId.slice(0, 8)}` });
    expect(await createCall(manager.claims, programmeId, callInput({ slug: `taken-${programmeId.slice(0, 8)}` }))).toEqual({
      ok: false, errors: { slug: "setup.errors.slugTaken" },
    });
    expect(await count("calls", "program_id", programmeId)).toBe(before + 1);
    expect(await addCriterion(manager.claims, callId, { nameVi: "Đội ngũ", nameEn: "Team", weight: "0", maxLevel: "5" })).toEqual({
      ok: false, errors: { weight: "setup.errors.weight" },
    });
    expect(await addCriterion(manager.claims, callId, { nameVi: "Đội ngũ", nameEn: "Team", weight: "2", maxLevel: "11" })).toEqual({
      ok: false, errors: { maxLevel: "setup.errors.maxLevel" },
    });
    expect(await addQuestion(manager.claims, callId, { step: "1", kind: "text", labelVi: "x".repeat(501), labelEn: "Name" })).toEqual({
      ok: false, errors: { labelVi: "validation.tooLong" },
    });
    expect(await addQuestion(manager.claims, callId, { step: "1", kind: "choice", labelVi: "Có?", labelEn: "Yes?" })).toEqual({
      ok: false, errors: { options: "setup.errors.optionsRequired" },
    });
    expect(
      await addQuestion(manager.claims, callId, {
        step: "1", kind: "choice", labelVi: "Có?", labelEn: "Yes?",
        "options.0.value": "Yes please", "options.0.vi": "Có", "options.0.en": "Yes",
        "options.1.value": "no", "options.1.vi": "", "options.1.en": "",
      }),
    ).toEqual({ ok: false, errors: { "options.0.value": "setup.errors.optionValue", "options.1.vi": "setup.errors.oneLanguage", "options.1.en": "setup.errors.oneLanguage" } });
    expect(await addQuestion(manager.claims, callId, { step: "11", kind: "essay", labelVi: "A", labelEn: "A" })).toEqual({
      ok: false, errors: { step: "setup.errors.step", kind: "setup.errors.kind" },
    });
    expect(await count("call_questions", "call_id", callId)).toBe(0);
    expect(await count("rubric_criteria", "call_id", callId)).toBe(0);
  });
});

describe("addresses made from titles", () => {
  const slugOf = async (table: "programs" | "calls", id: string) =>
    asService(async (tx) => (await tx.unsafe(`select slug from public.${table} where id = $1`, [id]))[0]!.slug as string);

  it("an empty slug is made from the English title, diacritics stripped; a typed one is kept", async () => {
    const programme = await createProgramme(manager.claims, { orgId, slug: "  ", nameVi: "Đổi mới sáng tạo", nameEn: "Open Innovation Đà Nẵng" });
    if (!programme.ok) throw new Error(JSON.stringify(programme.errors));
    expect(await slugOf("programs", programme.value.id)).toBe("open-innovation-da-nang");

    const call = await createCall(manager.claims, programme.value.id, callInput({ slug: undefined, titleVi: "Tuyển chọn", titleEn: "Cohort Đợt 1 — 2027!" }));
    if (!call.ok) throw new Error(JSON.stringify(call.errors));
    expect(await slugOf("calls", call.value.id)).toBe("cohort-dot-1-2027");

    const typed = await createCall(manager.claims, programme.value.id, callInput({ slug: "My-Own-Slug", titleEn: "Cohort Đợt 1 — 2027!" }));
    if (!typed.ok) throw new Error(JSON.stringify(typed.errors));
    expect(await slugOf("calls", typed.value.id)).toBe("my-own-slug");

    // Editing with the slug emptied makes it again from the (new) title.
    expect(await updateCall(manager.claims, typed.value.id, callInput({ slug: "", titleEn: "Second intake" }))).toEqual({ ok: true, value: undefined });
    expect(await slugOf("calls", typed.value.id)).toBe("second-intake");
  });

  it("a slug made from a title already in use gets the taken error; a title without Latin letters asks for one", async () => {
    const programmeId = await newProgramme();
    const before = await count("calls", "program_id", programmeId);
    expect((await createCall(manager.claims, programmeId, callInput({ slug: "", titleEn: "Green Hydrogen Call" }))).ok).toBe(true);
    expect(await createCall(manager.claims, programmeId, callInput({ slug: "", titleEn: "Green hydrogen call" }))).toEqual({
      ok: false, errors: { slug: "setup.errors.slugTaken" },
    });
    expect(await createCall(manager.claims, programmeId, callInput({ slug: "", titleVi: "創新", titleEn: "—" }))).toEqual({
      ok: false, errors: { slug: "setup.errors.slugFromTitle" },
    });
    expect(await createProgramme(manager.claims, { orgId, slug: "", nameVi: "", nameEn: "" })).toEqual({
      ok: false, errors: { nameVi: "setup.errors.oneLanguage", nameEn: "setup.errors.oneLanguage" },
    });
    expect(await count("calls", "program_id", programmeId)).toBe(before + 1);
  });
});

describe("tracks, questions and criteria", () => {
  let callId: string;
  beforeAll(async () => {
    callId = await newCall(await newProgramme(), { opensAt: "2026-01-01T00:00", closesAt: "2030-01-01T00:00", published: "on" });
  });

  it("adds, renames, reorders and removes tracks", async () => {
    await addTrack(manager.claims, callId, { nameVi: "Đô thị", nameEn: "City" });
    await addTrack(manager.claims, callId, { nameVi: "Nông nghiệp", nameEn: "Farming" });
    let { tracks } = await callSettingsPage(manager.claims, callId);
    await renameTrack(manager.claims, callId, { id: tracks[1]!.id, nameVi: "Nông nghiệp công nghệ cao", nameEn: "Agritech" });
    await moveTrack(manager.claims, callId, { id: tracks[1]!.id, direction: "up" });
    ({ tracks } = await callSettingsPage(manager.claims, callId));
    expect(tracks.map((t) => t.name.en)).toEqual(["Agritech", "City"]);
    await removeTrack(manager.claims, callId, { id: tracks[1]!.id });
    ({ tracks } = await callSettingsPage(manager.claims, callId));
    expect(tracks.map((t) => t.name.en)).toEqual(["Agritech"]);
  });

  it("adds, edits, reorders and removes questions; screening rules are stored for the database to apply", async () => {
    const where = await addQuestion(manager.claims, callId, {
      step: "1", kind: "choice", labelVi: "Ở Bình Dương?", labelEn: "In Binh Duong?", required: "on",
      "options.0.value": "yes", "options.0.vi": "Có", "options.0.en": "Yes", "options.0.eligible": "on",
      "options.1.value": "no", "options.1.vi": "Không", "options.1.en": "No",
      "options.2.value": "", "options.2.vi": "", "options.2.en": "",
    });
    const team = await addQuestion(manager.claims, callId, { step: "1", kind: "number", labelVi: "Số người", labelEn: "Team size", minNumber: "1", maxNumber: "200", eligibleMin: "2" });
    const pitch = await addQuestion(manager.claims, callId, { step: "2", kind: "long_text", labelVi: "Ý tưởng", labelEn: "Idea", maxLength: "3000", blind: "on" });
    if (!where.ok || !team.ok || !pitch.ok) throw new Error("add failed");

    let page = await formBuilderPage(manager.claims, callId);
    expect(page.questions.map((q) => [q.label.en, q.step, q.required, q.eligibilityValues])).toEqual([
      ["In Binh Duong?", 1, true, ["yes"]],
      ["Team size", 1, false, ["2"]],
      ["Idea", 2, false, null],
    ]);
    expect(page.questions[0]!.options).toEqual([{ value: "yes", vi: "Có", en: "Yes" }, { value: "no", vi: "Không", en: "No" }]);
    expect(page.questions[2]).toMatchObject({ maxLength: 3000, blind: true });

    await moveQuestion(manager.claims, callId, { id: team.value.id, direction: "up" });
    expect(await updateQuestion(manager.claims, callId, { id: pitch.value.id, step: "1", kind: "long_text", labelVi: "Ý tưởng", labelEn: "Your idea", maxLength: "2000" })).toEqual({ ok: true, value: undefined });
    page = await formBuilderPage(manager.claims, callId);
    expect(page.questions.map((q) => q.label.en)).toEqual(["Team size", "In Binh Duong?", "Your idea"]);

    expect(await removeQuestion(manager.claims, callId, { id: team.value.id })).toEqual({ ok: true, value: undefined });
    expect((await formBuilderPage(manager.claims, callId)).questions).toHaveLength(2);
  });

  it("keeps submitted applications whole: answered questions stay, new ones are optional", async () => {
    const callId = await newCall(await newProgramme(), { opensAt: "2026-01-01T00:00", closesAt: "2030-01-01T00:00", published: "on" });
    const q = await addQuestion(manager.claims, callId, { step: "3", kind: "text", labelVi: "Tên", labelEn: "Name" });
    if (!q.ok) throw new Error("add failed");
    const founder = await createUser();
    const app = await createApplication(callId, (await createStartup(founder.id)).id, founder.id, "draft");
    await answer(app, q.value.id, "AgriLink");
    await asService((tx) => tx`update public.applications set status = 'submitted' where id = ${app}`);

    expect(await removeQuestion(manager.claims, callId, { id: q.value.id })).toEqual({ ok: false, errors: { form: "setup.errors.questionHasAnswers" } });
    expect(await updateQuestion(manager.claims, callId, { id: q.value.id, step: "3", kind: "number", labelVi: "Tên", labelEn: "Name" })).toEqual({
      ok: false, errors: { kind: "setup.errors.kindLocked" },
    });
    expect(await addQuestion(manager.claims, callId, { step: "3", kind: "text", labelVi: "Mới", labelEn: "New", required: "on" })).toEqual({
      ok: false, errors: { required: "setup.errors.requiredAfterSubmissions" },
    });
    expect((await addQuestion(manager.claims, callId, { step: "3", kind: "text", labelVi: "Mới", labelEn: "New" })).ok).toBe(true);
    expect(await count("application_answers", "question_id", q.value.id)).toBe(1);
    expect((await formBuilderPage(manager.claims, callId)).locked).toBe(true);
  });

  it("adds, edits, reorders and removes criteria with anchored levels", async () => {
    const market = await addCriterion(manager.claims, callId, {
      nameVi: "Thị trường", nameEn: "Market", weight: "3", maxLevel: "3", commentRequired: "on",
      "levels.0.vi": "Yếu", "levels.0.en": "Weak", "levels.2.vi": "Mạnh", "levels.2.en": "Strong", "levels.4.vi": "Thừa", "levels.4.en": "Ignored",
    });
    const team = await addCriterion(manager.claims, callId, { nameVi: "Đội ngũ", nameEn: "Team", weight: "1", maxLevel: "5" });
    if (!market.ok || !team.ok) throw new Error("add failed");
    let { criteria } = await rubricBuilderPage(manager.claims, callId);
    expect(criteria.map((c) => [c.name.en, c.weight, c.maxLevel, c.commentRequired])).toEqual([["Market", 3, 3, true], ["Team", 1, 5, false]]);
    expect(criteria[0]!.levels).toEqual([
      { level: 1, description: { vi: "Yếu", en: "Weak" } },
      { level: 3, description: { vi: "Mạnh", en: "Strong" } },
    ]);

    await updateCriterion(manager.claims, callId, { id: market.value.id, nameVi: "Thị trường", nameEn: "Market", weight: "2.5", maxLevel: "2", "levels.0.vi": "Yếu", "levels.0.en": "Weak", "levels.1.vi": "Tốt", "levels.1.en": "Good" });
    await moveCriterion(manager.claims, callId, { id: team.value.id, direction: "up" });
    ({ criteria } = await rubricBuilderPage(manager.claims, callId));
    expect(criteria.map((c) => [c.name.en, c.weight, c.maxLevel, c.commentRequired, c.levels.length])).toEqual([["Team", 1, 5, false, 0], ["Market", 2.5, 2, false, 2]]);

    expect(await removeCriterion(manager.claims, callId, { id: team.value.id })).toEqual({ ok: true, value: undefined });
    expect((await rubricBuilderPage(manager.claims, callId)).criteria.map((c) => c.name.en)).toEqual(["Market"]);
  });
});
