import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { autoAssign, assignByTrack, reviewersPage } from "~/modules/applications/review/assignment.server";
import { remindReviewers } from "~/modules/applications/review/reminders.server";
import { rankingPage } from "~/modules/applications/select/ranking.server";
import { RankingQuerySchema } from "~/modules/applications/select/schema";
import { moveStage } from "~/modules/applications/select/moves.server";
import { decide } from "~/modules/applications/select/decisions.server";
import { notifyFounders, notifyPreview } from "~/modules/applications/select/notify.server";
import { exportCsv } from "~/modules/applications/select/csv-export.server";
import { auditPage } from "~/modules/applications/audit.server";
import { ForbiddenError, NotFoundError } from "~/platform/db/errors.server";
import { statementCount } from "~/platform/db/sql.server";
import { asService } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, outboxFor, type TestUser } from "../support/factories";
import { addCriterion, addQuestion, answer, createApplication, createCall, createProgram, review } from "../support/application-factories";

// The manager's selection side, through the module functions the pages call.
let manager: TestUser;
let outsider: TestUser; // manages another organisation
let reviewers: TestUser[];
let founders: TestUser[];
let orgId: string;
let callId: string;
let trackId: string;
let questionId: string;
const apps: string[] = [];
const defaults = RankingQuerySchema.parse({});

const assignments = () =>
  asService((tx) => tx<{ application_id: string; reviewer_id: string }[]>`
    select r.application_id, r.reviewer_id from public.review_assignments r join public.applications a on a.id = r.application_id
     where a.call_id = ${callId} order by 1, 2`);

beforeAll(async () => {
  [manager, outsider] = await Promise.all([createUser(), createUser()]);
  reviewers = await Promise.all([0, 1, 2, 3].map(() => createUser()));
  founders = await Promise.all(Array.from({ length: 10 }, (_, i) => createUser({ locale: i % 2 === 0 ? "vi" : "en" })));
  const org = await createOrg();
  orgId = org.id;
  const elsewhere = await createOrg({ kind: "university" });
  await addMember(org.id, manager.id, "manager");
  await addMember(elsewhere.id, outsider.id, "manager");
  for (const r of reviewers) await addMember(org.id, r.id, "reviewer");
  const program = await createProgram(org.id);
  const call = await createCall(program.id, { reviewsPerApplication: 3 });
  callId = call.id;
  const [track] = await asService((tx) => tx<{ id: string }[]>`
    insert into public.call_tracks (call_id, name_vi, name_en) values (${callId}, 'Đô thị', 'City') returning id`);
  trackId = track!.id;
  questionId = await addQuestion(callId);
  for (const f of founders) {
    const startup = await createStartup(f.id);
    const app = await createApplication(callId, startup.id, f.id, "draft");
    await answer(app, questionId, `Plain answer of ${startup.slug}`);
    apps.push(app);
  }
  // A tricky answer for the CSV: comma, quotes and a line break.
  await answer(apps[0]!, questionId, 'Water, "smart" meters\nsecond line');
  await asService((tx) => tx`update public.applications set status = 'submitted', track_id = ${trackId} where id = any(${tx.array(apps)}::uuid[])`);
  // Conflicts: reviewer 0 works at the university the first startup spun out of; reviewer 1 mentored the second.
  await addMember(elsewhere.id, reviewers[0]!.id, "staff");
  await asService((tx) => tx`update public.startups set org_id = ${elsewhere.id}
                               where id = (select startup_id from public.applications where id = ${apps[0]!})`);
  await asService((tx) => tx`insert into public.startup_mentors (startup_id, mentor_id)
                               select startup_id, ${reviewers[1]!.id} from public.applications where id = ${apps[1]!}`);
  // A draft of another startup: never assigned, ranked or exported.
  const late = await createUser();
  await createApplication(callId, (await createStartup(late.id)).id, late.id, "draft");
});

describe("reviewer assignment", () => {
  it("balances N = 3 reviews per application over 4 reviewers, never a conflicted one, idempotently", async () => {
    const outcome = await autoAssign(manager.claims, callId);
    expect(outcome).toMatchObject({ assigned: 30, short: 0 });
    const rows = await assignments();
    const perApp = new Map<string, number>();
    const perReviewer = new Map<string, number>();
    for (const r of rows) {
      perApp.set(r.application_id, (perApp.get(r.application_id) ?? 0) + 1);
      perReviewer.set(r.reviewer_id, (perReviewer.get(r.reviewer_id) ?? 0) + 1);
    }
    expect([...perApp.keys()].sort()).toEqual([...apps].sort());
    expect([...perApp.values()].every((n) => n === 3)).toBe(true);
    const loads = reviewers.map((r) => perReviewer.get(r.id) ?? 0);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(rows.some((r) => r.application_id === apps[0] && r.reviewer_id === reviewers[0]!.id)).toBe(false);
    expect(rows.some((r) => r.application_id === apps[1] && r.reviewer_id === reviewers[1]!.id)).toBe(false);

    expect(await autoAssign(manager.claims, callId)).toMatchObject({ assigned: 0 });
    expect(await assignments()).toEqual(rows);
  });

  it("assigns a track to chosen reviewers, leaving conflicts out", async () => {
    expect(await assignByTrack(manager.claims, callId, callId, [reviewers[0]!.id])).toBe("unknown_track");
    const outcome = await assignByTrack(manager.claims, callId, trackId, [reviewers[0]!.id]);
    if (outcome === "unknown_track") throw new Error("track not found");
    // Reviewer 0 already had some; the rest of the track is added, the conflicted application is not.
    expect(outcome.skippedConflicts).toBe(1);
    const mine = (await assignments()).filter((r) => r.reviewer_id === reviewers[0]!.id).map((r) => r.application_id);
    expect(mine.sort()).toEqual(apps.slice(1).sort());
    expect(await assignByTrack(manager.claims, callId, trackId, [reviewers[0]!.id])).toMatchObject({ assigned: 0 });
  });

  it("shows each reviewer's progress and reminds the slow ones in their language", async () => {
    await asService((tx) => tx`update public.review_assignments set status = 'submitted', submitted_at = now() where reviewer_id = ${reviewers[2]!.id}`);
    const page = await reviewersPage(manager.claims, callId);
    const r2 = page!.reviewers.find((r) => r.id === reviewers[2]!.id)!;
    expect(r2.pending).toBe(0);
    expect(r2.submitted).toBe(r2.assigned);
    expect(page!.reviewers.find((r) => r.id === reviewers[0]!.id)!.assigned).toBe(9);

    expect(await remindReviewers(manager.claims, callId)).toBe(3);
    expect((await outboxFor(reviewers[2]!.email)).filter((m) => m.template === "review-reminder")).toHaveLength(0);
    const [mail] = await outboxFor(reviewers[3]!.email);
    expect(mail).toMatchObject({ template: "review-reminder", locale: "en" });
    const [{ n }] = await asService((tx) => tx<[{ n: number }]>`
      select count(*)::int as n from public.review_assignments where status = 'assigned' and reminded_at is null
         and application_id = any(${tx.array(apps)}::uuid[])`);
    expect(n).toBe(0);
  });

  it("refuses a manager of another organisation", async () => {
    await expect(autoAssign(outsider.claims, callId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reviewersPage(outsider.claims, callId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("ranking", () => {
  it("returns the rows of call_ranking with each application's facts", async () => {
    const crit = await addCriterion(callId, 1);
    await asService((tx) => tx`delete from public.review_assignments where application_id = any(${tx.array(apps)}::uuid[])`);
    for (const [i, app] of apps.entries()) {
      await review(app, reviewers[2]!.id, [[crit, (i % 5) + 1]]);
      await review(app, reviewers[3]!.id, [[crit, ((i + 2) % 5) + 1]]);
    }
    const page = await rankingPage(manager.claims, callId, defaults);
    const expected = await asService((tx) => tx<{ application_id: string; rank: number; raw_score: string | null; z_score: string | null; reviews: number }[]>`
      select * from public.call_ranking(${callId}) order by rank, application_id`);
    expect(page!.total).toBe(10);
    expect(page!.rows).toHaveLength(10);
    const byId = new Map(page!.rows.map((r) => [r.id, r]));
    for (const e of expected) {
      const row = byId.get(e.application_id)!;
      expect(row).toMatchObject({ rank: e.rank, reviews: e.reviews, rawScore: Number(e.raw_score), zScore: Number(e.z_score) });
    }
    expect(page!.rows.map((r) => r.rank)).toEqual([...page!.rows.map((r) => r.rank)].sort((a, b) => a - b));
  });

  it("filters by minimum score and marks the shortlist", async () => {
    await asService((tx) => tx`update public.calls set shortlist_threshold = 70 where id = ${callId}`);
    const page = await rankingPage(manager.claims, callId, { ...defaults, minScore: 50, sort: "raw", dir: "desc" });
    expect(page!.rows.every((r) => r.rawScore! >= 50)).toBe(true);
    expect(page!.rows.every((r) => r.shortlisted === r.rawScore! >= 70)).toBe(true);
    expect(page!.rows.map((r) => r.rawScore)).toEqual([...page!.rows.map((r) => r.rawScore)].sort((a, b) => b! - a!));
  });

  it("issues as many statements for 200 applications as for 10", async () => {
    const small = await bulkCall(10);
    const large = await bulkCall(200);
    const count = async (id: string) => {
      const before = statementCount();
      const page = await rankingPage(manager.claims, id, defaults);
      return { statements: statementCount() - before, rows: page!.rows.length, total: page!.total };
    };
    const a = await count(small);
    const b = await count(large);
    expect(a).toMatchObject({ rows: 10, total: 10 });
    expect(b).toMatchObject({ rows: 50, total: 200 });
    expect(b.statements).toBe(a.statements);
    // begin, role and claims, the guard, the rows, commit
    expect(a.statements).toBeLessThanOrEqual(5);
  });
});

/** A call of the manager's organisation with n submitted applications, each reviewed twice. */
async function bulkCall(n: number) {
  const program = await createProgram(orgId);
  const call = await createCall(program.id);
  const crit = await addCriterion(call.id, 1);
  await asService(async (tx) => {
    await tx`
      with s as (
        insert into public.startups (slug, name)
        select ${call.slug} || '-s' || g, 'Startup ' || g from generate_series(1, ${n}) g returning id
      )
      insert into public.applications (call_id, startup_id, status, submitted_at, eligible)
      select ${call.id}, id, 'submitted', now(), true from s`;
    for (const [j, r] of reviewers.slice(2).entries()) {
      await tx`insert into public.review_assignments (application_id, reviewer_id, status)
               select id, ${r.id}, 'submitted' from public.applications where call_id = ${call.id}`;
      await tx`insert into public.review_scores (application_id, reviewer_id, round, criterion_id, level)
               select id, ${r.id}, 'review', ${crit}, 1 + (abs(hashtext(id::text)) + ${j}) % 5
                 from public.applications where call_id = ${call.id}`;
    }
  });
  return call.id;
}

describe("decisions", () => {
  // These applications have fewer reviews than the call asks for: the manager accepts them anyway.
  const options = { includeMessage: true, confirmWarnings: true };
  beforeAll(async () => {
    await asService((tx) => tx`
      insert into public.decision_templates (call_id, decision, body_vi, body_en)
      values (${callId}, 'accepted', 'Chúc mừng, mời bạn tham gia!', 'Congratulations, you are in!')`);
  });

  it("refuses a manager of another organisation and writes nothing", async () => {
    await expect(decide(outsider.claims, callId, apps.slice(0, 5), "accepted", { ...options, releaseFeedback: false })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const [{ n }] = await asService((tx) => tx<[{ n: number }]>`
      select count(*)::int as n from public.applications where call_id = ${callId} and decision is not null`);
    expect(n).toBe(0);
    expect(await outboxFor(founders[0]!.email)).toHaveLength(0);
  });

  it("accepts five at once and sends: five decisions, five audit rows by the manager, five mails in each founder's language", async () => {
    const chosen = apps.slice(0, 5);
    const outcome = await decide(manager.claims, callId, chosen, "accepted", { ...options, releaseFeedback: true });
    expect(outcome).toEqual({ kind: "done", changed: 5, skipped: 0 });
    const preview = await notifyPreview(manager.claims, callId);
    expect(await notifyFounders(manager.claims, callId, preview!.version)).toEqual({
      kind: "sent", counts: { accepted: 5, waitlisted: 0, rejected: 0 }, mails: 5,
    });
    const rows = await asService((tx) => tx<{ decision: string; stage: string; offer_expires_at: Date; notified_at: Date; feedback_released: boolean }[]>`
      select decision, stage, notified_at, offer_expires_at, feedback_released from public.applications where id = any(${tx.array(chosen)}::uuid[])`);
    for (const r of rows) {
      expect(r.decision).toBe("accepted");
      // The stage follows the decision: a decided application no longer reads "Screening".
      expect(r.stage).toBe("decision");
      expect(r.feedback_released).toBe(true);
      // createCall keeps the default offer_days of 14, counted from when the founders were told
      expect(r.offer_expires_at.getTime() - r.notified_at.getTime()).toBe(14 * 86_400_000);
    }
    const events = await asService((tx) => tx<{ actor_id: string; from_value: string | null; to_value: string }[]>`
      select actor_id, from_value, to_value from public.application_events
       where kind = 'decision' and application_id = any(${tx.array(chosen)}::uuid[])`);
    expect(events).toHaveLength(5);
    expect(events.every((e) => e.actor_id === manager.id && e.from_value === null && e.to_value === "accepted")).toBe(true);
    for (const f of founders.slice(0, 5)) {
      const mails = (await outboxFor(f.email)).filter((m) => m.template === "application-decision");
      expect(mails).toHaveLength(1);
      const locale = founders.indexOf(f) % 2 === 0 ? "vi" : "en";
      expect(mails[0]!.locale).toBe(locale);
      expect(mails[0]!.text_body).toContain(locale === "vi" ? "Chúc mừng, mời bạn tham gia!" : "Congratulations, you are in!");
      expect(mails[0]!.text_body).toContain(`/applications/`);
    }
    // Deciding the same again changes nothing and mails nobody.
    expect(await decide(manager.claims, callId, chosen, "accepted", { ...options, releaseFeedback: false })).toEqual({ kind: "done", changed: 0, skipped: 5 });
  });

  it("moves stages in bulk, mails the founders, and the audit page names the manager", async () => {
    const outcome = await moveStage(manager.claims, callId, apps.slice(5), "interview");
    expect(outcome.changed).toBe(5);
    const [mail] = await outboxFor(founders[5]!.email);
    expect(mail).toMatchObject({ template: "application-stage", locale: "en" });
    const audit = await auditPage(manager.claims, callId, 1);
    const stageEvents = audit!.events.filter((e) => e.kind === "stage" && e.to === "interview");
    expect(stageEvents).toHaveLength(5);
    expect(stageEvents.every((e) => e.actor === manager.name && e.to === "interview")).toBe(true);
    await expect(auditPage(outsider.claims, callId, 1)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("CSV export", () => {
  it("has a header and one row per submitted application, with answers safely quoted", async () => {
    const { csv } = await exportCsv(manager.claims, callId, "en");
    expect(csv).toContain('"Water, ""smart"" meters\nsecond line"');
    const records = parse(csv, { bom: true }) as string[][];
    expect(records[0]!.slice(0, 3)).toEqual(["Code", "Startup", "Track"]);
    expect(records[0]).toContain("Question");
    expect(records).toHaveLength(1 + 10);
    const vi = parse((await exportCsv(manager.claims, callId, "vi")).csv, { bom: true }) as string[][];
    expect(vi[0]!.slice(0, 2)).toEqual(["Mã", "Khởi nghiệp"]);
    // The call is published: an outsider may read it, not export its applicants (403, as on its pages).
    await expect(exportCsv(outsider.claims, callId, "en")).rejects.toBeInstanceOf(ForbiddenError);
  });
});
