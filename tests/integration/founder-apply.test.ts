import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "~/platform/db/errors.server";
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { checkDeck, fieldName } from "~/modules/applications/apply/schema";
import { applicationFile, loadDraft, startApplication } from "~/modules/applications/apply/drafts.server";
import { respondToOffer, withdrawApplication } from "~/modules/applications/apply/actions.server";
import { applicationForFounder, listMyApplications } from "~/modules/applications/apply/status.server";
import { saveDraftStep } from "~/modules/applications/apply/save-step.server";
import { submitApplication } from "~/modules/applications/apply/submit.server";
import { asService } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, outboxFor, type TestUser } from "../support/factories";
import { addCriterion, addQuestion, createCall, createProgram, review } from "../support/application-factories";

// The founder's side of applications, through the module functions the routes call.
let founder: TestUser;
let cofounder: TestUser; // a second founder of the same startup, reading Vietnamese
let stranger: TestUser; // founder of another startup
let reviewer: TestUser;
let startup: { id: string; slug: string };
let programId: string;
let orgId: string;

const pdf = (extra = "") => new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n${extra}trailer << /Root 1 0 R >>\n%%EOF\n`);

type Form = { callId: string; slug: string; name: string; team: string; stage: string; deck: string; video: string };

/** A call with a two-step form: a required text, a number 1–50, an eligibility choice; a required deck and a link. */
async function newCall(opts: { closesAt?: Date } = {}): Promise<Form> {
  const call = await createCall(programId, { closesAt: opts.closesAt });
  const name = await addQuestion(call.id, { kind: "text", required: true, step: 1 });
  const team = await addQuestion(call.id, { kind: "number", required: true, step: 1 });
  await asService((tx) => tx`update public.call_questions set min_number = 1, max_number = 50 where id = ${team}`);
  const stage = await addQuestion(call.id, {
    kind: "choice",
    required: true,
    step: 1,
    eligibility: ["yes"],
    options: [{ value: "yes", vi: "Có", en: "Yes" }, { value: "no", vi: "Không", en: "No" }],
  });
  const deck = await addQuestion(call.id, { kind: "file", required: true, step: 2 });
  const video = await addQuestion(call.id, { kind: "link", step: 2 });
  return { callId: call.id, slug: call.slug, name, team, stage, deck, video };
}

async function draftFor(form: Form, who: TestUser = founder, startupId = startup.id) {
  const started = await startApplication(who.claims, form.slug, { startupId });
  if (!started.ok) throw new Error(`could not start: ${started.reason}`);
  return started.id;
}

async function completeDraft(form: Form) {
  const id = await draftFor(form);
  const step1 = await saveDraftStep(founder.claims, id, 1, { [fieldName({ id: form.name })]: "SmartWater", [fieldName({ id: form.team })]: "4", [fieldName({ id: form.stage })]: "yes" }, {});
  expect(step1).toEqual({ ok: true, nextStep: 2 });
  const step2 = await saveDraftStep(founder.claims, id, 2, { [fieldName({ id: form.video })]: "https://video.example/pitch" }, { [fieldName({ id: form.deck })]: { name: "deck.pdf", bytes: pdf() } });
  expect(step2).toEqual({ ok: true, nextStep: "review" });
  return id;
}

const statusEvents = (id: string) =>
  asService((tx) => tx<{ to_value: string }[]>`select to_value from public.application_events where application_id = ${id} and kind = 'status'`);

beforeAll(async () => {
  [founder, cofounder, stranger, reviewer] = await Promise.all([createUser(), createUser({ locale: "vi" }), createUser(), createUser()]);
  const org = await createOrg();
  orgId = org.id;
  await addMember(org.id, reviewer.id, "reviewer");
  programId = (await createProgram(org.id)).id;
  startup = await createStartup(founder.id);
  await asService((tx) => tx`insert into public.startup_members (startup_id, user_id, role) values (${startup.id}, ${cofounder.id}, 'founder')`);
  await createStartup(stranger.id);
});

describe("a founder's draft", () => {
  it("is one per startup and call, saves step by step and resumes with its answers", async () => {
    const form = await newCall();
    const id = await draftFor(form);
    expect(await draftFor(form, cofounder)).toBe(id); // the co-founder lands on the same draft
    await saveDraftStep(founder.claims, id, 1, { [fieldName({ id: form.name })]: "SmartWater BD", [fieldName({ id: form.team })]: "3" }, {});
    const resumed = await loadDraft(cofounder.claims, id); // another person, another device
    expect(resumed?.answers).toMatchObject({ [form.name]: "SmartWater BD", [form.team]: 3 });
    // A blanked answer is removed, not kept stale.
    await saveDraftStep(founder.claims, id, 1, { [fieldName({ id: form.name })]: "" }, {});
    expect((await loadDraft(founder.claims, id))?.answers[form.name]).toBeUndefined();
  });

  it("refuses malformed answers with field messages and writes nothing", async () => {
    const form = await newCall();
    const id = await draftFor(form);
    const result = await saveDraftStep(founder.claims, id, 1, { [fieldName({ id: form.name })]: "x".repeat(600), [fieldName({ id: form.team })]: "99", [fieldName({ id: form.stage })]: "maybe" }, {});
    expect(result).toEqual({
      ok: false,
      reason: "invalid",
      errors: { [fieldName({ id: form.name })]: "apply.errors.tooLong", [fieldName({ id: form.team })]: "apply.errors.numberRange", [fieldName({ id: form.stage })]: "apply.errors.choice" },
    });
    const link = await saveDraftStep(founder.claims, id, 2, { [fieldName({ id: form.video })]: "javascript:alert(1)" }, {});
    expect(link).toMatchObject({ ok: false, errors: { [fieldName({ id: form.video })]: "apply.errors.link" } });
    expect((await loadDraft(founder.claims, id))?.answers).toEqual({});
  });

  it("takes a pitch deck only when it is a PDF by content and at most 10 MB", async () => {
    expect(checkDeck(new TextEncoder().encode("just text, named deck.pdf"))).toBe("apply.errors.deckNotPdf");
    expect(checkDeck(pdf())).toBeNull();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-1.4"));
    expect(checkDeck(big)).toBe("apply.errors.deckTooBig");

    const form = await newCall();
    const id = await draftFor(form);
    const deckField = fieldName({ id: form.deck });
    const fake = await saveDraftStep(founder.claims, id, 2, {}, { [deckField]: { name: "deck.pdf", bytes: new TextEncoder().encode("not a pdf at all") } });
    expect(fake).toEqual({ ok: false, reason: "invalid", errors: { [deckField]: "apply.errors.deckNotPdf" } });
    const tooBig = await saveDraftStep(founder.claims, id, 2, {}, { [deckField]: { name: "deck.pdf", bytes: big } });
    expect(tooBig).toMatchObject({ ok: false, errors: { [deckField]: "apply.errors.deckTooBig" } });
    expect((await loadDraft(founder.claims, id))?.files).toEqual([]);

    expect(await saveDraftStep(founder.claims, id, 2, {}, { [deckField]: { name: "Pitch Đà Lạt.pdf", bytes: pdf() } })).toEqual({ ok: true, nextStep: "review" });
    const files = (await loadDraft(founder.claims, id))!.files;
    expect(files).toMatchObject([{ questionId: form.deck, originalName: "Pitch Đà Lạt.pdf" }]);
    const stored = await applicationFile(cofounder.claims, id, files[0]!.id);
    expect(stored?.storagePath).toMatch(/^decks\/[0-9a-f-]{36}\.pdf$/); // a generated name, not theirs

    // A new deck replaces the old one, whose file leaves the disk; a refused deck leaves nothing behind.
    const decks = () => readdirSync(path.join(process.env.UPLOAD_DIR!, "decks")).map((f) => `decks/${f}`).sort();
    const before = decks();
    expect(await saveDraftStep(founder.claims, id, 2, {}, { [deckField]: { name: "Pitch v2.pdf", bytes: pdf() } })).toEqual({ ok: true, nextStep: "review" });
    const replaced = await applicationFile(founder.claims, id, files[0]!.id);
    expect(replaced?.originalName).toBe("Pitch v2.pdf");
    expect(decks()).toEqual([...before.filter((f) => f !== stored!.storagePath), replaced!.storagePath].sort());
    const afterReplace = decks();
    await asService((tx) => tx`update public.applications set status = 'withdrawn' where id = ${id}`);
    expect(await saveDraftStep(founder.claims, id, 2, {}, { [deckField]: { name: "late.pdf", bytes: pdf() } })).toMatchObject({ ok: false });
    expect(decks()).toEqual(afterReplace);
  });

  it("cannot be read or written by another startup's founder", async () => {
    const form = await newCall();
    const id = await completeDraft(form);
    const fileId = (await loadDraft(founder.claims, id))!.files[0]!.id;
    // each one the route answers 404, as if the application did not exist
    await expect(loadDraft(stranger.claims, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(applicationFile(stranger.claims, id, fileId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(applicationForFounder(stranger.claims, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveDraftStep(stranger.claims, id, 1, { [fieldName({ id: form.name })]: "hijacked" }, {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitApplication(stranger.claims, id, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    expect(await withdrawApplication(stranger.claims, id)).toBe("not_allowed");
    expect(await startApplication(stranger.claims, form.slug, { startupId: startup.id })).toEqual({ ok: false, reason: "not_founder" });
    expect((await loadDraft(founder.claims, id))?.answers[form.name]).toBe("SmartWater");
    expect(await listMyApplications(stranger.claims)).toEqual([]);
    // The call's assigned reviewer reads the deck once it is submitted (not a blind question).
    await submitApplication(founder.claims, id, randomUUID());
    await asService((tx) => tx`insert into public.review_assignments (application_id, reviewer_id) values (${id}, ${reviewer.id})`);
    expect(await applicationFile(reviewer.claims, id, fileId)).not.toBeNull();
  });
});

describe("submitting", () => {
  it("is refused while required answers are missing, listing them", async () => {
    const form = await newCall();
    const id = await draftFor(form);
    await saveDraftStep(founder.claims, id, 1, { [fieldName({ id: form.name })]: "SmartWater" }, {});
    const result = await submitApplication(founder.claims, id, randomUUID());
    expect(result.outcome).toBe("incomplete");
    expect(result.outcome === "incomplete" && result.missing.map((m) => [m.id, m.step])).toEqual([
      [form.team, 1],
      [form.stage, 1],
      [form.deck, 2],
    ]);
    expect((await loadDraft(founder.claims, id))?.application.status).toBe("draft");
  });

  it("passes one second before the deadline", async () => {
    const form = await newCall();
    const id = await completeDraft(form);
    await asService((tx) => tx`update public.calls set closes_at = now() + interval '1 second' where id = ${form.callId}`);
    expect(await submitApplication(founder.claims, id, randomUUID())).toEqual({ outcome: "submitted" });
  });

  it("is refused one second after the deadline, keeping the draft and its answers", async () => {
    const form = await newCall();
    const id = await completeDraft(form);
    await asService((tx) => tx`update public.calls set closes_at = now() - interval '1 second' where id = ${form.callId}`);
    expect(await submitApplication(founder.claims, id, randomUUID())).toEqual({ outcome: "call_closed" });
    const kept = await loadDraft(founder.claims, id);
    expect(kept?.application.status).toBe("draft");
    expect(kept?.answers).toMatchObject({ [form.name]: "SmartWater", [form.team]: 4, [form.stage]: "yes" });
    expect(kept?.files).toHaveLength(1);
    expect(await outboxFor(founder.email).then((m) => m.filter((x) => x.text_body.includes(id)))).toEqual([]);
    // And nothing can be changed any more.
    expect(await saveDraftStep(founder.claims, id, 1, { [fieldName({ id: form.name })]: "late edit" }, {})).toEqual({ ok: false, reason: "locked" });
  });

  it("twice with the same key (a double click) creates one submission, one audit row and one mail per founder", async () => {
    const form = await newCall();
    const id = await completeDraft(form);
    const key = randomUUID();
    const results = await Promise.all([submitApplication(founder.claims, id, key), submitApplication(founder.claims, id, key)]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["already_submitted", "submitted"]);
    expect(await submitApplication(founder.claims, id, key)).toEqual({ outcome: "already_submitted" });
    expect(await statusEvents(id)).toEqual([{ to_value: "submitted" }]);
    const mine = (await outboxFor(founder.email)).filter((m) => m.template === "application-submitted" && m.text_body.includes(id));
    const theirs = (await outboxFor(cofounder.email)).filter((m) => m.template === "application-submitted" && m.text_body.includes(id));
    expect(mine).toHaveLength(1);
    expect(theirs).toHaveLength(1);
    expect(mine[0]).toMatchObject({ locale: "en" });
    expect(mine[0]!.subject).toMatch(/^Application received from /);
    expect(theirs[0]).toMatchObject({ locale: "vi" });
    expect(theirs[0]!.subject).toMatch(/^Đã nhận hồ sơ của /);
    // Eligibility was computed by the database; the founder only sees "received".
    const view = await applicationForFounder(founder.claims, id);
    expect(view).toMatchObject({ status: "submitted", decision: null });
    expect(view?.events).toMatchObject([{ kind: "status", toValue: "submitted" }]);
  });
});

describe("after submitting", () => {
  it("the founder withdraws before a decision, once", async () => {
    const form = await newCall();
    const id = await completeDraft(form);
    await submitApplication(founder.claims, id, randomUUID());
    expect(await withdrawApplication(founder.claims, id)).toBe("withdrawn");
    expect(await withdrawApplication(founder.claims, id)).toBe("not_allowed");
    expect(await submitApplication(founder.claims, id, randomUUID())).toEqual({ outcome: "withdrawn" });
    expect((await statusEvents(id)).map((e) => e.to_value)).toEqual(["submitted", "withdrawn"]);
  });

  it("cannot withdraw once decided; confirming the offer puts the startup in the cohort", async () => {
    const form = await newCall();
    const id = await completeDraft(form);
    await submitApplication(founder.claims, id, randomUUID());
    await asService((tx) => tx`update public.applications set decision = 'accepted', decided_at = now(), offer_expires_at = now() + interval '7 days' where id = ${id}`);
    expect(await withdrawApplication(founder.claims, id)).toBe("not_allowed");
    await expect(respondToOffer(stranger.claims, id, true)).rejects.toBeInstanceOf(NotFoundError);
    expect(await respondToOffer(cofounder.claims, id, true)).toBe("confirmed");
    expect(await respondToOffer(founder.claims, id, false)).toBe("no_open_offer");
    const cohort = await asService((tx) => tx`select startup_id from public.cohort_members where program_id = ${programId} and application_id = ${id}`);
    expect(cohort).toEqual([{ startup_id: startup.id }]);
    const view = await applicationForFounder(founder.claims, id);
    expect(view?.events.map((e) => [e.kind, e.toValue])).toEqual([
      ["status", "submitted"],
      ["decision", "accepted"],
      ["offer", "confirmed"],
    ]);
  });

  it("an expired offer cannot be confirmed", async () => {
    const other = await createStartup(founder.id);
    const call = await createCall(programId); // no required questions
    const started = await startApplication(founder.claims, call.slug, { startupId: other.id });
    const id = started.ok ? started.id : "";
    await asService((tx) => tx`update public.applications set status = 'submitted', decision = 'accepted', offer_expires_at = now() - interval '1 minute' where id = ${id}`);
    expect(await respondToOffer(founder.claims, id, true)).toBe("offer_expired");
  });

  it("shows released reviewer feedback to the founder, numbered and without names", async () => {
    const form = await newCall();
    const id = await completeDraft(form);
    await submitApplication(founder.claims, id, randomUUID());
    const criterion = await addCriterion(form.callId, 1);
    await review(id, reviewer.id, [[criterion, 4]]);
    await asService((tx) => tx`update public.review_scores set comment = 'Strong pilot data' where application_id = ${id}`);
    expect((await applicationForFounder(founder.claims, id))?.reviews).toEqual([]);
    await asService((tx) => tx`update public.applications set feedback_released = true where id = ${id}`);
    const view = await applicationForFounder(founder.claims, id);
    expect(view?.reviews).toEqual([{ reviewer: 1, overall: "", scores: [{ criterion: { vi: "Tiêu chí", en: "Criterion" }, level: 4, maxLevel: 5, comment: "Strong pilot data" }] }]);
    expect(JSON.stringify(view)).not.toContain(reviewer.id);
    expect(orgId).toBeTruthy();
  });
});
