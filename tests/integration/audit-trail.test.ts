import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "~/platform/db/errors.server";
import { auditPage } from "~/modules/applications/audit.server";
import { applicationFile } from "~/modules/applications/apply/drafts.server";
import { assignByTrack, autoAssign } from "~/modules/applications/review/assignment.server";
import { acceptReviewerInvitation, addMemberReviewer, inviteReviewer } from "~/modules/applications/review/invitations.server";
import { abstain, recuse } from "~/modules/applications/review/scoring.server";
import { exportCsv } from "~/modules/applications/select/csv-export.server";
import { applyFeedback } from "~/modules/applications/select/feedback.server";
import { selectStrings } from "~/modules/applications/select/strings";
import { saveTemplates } from "~/modules/applications/select/templates.server";
import { cloneCall } from "~/modules/applications/setup/clone.server";
import { nameStep } from "~/modules/applications/setup/form-builder.server";
import { asService, asUser, type Claims } from "~/platform/db/transaction.server";
import { addCriterion, addQuestion, createApplication, createCall, createProgram } from "../support/application-factories";
import { addMember, createOrg, createStartup, createUser, linkIn, makeAdmin, outboxFor, type TestUser } from "../support/factories";

// The audit trail of a call, through the module functions the routes call, as the people who act
// (RLS applies): each kind is recorded with its actor and subject, in the same transaction as the
// change; rows are read only by those who may read their subject and written by nobody directly.

let manager: TestUser, reviewer: TestUser, reviewer2: TestUser, founder: TestUser, founder2: TestUser, otherManager: TestUser, stranger: TestUser, admin: TestUser;
let orgId: string, programId: string, callId: string, trackId: string, app: string, app2: string, startupId: string, questionId: string, criterionId: string, fileId: string;

type Row = { kind: string; actor_id: string | null; subject_type: string; subject_id: string; shared_startup_id: string | null; from_value: string | null; to_value: string | null; detail: Record<string, unknown> };
const rowsOf = (kind: string) =>
  asService((tx) => tx<Row[]>`select kind, actor_id, subject_type, subject_id, shared_startup_id, from_value, to_value, detail
                               from public.audit_events where scope_id = ${callId} and kind = ${kind} order by id`);

beforeAll(async () => {
  [manager, reviewer, reviewer2, founder, founder2, otherManager, stranger, admin] = await Promise.all([
    createUser({ name: "Trần Quản Lý" }),
    createUser({ name: "Lê Người Chấm" }),
    createUser({ name: "Phạm Người Chấm" }),
    createUser(),
    createUser(),
    createUser(),
    createUser(),
    createUser(),
  ]);
  const org = await createOrg();
  const other = await createOrg();
  orgId = org.id;
  await addMember(org.id, manager.id, "manager");
  await addMember(org.id, reviewer.id, "reviewer");
  await addMember(org.id, reviewer2.id, "reviewer");
  await addMember(other.id, otherManager.id, "manager");
  await makeAdmin(admin.id);
  const program = await createProgram(org.id);
  programId = program.id;
  callId = (await createCall(program.id, { reviewsPerApplication: 2 })).id;
  questionId = await addQuestion(callId, { kind: "file" });
  criterionId = await addCriterion(callId, 1);
  startupId = (await createStartup(founder.id)).id;
  app = await createApplication(callId, startupId, founder.id);
  app2 = await createApplication(callId, (await createStartup(founder2.id)).id, founder2.id);
  await asService(async (tx) => {
    trackId = (await tx<{ id: string }[]>`insert into public.call_tracks (call_id, name_vi, name_en) values (${callId}, 'Nông nghiệp', 'Agritech') returning id`)[0]!.id;
    await tx`update public.applications set track_id = ${trackId} where id = ${app}`;
    fileId = (
      await tx<{ id: string }[]>`insert into public.application_files (application_id, question_id, storage_path, original_name, size_bytes, content_type, uploaded_by)
        values (${app}, ${questionId}, 'decks/audit.pdf', 'deck.pdf', 10, 'application/pdf', ${founder.id}) returning id`
    )[0]!.id;
  });
});

describe("each kind is recorded with its actor and subject", () => {
  it("manual assignment by track, then automatic assignment, say which", async () => {
    await assignByTrack(manager.claims, callId, trackId, [reviewer.id]);
    await autoAssign(manager.claims, callId);
    const rows = await rowsOf("assigned");
    const manual = rows.filter((r) => r.detail.via === "manual");
    const automatic = rows.filter((r) => r.detail.via === "automatic");
    expect(manual).toEqual([expect.objectContaining({ actor_id: manager.id, subject_type: "application", subject_id: app, shared_startup_id: null })]);
    expect(manual[0]!.detail.reviewer).toBe(reviewer.id);
    // app needs one more reviewer, app2 two: three automatic assignments, each by the manager
    expect(automatic).toHaveLength(3);
    expect(automatic.every((r) => r.actor_id === manager.id)).toBe(true);
  });

  it("an unassignment records the reviewer and the state the assignment was in", async () => {
    await asUser(manager.claims, (tx) => tx`delete from public.review_assignments where application_id = ${app2} and reviewer_id = ${reviewer2.id}`);
    const [row] = await rowsOf("unassigned");
    expect(row).toMatchObject({ actor_id: manager.id, subject_id: app2, from_value: "assigned", detail: { reviewer: reviewer2.id } });
  });

  it("a recusal and an abstention record the reviewer as actor, with the reason", async () => {
    expect((await recuse(reviewer.claims, app, null, "I mentored them last year")).kind).toBe("recused");
    expect((await abstain(reviewer2.claims, app, null, "Outside my field")).kind).toBe("abstained");
    const [recusal] = await rowsOf("recused");
    const [abstention] = await rowsOf("abstained");
    expect(recusal).toMatchObject({ actor_id: reviewer.id, subject_id: app, detail: { reviewer: reviewer.id, reason: "I mentored them last year" } });
    expect(abstention).toMatchObject({ actor_id: reviewer2.id, subject_id: app, detail: { reviewer: reviewer2.id, reason: "Outside my field" } });
  });

  it("edits of the form, rubric, templates and settings record what changed, and an unchanged save records nothing", async () => {
    await asUser(manager.claims, async (tx) => {
      await tx`update public.call_questions set label_en = 'Pitch deck', required = true where id = ${questionId}`;
      await tx`update public.rubric_criteria set weight = 3 where id = ${criterionId}`;
      await tx`update public.calls set reviews_per_application = 3 where id = ${callId}`;
    });
    const templates = { intent: "templates" as const, accepted_vi: "Chúc mừng", accepted_en: "Congratulations", waitlisted_vi: "Chờ", waitlisted_en: "Wait", rejected_vi: "Tiếc", rejected_en: "Sorry" };
    await saveTemplates(manager.claims, callId, templates);
    await saveTemplates(manager.claims, callId, templates);
    // (the factories' rows were added by the service path: no actor)
    const edited = (kind: string) => rowsOf(kind).then((rows) => rows.filter((r) => r.detail.op === "changed"));
    const [form] = await edited("form_edited");
    expect(form).toMatchObject({ actor_id: manager.id, subject_type: "call", subject_id: callId, detail: { op: "changed", item: "call_questions", fields: ["label_en", "required"] } });
    expect((await edited("rubric_edited"))[0]).toMatchObject({ actor_id: manager.id, detail: { op: "changed", fields: ["weight"] } });
    expect((await edited("settings_edited")).at(-1)).toMatchObject({ actor_id: manager.id, detail: { item: "calls", fields: ["reviews_per_application"] } });
    const templateRows = await rowsOf("template_edited");
    // the second, identical save changed nothing and recorded nothing
    expect(templateRows.map((r) => (r.detail.label as { decision: string }).decision).sort()).toEqual(["accepted", "rejected", "waitlisted"]);
    expect(templateRows.every((r) => r.detail.op === "added" && r.actor_id === manager.id)).toBe(true);
  });

  it("a feedback release records the manager and is shared with the founders", async () => {
    expect(await applyFeedback(manager.claims, callId, { intent: "release", applicationId: app })).toBe(1);
    const [row] = await rowsOf("feedback");
    expect(row).toMatchObject({ actor_id: manager.id, subject_id: app, shared_startup_id: startupId, from_value: "false", to_value: "true" });
  });

  it("a CSV export and a manager's file download are recorded; a founder reading their own file is not", async () => {
    await exportCsv(manager.claims, callId, "en");
    expect(await rowsOf("exported")).toEqual([expect.objectContaining({ actor_id: manager.id, subject_type: "call", subject_id: callId, detail: { what: "csv", rows: 2 } })]);
    expect(await applicationFile(founder.claims, app, fileId)).not.toBeNull();
    expect(await rowsOf("file_downloaded")).toEqual([]);
    expect(await applicationFile(manager.claims, app, fileId)).not.toBeNull();
    expect(await rowsOf("file_downloaded")).toEqual([expect.objectContaining({ actor_id: manager.id, subject_id: app, detail: { file: fileId, name: "deck.pdf" } })]);
  });

  it("the reviewer pool: a member added, an address invited and re-invited once expired, the invitation accepted by its invitee", async () => {
    const staff = await createUser({ name: "Võ Nhân Viên" });
    await addMember(orgId, staff.id, "staff");
    expect(await addMemberReviewer(manager.claims, callId, staff.id)).toBe("added");
    expect(await rowsOf("reviewer_added")).toEqual([expect.objectContaining({ actor_id: manager.id, subject_type: "call", subject_id: callId, detail: { reviewer: staff.id, guest: false } })]);

    const guest = await createUser({ name: "Giám Khảo Khách", email: `guest-${Date.now()}@audit.example` });
    expect(await inviteReviewer(manager.claims, callId, guest.email, "vi")).toBe("invited");
    await asService((tx) => tx`update public.reviewer_invitations set expires_at = now() - interval '1 minute' where email = ${guest.email}`);
    expect(await inviteReviewer(manager.claims, callId, guest.email, "vi")).toBe("invited");
    expect((await rowsOf("reviewer_invited")).map((r) => [r.actor_id, r.detail])).toEqual([
      [manager.id, { email: guest.email, renewed: false }],
      [manager.id, { email: guest.email, renewed: true }],
    ]);
    const [mail] = await outboxFor(guest.email);
    const token = linkIn(mail!.text_body, "/reviewer-invitations/").split("/reviewer-invitations/")[1]!;
    expect(await acceptReviewerInvitation(guest.claims, token)).toBe("accepted");
    expect(await rowsOf("invitation_accepted")).toEqual([expect.objectContaining({ actor_id: guest.id, subject_id: callId, detail: { reviewer: guest.id, guest: true } })]);
    // the acceptance is not also counted as a manager's addition
    expect(await rowsOf("reviewer_added")).toHaveLength(1);
  });

  it("naming a form step is a form edit of that step, and cloning a call starts the copy's log with its source", async () => {
    const settingsBefore = (await rowsOf("settings_edited")).length;
    expect(await nameStep(manager.claims, callId, { step: "2", titleVi: "", titleEn: "Team" })).toMatchObject({ ok: true });
    expect(await nameStep(manager.claims, callId, { step: "2", titleVi: "", titleEn: "" })).toMatchObject({ ok: true });
    const steps = (await rowsOf("form_edited")).filter((r) => r.detail.item === "step_titles");
    expect(steps.map((r) => [r.actor_id, r.detail.op, r.detail.step, r.detail.label])).toEqual([
      [manager.id, "added", "2", { vi: "Team", en: "Team" }],
      [manager.id, "removed", "2", { vi: "Team", en: "Team" }],
    ]);
    // not also a settings edit naming the column
    expect(await rowsOf("settings_edited")).toHaveLength(settingsBefore);

    const cloned = await cloneCall(manager.claims, programId, { id: callId });
    if (!cloned.ok) throw new Error("not cloned");
    const [row] = await asService(
      (tx) => tx<Row[]>`select kind, actor_id, subject_type, subject_id, detail from public.audit_events where scope_id = ${cloned.value.id} and kind = 'cloned'`,
    );
    expect(row).toMatchObject({ actor_id: manager.id, subject_type: "call", subject_id: cloned.value.id, detail: { from: callId, label: { vi: expect.any(String), en: expect.any(String) } } });
  });

  it("the audit page lists every kind with who did it and the reviewer concerned, each kind named in both languages", async () => {
    const page = await auditPage(manager.claims, callId, 1);
    const kinds = new Set(page!.events.map((e) => e.kind));
    for (const k of ["status", "assigned", "unassigned", "recused", "abstained", "form_edited", "rubric_edited", "template_edited", "settings_edited", "feedback", "exported", "file_downloaded",
      "reviewer_added", "reviewer_invited", "invitation_accepted"]) {
      expect(kinds).toContain(k);
      expect((selectStrings.en.audit.kinds as Record<string, string>)[k]).toBeTruthy();
      expect((selectStrings.vi.audit.kinds as Record<string, string>)[k]).toBeTruthy();
    }
    const recusal = page!.events.find((e) => e.kind === "recused")!;
    expect(recusal).toMatchObject({ actor: "Lê Người Chấm", reviewer: "Lê Người Chấm", application: { code: expect.any(String) } });
    expect(page!.events.find((e) => e.kind === "exported")).toMatchObject({ actor: "Trần Quản Lý", application: null });
    await expect(auditPage(otherManager.claims, callId, 1)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("who may read and write the trail", () => {
  const visible = (claims: Claims) =>
    asUser(claims, (tx) => tx<{ kind: string }[]>`select kind from public.audit_events where scope_id = ${callId}`).then((r) => new Set(r.map((x) => x.kind)));

  it("founders read their application's state changes and releases, never who reviews it or what managers exported", async () => {
    const kinds = await visible(founder.claims);
    expect([...kinds].sort()).toEqual(["feedback", "status"]);
    const timeline = await asUser(founder.claims, (tx) => tx<{ kind: string }[]>`select kind from public.application_events where application_id = ${app}`);
    expect(timeline.map((e) => e.kind).sort()).toEqual(["feedback", "status"]);
  });

  it("reviewers, strangers and another organisation's managers read nothing; the call's managers and admins read everything", async () => {
    for (const who of [reviewer, stranger, otherManager]) expect((await visible(who.claims)).size).toBe(0);
    const all = await asService((tx) => tx<{ n: number }[]>`select count(*)::int as n from public.audit_events where scope_id = ${callId}`);
    for (const who of [manager, admin]) {
      const n = await asUser(who.claims, (tx) => tx<{ n: number }[]>`select count(*)::int as n from public.audit_events where scope_id = ${callId}`);
      expect(n[0]!.n).toBe(all[0]!.n);
    }
  });

  it("nobody changes, removes or adds rows directly, not even the call's managers", async () => {
    for (const who of [manager, admin, founder]) {
      const updated = await asUser(who.claims, (tx) => tx`update public.audit_events set kind = 'status' where scope_id = ${callId}`).catch((e: Error) => e);
      expect(updated).toBeInstanceOf(Error);
      const deleted = await asUser(who.claims, (tx) => tx`delete from public.audit_events where scope_id = ${callId}`).catch((e: Error) => e);
      expect(deleted).toBeInstanceOf(Error);
      const inserted = await asUser(
        who.claims,
        (tx) => tx`insert into public.audit_events (org_id, scope_id, subject_type, subject_id, kind) values (${orgId}, ${callId}, 'call', ${callId}, 'exported')`,
      ).catch((e: Error) => e);
      expect(inserted).toBeInstanceOf(Error);
    }
  });

  it("record_audit writes only as a manager of the organisation, always in the caller's name", async () => {
    for (const who of [reviewer, founder, otherManager, stranger]) {
      const refused = await asUser(who.claims, (tx) => tx`select public.record_audit(${orgId}, ${callId}, 'call', ${callId}, 'exported', '{}')`).catch((e: Error) => e);
      expect(refused).toBeInstanceOf(Error);
    }
    const before = (await rowsOf("exported")).length;
    await asUser(manager.claims, (tx) => tx`select public.record_audit(${orgId}, ${callId}, 'call', ${callId}, 'exported', '{"what": "csv"}')`);
    const rows = await rowsOf("exported");
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ actor_id: manager.id, shared_startup_id: null });
  });
});
