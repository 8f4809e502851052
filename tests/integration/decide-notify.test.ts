import { beforeAll, describe, expect, it } from "vitest";
import { applicationForFounder } from "~/modules/applications/apply/status.server";
import { decide, undoDecision, type DecideOptions } from "~/modules/applications/select/decisions.server";
import { notifyFounders, notifyPreview, pendingMail } from "~/modules/applications/select/notify.server";
import { DecisionsIntent } from "~/modules/applications/select/schema";
import { saveTemplates } from "~/modules/applications/select/templates.server";
import { parseForm } from "~/platform/http/form.server";
import { NotFoundError } from "~/platform/db/errors.server";
import { asService, asUser, type Claims } from "~/platform/db/transaction.server";
import { addCriterion, createApplication, createCall, createProgram, review } from "../support/application-factories";
import { addMember, createOrg, createStartup, createUser, outboxFor, type TestUser } from "../support/factories";
import { runScheduled } from "../support/jobs";

// Decisions that can be checked before anyone is told: deciding, changing and undoing leave
// nothing for the founders; the notify step shows each mail in its founder's language, names the
// counts, sends once however many managers press it; accepting past warnings needs a confirmation
// the database enforces; the offer's deadline is chosen, checked, and lapses on the job clock.
let manager: TestUser;
let callId: string;
let criterion: string;
/** An application of another call the manager also manages. */
let otherCallApp: string;
const reviewers: TestUser[] = [];

type Applicant = { id: string; founder: TestUser; cofounder: TestUser; startupId: string };

async function applicant(reviews = 3, level = 4): Promise<Applicant> {
  const founder = await createUser({ locale: "vi" });
  const cofounder = await createUser({ locale: "en" });
  const startup = await createStartup(founder.id);
  await asService((tx) => tx`insert into public.startup_members (startup_id, user_id, role) values (${startup.id}, ${cofounder.id}, 'founder')`);
  const id = await createApplication(callId, startup.id, founder.id);
  for (const r of reviewers.slice(0, reviews)) await review(id, r.id, [[criterion, level]]);
  return { id, founder, cofounder, startupId: startup.id };
}

const options = (o: Partial<DecideOptions> = {}): DecideOptions => ({ includeMessage: true, releaseFeedback: false, confirmWarnings: false, ...o });
const decisionMails = async (a: Applicant) => [
  ...(await outboxFor(a.founder.email)).filter((m) => m.template === "application-decision"),
  ...(await outboxFor(a.cofounder.email)).filter((m) => m.template === "application-decision"),
];
const sendAll = async (claims: Claims = manager.claims) => notifyFounders(claims, callId, (await notifyPreview(claims, callId))!.version);
const row = async (id: string) =>
  (await asService((tx) => tx<{ decision: string | null; stage: string; offer_expires_at: Date | null; notified_at: Date | null; offer_response: string | null }[]>`
    select decision, stage, offer_expires_at, notified_at, offer_response from public.applications where id = ${id}`))[0]!;

/** Everything the founder can learn about their application, and their mailbox. */
async function founderSees(a: Applicant) {
  const view = await applicationForFounder(a.founder.claims, a.id);
  const pending = await asUser(a.founder.claims, (tx) => tx`select 1 from public.pending_decisions where application_id = ${a.id}`);
  return { decision: view!.decision, stage: view!.stage, kinds: view!.events.map((e) => e.kind), pending: pending.length, mails: (await decisionMails(a)).length };
}

beforeAll(async () => {
  manager = await createUser({ locale: "en" });
  const org = await createOrg();
  await addMember(org.id, manager.id, "manager");
  for (let i = 0; i < 3; i++) {
    const r = await createUser();
    await addMember(org.id, r.id, "reviewer");
    reviewers.push(r);
  }
  const program = await createProgram(org.id);
  callId = (await createCall(program.id, { reviewsPerApplication: 3 })).id;
  criterion = await addCriterion(callId, 1);
  const founder = await createUser();
  otherCallApp = await createApplication((await createCall(program.id)).id, (await createStartup(founder.id)).id, founder.id);
  await asService((tx) => tx`
    update public.calls set time_zone = 'Asia/Ho_Chi_Minh', offer_days = 10, shortlist_threshold = 50 where id = ${callId}`);
  await asService((tx) => tx`
    insert into public.decision_templates (call_id, decision, body_vi, body_en)
    values (${callId}, 'accepted', 'Chúc mừng, mời bạn tham gia!', 'Congratulations, you are in!'),
           (${callId}, 'rejected', 'Rất tiếc lần này.', 'Sorry, not this time.')`);
});

describe("deciding is silent", () => {
  it("decides, changes and undoes without the founder learning anything", async () => {
    const a = await applicant();
    const before = await founderSees(a);
    expect(await decide(manager.claims, callId, [a.id], "accepted", options())).toEqual({ kind: "done", changed: 1, skipped: 0 });
    expect(await founderSees(a)).toEqual(before);
    expect(await decide(manager.claims, callId, [a.id], "rejected", options())).toEqual({ kind: "done", changed: 1, skipped: 0 });
    expect(await founderSees(a)).toEqual(before);
    expect(await undoDecision(manager.claims, callId, a.id)).toBe(true);
    expect(await undoDecision(manager.claims, callId, a.id)).toBe(false);
    // an id that is no application of this call is not found, not "nothing to undo"
    for (const bad of ["not-a-uuid", "00000000-0000-4000-8000-000000000000", otherCallApp]) {
      await expect(undoDecision(manager.claims, callId, bad)).rejects.toBeInstanceOf(NotFoundError);
    }
    // Nothing at all remains: no decision, no timeline row, no mail, nothing pending.
    expect(await founderSees(a)).toEqual({ decision: null, stage: "screening", kinds: before.kinds, pending: 0, mails: 0 });
    expect(await row(a.id)).toMatchObject({ decision: null, stage: "screening", notified_at: null });
    const events = await asService((tx) => tx`select kind from public.application_events where application_id = ${a.id} and kind in ('decision', 'stage')`);
    expect(events).toHaveLength(0);
  });

  it("shows the pending decision to the call's managers only", async () => {
    const a = await applicant();
    await decide(manager.claims, callId, [a.id], "rejected", options());
    const outsider = await createUser();
    expect(await asUser(outsider.claims, (tx) => tx`select 1 from public.pending_decisions where application_id = ${a.id}`)).toHaveLength(0);
    expect(await asUser(manager.claims, (tx) => tx`select decision from public.pending_decisions where application_id = ${a.id}`)).toEqual([{ decision: "rejected" }]);
    await expect(decide(outsider.claims, callId, [a.id], "accepted", options())).rejects.toThrow();
    await undoDecision(manager.claims, callId, a.id);
  });
});

describe("the notify step", () => {
  it("previews each mail in its founder's language, confirms the counts, sends each mail once", async () => {
    const [one, two, three] = [await applicant(), await applicant(), await applicant()];
    await decide(manager.claims, callId, [one.id, two.id], "accepted", options());
    await decide(manager.claims, callId, [three.id], "rejected", options());
    const preview = (await notifyPreview(manager.claims, callId))!;
    expect(preview.counts).toEqual({ accepted: 2, waitlisted: 0, rejected: 1 });
    const item = preview.items.find((i) => i.id === one.id)!;
    const vi = item.mails.find((m) => m.to === one.founder.email)!;
    const en = item.mails.find((m) => m.to === one.cofounder.email)!;
    expect(vi.locale).toBe("vi");
    expect(vi.subject).toMatch(/^Kết quả hồ sơ/);
    expect(en.subject).toMatch(/^Decision on/);
    // Each mail's own preview, as its founder will read it.
    const mailOf = (a: Applicant, founder: TestUser) => pendingMail(manager.claims, callId, a.id, founder.id);
    const [viMail, enMail] = [await mailOf(one, one.founder), await mailOf(one, one.cofounder)];
    expect(viMail).toMatchObject({ locale: "vi", subject: vi.subject });
    expect(viMail.text).toContain("Chúc mừng, mời bạn tham gia!");
    expect(enMail).toMatchObject({ locale: "en", subject: en.subject });
    expect(enMail.text).toContain("Congratulations, you are in!");
    expect(enMail.text).toMatch(/Please confirm your place by .*\(Indochina Time, GMT\+7\)/);
    expect((await mailOf(three, three.cofounder)).text).toContain("Sorry, not this time.");
    const rejectedVi = await mailOf(three, three.founder);
    expect(rejectedVi.text).toContain("Rất tiếc lần này.");
    // Only the startup's founders, only pending decisions, only for the call's managers.
    await expect(mailOf(one, three.founder)).rejects.toThrow(NotFoundError);
    await expect(pendingMail((await createUser()).claims, callId, one.id, one.founder.id)).rejects.toThrow(NotFoundError);
    // Previewing sends nothing.
    expect(await decisionMails(one)).toHaveLength(0);

    expect(await notifyFounders(manager.claims, callId, preview.version)).toEqual({ kind: "sent", counts: { accepted: 2, waitlisted: 0, rejected: 1 }, mails: 6 });
    // The same confirmation again: nothing left to send.
    expect(await notifyFounders(manager.claims, callId, preview.version)).toEqual({ kind: "changed" });
    for (const a of [one, two, three]) expect(await decisionMails(a)).toHaveLength(2);
    const sentVi = (await outboxFor(one.founder.email)).find((m) => m.template === "application-decision")!;
    expect(sentVi.subject).toBe(vi.subject);
    // What the preview showed is what went out (a rejection: no deadline computed at the send).
    expect((await outboxFor(three.founder.email)).find((m) => m.template === "application-decision")!.html).toBe(rejectedVi.html);
    // Sent, no longer pending: no preview.
    await expect(mailOf(one, one.founder)).rejects.toThrow(NotFoundError);
    expect(await founderSees(one)).toMatchObject({ decision: "accepted", stage: "decision", pending: 0 });
    // The offer's clock starts when the founders are told: the call's 10 days from then.
    const told = await row(one.id);
    expect(told.offer_expires_at!.getTime() - told.notified_at!.getTime()).toBe(10 * 86_400_000);
  });

  it("refuses a confirmation of a list that changed since it was shown", async () => {
    const [a, b] = [await applicant(), await applicant()];
    await decide(manager.claims, callId, [a.id], "rejected", options());
    const shown = (await notifyPreview(manager.claims, callId))!;
    await decide(manager.claims, callId, [b.id], "rejected", options());
    expect(await notifyFounders(manager.claims, callId, shown.version)).toEqual({ kind: "changed" });
    expect(await decisionMails(a)).toHaveLength(0);
    expect((await sendAll()).kind).toBe("sent");
    expect(await decisionMails(a)).toHaveLength(2);
  });

  it("sends each mail once when two managers press notify at the same moment", async () => {
    const other = await createUser();
    const [{ org_id }] = await asService((tx) => tx<[{ org_id: string }]>`
      select p.org_id from public.calls c join public.programs p on p.id = c.program_id where c.id = ${callId}`);
    await addMember(org_id, other.id, "manager");
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await applicant(), await applicant()];
      await decide(manager.claims, callId, [a.id, b.id], "rejected", options());
      const { version } = (await notifyPreview(manager.claims, callId))!;
      const outcomes = await Promise.all([notifyFounders(manager.claims, callId, version), notifyFounders(other.claims, callId, version)]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(["changed", "sent"]);
      for (const x of [a, b]) expect(await decisionMails(x)).toHaveLength(2);
    }
  });
});

describe("warnings before accepting", () => {
  it("refuses to accept a thinly reviewed, low-scored or conflicted application without the confirmation, writing nothing", async () => {
    const thin = await applicant(1); // one review of the three required
    const low = await applicant(3, 1); // level 1 of 5: under the threshold of 50
    const conflicted = await applicant();
    // A reviewer of it becomes the startup's mentor after reviewing: a conflict still open.
    await asService((tx) => tx`insert into public.startup_mentors (startup_id, mentor_id) values (${conflicted.startupId}, ${reviewers[0]!.id})`);
    const good = await applicant();

    const refused = await decide(manager.claims, callId, [thin.id, low.id, conflicted.id, good.id], "accepted", options());
    expect(refused.kind).toBe("warnings");
    const byCode = Object.fromEntries((refused.kind === "warnings" ? refused.applications : []).map((x) => [x.code, x.warnings]));
    const codes = await asService((tx) => tx<{ id: string; code: string }[]>`select id, code from public.applications where id = any(${[thin.id, low.id, conflicted.id]}::uuid[])`);
    const code = (id: string) => codes.find((c) => c.id === id)!.code;
    expect(byCode[code(thin.id)]).toEqual(expect.arrayContaining(["few_reviews"]));
    expect(byCode[code(low.id)]).toEqual(["below_threshold"]);
    expect(byCode[code(conflicted.id)]).toEqual(["conflict"]);
    expect(Object.keys(byCode)).toHaveLength(3);
    const written = await asService((tx) => tx`select 1 from public.pending_decisions where application_id = any(${[thin.id, low.id, conflicted.id, good.id]}::uuid[])`);
    expect(written).toHaveLength(0);

    // Rejecting needs no confirmation; accepting with it records what the manager overrode.
    expect(await decide(manager.claims, callId, [low.id], "rejected", options())).toMatchObject({ kind: "done", changed: 1 });
    expect(await decide(manager.claims, callId, [thin.id, conflicted.id, good.id], "accepted", options({ confirmWarnings: true }))).toMatchObject({ kind: "done", changed: 3 });
    const [overridden] = await asService((tx) => tx<{ warnings_overridden: string[] }[]>`select warnings_overridden from public.pending_decisions where application_id = ${conflicted.id}`);
    expect(overridden!.warnings_overridden).toEqual(["conflict"]);
    for (const a of [thin, low, conflicted, good]) await undoDecision(manager.claims, callId, a.id);
  });

  it("is enforced by the database, whatever path writes the decision", async () => {
    const thin = await applicant(1);
    const attempt = asUser(manager.claims, (tx) => tx`insert into public.pending_decisions (application_id, call_id, decision) values (${thin.id}, ${callId}, 'accepted')`);
    await expect(attempt).rejects.toThrow(/warnings_unconfirmed/);
    const forged = asUser(manager.claims, (tx) => tx`
      insert into public.pending_decisions (application_id, call_id, decision, warnings_overridden) values (${thin.id}, ${callId}, 'accepted', '{below_threshold}')`);
    await expect(forged).rejects.toThrow(/warnings_unconfirmed/);
  });
});

describe("the offer's deadline", () => {
  it("is a day in the future, at most 180 days away, and ends at 23:59 in the call's zone", async () => {
    const a = await applicant();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    expect(await decide(manager.claims, callId, [a.id], "accepted", options({ deadline: day(-1) }))).toEqual({ kind: "deadline", error: "past" });
    expect(await decide(manager.claims, callId, [a.id], "accepted", options({ deadline: day(200) }))).toEqual({ kind: "deadline", error: "tooFar" });
    expect(await asService((tx) => tx`select 1 from public.pending_decisions where application_id = ${a.id}`)).toHaveLength(0);
    // The database refuses it too.
    await expect(
      asUser(manager.claims, (tx) => tx`insert into public.pending_decisions (application_id, call_id, decision, offer_expires_at) values (${a.id}, ${callId}, 'rejected', now() + interval '1 day')`),
    ).rejects.toThrow();
    await expect(
      asUser(manager.claims, (tx) => tx`insert into public.pending_decisions (application_id, call_id, decision, offer_expires_at) values (${a.id}, ${callId}, 'accepted', now() - interval '1 minute')`),
    ).rejects.toThrow(/deadline_past/);

    expect(await decide(manager.claims, callId, [a.id], "accepted", options({ deadline: day(20) }))).toMatchObject({ kind: "done", changed: 1 });
    const [{ local }] = await asService((tx) => tx<[{ local: string }]>`
      select to_char(offer_expires_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI') as local from public.pending_decisions where application_id = ${a.id}`);
    expect(local).toBe(`${day(20)} 23:59`);
    await undoDecision(manager.claims, callId, a.id);
  });

  it("is the one the manager chose once the founders are told, and the offer lapses there on the job clock", async () => {
    const a = await applicant();
    const chosen = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await decide(manager.claims, callId, [a.id], "accepted", options({ deadline: chosen }));
    expect((await sendAll()).kind).toBe("sent");
    const { offer_expires_at: deadline } = await row(a.id);
    expect(deadline!.getTime()).toBeGreaterThan(Date.now() + 4 * 86_400_000);

    await runScheduled("applications.lapse-offers", new Date(deadline!.getTime() - 60_000));
    expect((await row(a.id)).offer_response).toBeNull();
    await runScheduled("applications.lapse-offers", new Date(deadline!.getTime() + 60_000));
    expect((await row(a.id)).offer_response).toBe("lapsed");
    const lapsed = (await outboxFor(a.cofounder.email)).filter((m) => m.template === "offer-lapsed");
    expect(lapsed).toHaveLength(1);
  });

  it("refuses to send an acceptance whose chosen deadline passed before it was sent", async () => {
    const a = await applicant();
    await decide(manager.claims, callId, [a.id], "accepted", options({ deadline: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10) }));
    // Time passes (the service moves the stored deadline into the past, as the clock would).
    await asService((tx) => tx`alter table public.pending_decisions disable trigger pending_decisions_guard`);
    await asService((tx) => tx`update public.pending_decisions set offer_expires_at = now() - interval '1 minute' where application_id = ${a.id}`);
    await asService((tx) => tx`alter table public.pending_decisions enable trigger pending_decisions_guard`);
    const preview = (await notifyPreview(manager.claims, callId))!;
    expect(preview.items.find((i) => i.id === a.id)!.deadlinePassed).toBe(true);
    const outcome = await notifyFounders(manager.claims, callId, preview.version);
    expect(outcome.kind).toBe("deadlinePassed");
    expect(await decisionMails(a)).toHaveLength(0);
    await undoDecision(manager.claims, callId, a.id);
  });
});

describe("the decision's message", () => {
  it("may be written in one language: every founder then reads it in that language", async () => {
    const fields: [string, string][] = [
      ["intent", "templates"],
      ["accepted_vi", "Chúc mừng, mời bạn tham gia!"],
      ["accepted_en", "Congratulations, you are in!"],
      ["waitlisted_vi", ""],
      ["waitlisted_en", "You are on our waiting list."],
      ["rejected_vi", "Rất tiếc lần này."],
      ["rejected_en", "Sorry, not this time."],
    ];
    const body = new FormData();
    for (const [k, v] of fields) body.append(k, v);
    const form = parseForm(body, DecisionsIntent);
    if (!form.ok || form.data.intent !== "templates") throw new Error(`refused: ${JSON.stringify(form)}`);
    await saveTemplates(manager.claims, callId, form.data);
    const a = await applicant();
    await decide(manager.claims, callId, [a.id], "waitlisted", options());
    const [vi, en] = [await pendingMail(manager.claims, callId, a.id, a.founder.id), await pendingMail(manager.claims, callId, a.id, a.cofounder.id)];
    expect(vi.locale).toBe("vi");
    expect(vi.text).toContain("You are on our waiting list.");
    expect(en.text).toContain("You are on our waiting list.");
    await undoDecision(manager.claims, callId, a.id);
  });
});

