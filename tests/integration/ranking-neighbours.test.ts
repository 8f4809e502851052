import { beforeAll, describe, expect, it } from "vitest";
import { decide } from "~/modules/applications/select/decisions.server";
import { applicationDossier } from "~/modules/applications/select/dossier.server";
import { rankingPage } from "~/modules/applications/select/ranking.server";
import { RankingQuerySchema, type RankingOrder } from "~/modules/applications/select/schema";
import { asService } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { addCriterion, createApplication, createCall, createProgram, review } from "../support/application-factories";

// The application page's previous and next links walk the ranking page the manager came from:
// its sort, direction and filters (ranking_neighbours() reads them from the stored ranking). Each
// application's neighbours must be the rows beside it on that ranking page, ties, missing totals
// and filters included, and must follow a score change.

let manager: TestUser;
let callId: string;
let apps: string[];
let criterion: string;
let track: string;

beforeAll(async () => {
  const users = await Promise.all(Array.from({ length: 5 }, () => createUser()));
  manager = users[0]!;
  const founder = users[1]!;
  const reviewers = users.slice(2);
  const org = await createOrg();
  await addMember(org.id, manager.id, "manager");
  for (const r of reviewers) await addMember(org.id, r.id, "reviewer");
  callId = (await createCall((await createProgram(org.id)).id, { reviewsPerApplication: 2 })).id;
  criterion = await addCriterion(callId, 1, 5);
  const [row] = await asService(
    (tx) => tx<{ id: string }[]>`insert into public.call_tracks (call_id, name_vi, name_en) values (${callId}, 'Nước', 'Water') returning id`,
  );
  track = row!.id;
  apps = [];
  for (let i = 0; i < 9; i++) apps.push(await createApplication(callId, (await createStartup(founder.id)).id, founder.id));
  // Scores with ties (levels repeat), and the last two never reviewed: no totals, null in the raw and z sorts.
  for (const [i, app] of apps.slice(0, 7).entries()) {
    for (const [r, reviewer] of reviewers.entries()) await review(app, reviewer.id, [[criterion, 1 + ((i + r) % 3) + (i % 2)]]);
  }
  await asService(async (tx) => {
    await tx`update public.applications set track_id = ${track} where id = any(${tx.array([apps[0]!, apps[3]!, apps[4]!, apps[8]!])}::uuid[])`;
    await tx`update public.applications set stage = 'interview' where id = any(${tx.array([apps[1]!, apps[4]!, apps[7]!])}::uuid[])`;
    await tx`update public.applications set decision = 'rejected' where id = ${apps[2]!}`;
  });
  // a decision not yet sent counts in the decision filter, as on the ranking page
  await decide(manager.claims, callId, [apps[5]!], "waitlisted", { includeMessage: false, releaseFeedback: false, confirmWarnings: false });
});

/** The applications of the ranking page in this order (one page holds them all). */
async function rankingOrder(order: RankingOrder) {
  const page = await rankingPage(manager.claims, callId, { ...order, page: 1 });
  return page.rows.map((r) => r.id);
}

const query = (q: Record<string, string>): RankingOrder => {
  const { page: _page, ...order } = RankingQuerySchema.parse(q);
  return order;
};

/** Every application's previous and next on the application page, against the ranking page's rows beside it. */
async function expectNeighboursFollow(order: RankingOrder) {
  const shown = await rankingOrder(order);
  const all = await rankingOrder({ sort: order.sort, dir: order.dir });
  for (const id of all) {
    const { neighbours } = await applicationDossier(manager.claims, callId, id, order);
    // an application the filters leave out sits at its place in the unfiltered order, between the shown rows around it
    const at = all.indexOf(id);
    const before = all.slice(0, at).filter((x) => shown.includes(x));
    const after = all.slice(at + 1).filter((x) => shown.includes(x));
    expect(neighbours, `${JSON.stringify(order)}: ${id}`).toEqual({ prev: before.at(-1) ?? null, next: after[0] ?? null });
  }
  return shown;
}

describe("previous and next on the application page", () => {
  it("follow the ranking page's order in every sort and direction, ties and missing totals included", async () => {
    for (const sort of ["rank", "raw", "z", "reviews", "startup", "code"]) {
      for (const dir of ["asc", "desc"]) await expectNeighboursFollow(query({ sort, dir }));
    }
    // and without a query string: the ranking's default order, by rank
    const byRank = await rankingOrder(query({}));
    const { neighbours } = await applicationDossier(manager.claims, callId, byRank[1]!);
    expect(neighbours).toEqual({ prev: byRank[0], next: byRank[2] });
  });

  it("skip the applications the ranking page's filters leave out", async () => {
    const filters: Record<string, string>[] = [{ track }, { stage: "interview" }, { decision: "none" }, { decision: "waitlisted" }, { minScore: "50" }, { track, stage: "interview" }];
    for (const filter of filters) {
      for (const sort of ["raw", "startup"]) {
        const shown = await expectNeighboursFollow(query({ ...filter, sort, dir: "desc" }));
        expect(shown.length, JSON.stringify(filter)).toBeLessThan(apps.length);
      }
    }
    const undecided = await expectNeighboursFollow(query({ decision: "none", sort: "rank" }));
    expect(undecided).not.toContain(apps[2]);
    expect(undecided).not.toContain(apps[5]);
  });

  it("follow a score change: the page ranks again before it reads the neighbours", async () => {
    const order = query({ sort: "raw", dir: "desc" });
    const before = await rankingOrder(order);
    const last = before.at(-3)!; // a reviewed application near the bottom
    const { neighbours } = await applicationDossier(manager.claims, callId, last, order);
    expect(neighbours.prev).toBe(before.at(-4));
    // every review of it raised to the top level: it now ranks first
    await asService((tx) => tx`update public.review_scores set level = 5 where application_id = ${last}`);
    // the application page first (it reads a stale stored ranking unless it ranks again), then the ranking page
    const moved = await applicationDossier(manager.claims, callId, last, order);
    const after = await rankingOrder(order);
    expect(after[0]).toBe(last);
    expect(moved.neighbours).toEqual({ prev: null, next: after[1] });
    await expectNeighboursFollow(order);
  });
});
