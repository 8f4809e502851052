import { beforeAll, describe, expect, it } from "vitest";
import { autoAssign, reviewersPage } from "~/modules/applications/review/assignment.server";
import { abstain, recuse } from "~/modules/applications/review/scoring.server";
import { rankingPage } from "~/modules/applications/select/ranking.server";
import { RankingQuerySchema } from "~/modules/applications/select/schema";
import { thinReviewCaution } from "~/modules/applications/select/thin-reviews";
import { updateCall } from "~/modules/applications/setup/call-settings.server";
import { asService } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { addCriterion, createApplication, createCall, createProgram, review } from "../support/application-factories";

// An honest ranking (issue 14): abstentions and recusals are not active reviews (the counts say
// so, automatic assignment fills their gaps), and totals that rest on few reviews are marked.
let manager: TestUser;
let orgId: string;
let reviewers: TestUser[];

beforeAll(async () => {
  manager = await createUser();
  reviewers = await Promise.all([0, 1, 2, 3].map(() => createUser()));
  orgId = (await createOrg()).id;
  await addMember(orgId, manager.id, "manager");
  for (const r of reviewers) await addMember(orgId, r.id, "reviewer");
});

async function callWith(apps: number, reviewsPerApplication: number) {
  const call = await createCall((await createProgram(orgId)).id, { reviewsPerApplication });
  const ids: string[] = [];
  for (let i = 0; i < apps; i++) {
    const founder = await createUser();
    ids.push(await createApplication(call.id, (await createStartup(founder.id)).id, founder.id));
  }
  return { callId: call.id, apps: ids };
}

const activeOf = (callId: string) =>
  asService((tx) => tx<{ application_id: string; reviewer_id: string; status: string }[]>`
    select r.application_id, r.reviewer_id, r.status from public.review_assignments r
      join public.applications a on a.id = r.application_id where a.call_id = ${callId}`);

describe("abstentions and recusals", () => {
  it("are counted apart on the reviewers tab, and automatic assignment fills their gaps with someone else", async () => {
    const { callId, apps } = await callWith(2, 2);
    expect(await autoAssign(manager.claims, callId)).toMatchObject({ assigned: 4, short: 0 });
    const rows = await activeOf(callId);
    const onFirst = rows.find((r) => r.application_id === apps[0])!.reviewer_id;
    const onSecond = rows.find((r) => r.application_id === apps[1])!.reviewer_id;
    const claimsOf = (id: string) => reviewers.find((r) => r.id === id)!.claims;
    expect(await recuse(claimsOf(onFirst), apps[0]!, null, "Advised the founders")).toMatchObject({ kind: "recused" });
    expect(await abstain(claimsOf(onSecond), apps[1]!, null, "Outside my field")).toEqual({ kind: "abstained" });

    const page = (await reviewersPage(manager.claims, callId))!;
    expect(page.underReviewed).toBe(2);
    expect(page.withdrawn).toEqual({ recused: 1, abstained: 1 });
    const recuser = page.reviewers.find((r) => r.id === onFirst)!;
    expect(recuser.recused).toBe(1);
    expect(recuser.assigned).toBe(rows.filter((r) => r.reviewer_id === onFirst).length - 1);

    // The next run gives each application one more reviewer, never the one who stepped back.
    expect(await autoAssign(manager.claims, callId)).toMatchObject({ assigned: 2, short: 0 });
    const after = await activeOf(callId);
    for (const app of apps) {
      expect(after.filter((r) => r.application_id === app && ["assigned", "submitted"].includes(r.status))).toHaveLength(2);
    }
    expect(after.filter((r) => r.application_id === apps[0] && r.reviewer_id === onFirst).map((r) => r.status)).toEqual(["recused"]);
    expect(after.filter((r) => r.application_id === apps[1] && r.reviewer_id === onSecond).map((r) => r.status)).toEqual(["abstained"]);
    expect((await reviewersPage(manager.claims, callId))!.underReviewed).toBe(0);
    // Running it again changes nothing.
    expect(await autoAssign(manager.claims, callId)).toMatchObject({ assigned: 0 });
  });
});

describe("thin reviews on the ranking", () => {
  it("counts each row's reviews, and marks totals that rest on few or unnormalised reviews", async () => {
    const { callId, apps } = await callWith(5, 2);
    const crit = await addCriterion(callId, 1);
    const [r0, r1, r2, r3] = reviewers.map((r) => r.id) as [string, string, string, string];
    // r0 and r1 score apps 0–3 (normalised: four reviews each); app 0 gets top marks from both.
    for (const [i, app] of apps.slice(0, 4).entries()) {
      await review(app, r0, [[crit, 5 - i]]);
      await review(app, r1, [[crit, 5 - i]]);
    }
    // App 4: one review by r2, who scored nothing else (not normalised), and r3 recused.
    await review(apps[4]!, r2, [[crit, 5]]);
    await asService((tx) => tx`insert into public.review_assignments (application_id, reviewer_id, status) values (${apps[4]!}, ${r3}, 'recused')`);

    const page = (await rankingPage(manager.claims, callId, RankingQuerySchema.parse({ sort: "z", dir: "desc" })))!;
    const row = (app: string) => page.rows.find((r) => r.id === app)!;
    expect(row(apps[0]!)).toMatchObject({ reviews: 2, normalised: 2, recused: 0, caution: null });
    expect(row(apps[4]!)).toMatchObject({
      reviews: 1,
      normalised: 0,
      recused: 1,
      zScore: null,
      caution: { fewReviews: { have: 1, need: 2 }, unnormalised: 1 },
    });
    // Its z-score is not made up from a single review: it sorts after every normalised one.
    expect(page.rows.at(-1)!.id).toBe(apps[4]);
    // Wherever the z order puts a row above a better raw-scored one, one of the two is marked.
    for (const [i, upper] of page.rows.entries()) {
      for (const lower of page.rows.slice(i + 1)) {
        if ((lower.rawScore ?? 0) > (upper.rawScore ?? 0)) expect(upper.caution ?? lower.caution).not.toBeNull();
      }
    }

    // With the minimum at 1 (the settings tab), r2's lone review is normalised (z = 0): the row is
    // then marked only for its missing review.
    await setMinimum(callId, 1);
    const again = (await rankingPage(manager.claims, callId, RankingQuerySchema.parse({ sort: "z", dir: "desc" })))!;
    expect(again.rows.find((r) => r.id === apps[4])).toMatchObject({ normalised: 1, zScore: 0, caution: { fewReviews: { have: 1, need: 2 }, unnormalised: 0 } });
  });

  it("refuses a minimum out of range with a message, changing nothing", async () => {
    const { callId } = await callWith(1, 2);
    const outcome = await updateCall(manager.claims, callId, { ...(await settingsOf(callId)), zMinReviews: "0" });
    expect(outcome).toMatchObject({ ok: false, errors: { zMinReviews: "setup.errors.zMinReviews" } });
    expect(await updateCall(manager.claims, callId, { ...(await settingsOf(callId)), zMinReviews: "abc" })).toMatchObject({ ok: false });
    const [row] = await asService((tx) => tx<{ z_min_reviews: number }[]>`select z_min_reviews from public.calls where id = ${callId}`);
    expect(row!.z_min_reviews).toBe(3);
  });

  it("decides the caution from the counts alone", () => {
    expect(thinReviewCaution({ reviews: 3, normalised: 3 }, { reviewsPerApplication: 3 })).toBeNull();
    expect(thinReviewCaution({ reviews: 2, normalised: 2 }, { reviewsPerApplication: 3 })).toEqual({ fewReviews: { have: 2, need: 3 }, unnormalised: 0 });
    expect(thinReviewCaution({ reviews: 3, normalised: 1 }, { reviewsPerApplication: 3 })).toEqual({ fewReviews: null, unnormalised: 2 });
  });
});

/** The call's settings as its form posts them. */
async function settingsOf(callId: string) {
  const [c] = await asService((tx) => tx<Record<string, string | number | boolean>[]>`
    select c.slug, c.title_vi as "titleVi", c.title_en as "titleEn", '' as "descriptionVi", '' as "descriptionEn",
           to_char(c.opens_at at time zone o.time_zone, 'YYYY-MM-DD"T"HH24:MI') as "opensAt",
           to_char(c.closes_at at time zone o.time_zone, 'YYYY-MM-DD"T"HH24:MI') as "closesAt",
           c.published, c.reviews_per_application::text as "reviewsPerApplication", c.offer_days::text as "offerDays",
           c.z_min_reviews::text as "zMinReviews"
      from public.calls c join public.programs p on p.id = c.program_id join public.organisations o on o.id = p.org_id
     where c.id = ${callId}`);
  return c!;
}

async function setMinimum(callId: string, n: number) {
  const outcome = await updateCall(manager.claims, callId, { ...(await settingsOf(callId)), zMinReviews: String(n) });
  expect(outcome).toEqual({ ok: true, value: undefined });
}
