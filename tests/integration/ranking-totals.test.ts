import postgres from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import { recuse, scoreReview } from "~/modules/applications/review/scoring.server";
import { asService, type Tx } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { addCriterion, assign, createApplication, createCall, createProgram, review } from "../support/application-factories";

// The ranking reads totals kept by triggers (review_totals, application_scores). After every kind
// of change, alone or from writers racing each other, they must equal a computation from scratch
// over the scores, exactly (numerics compared as text, scale included). Who may read them:
// ranking-rls.test.ts.

let manager: TestUser;
let outsider: TestUser; // manager of another organisation
let founder: TestUser;
let reviewers: TestUser[];
let orgId: string;

beforeAll(async () => {
  const users = await Promise.all(Array.from({ length: 8 }, () => createUser()));
  [manager, outsider, founder] = [users[0]!, users[1]!, users[2]!];
  reviewers = users.slice(3);
  const org = await createOrg();
  orgId = org.id;
  await addMember(org.id, manager.id, "manager");
  await addMember((await createOrg()).id, outsider.id, "manager");
});

type Fixture = { callId: string; apps: string[]; a: string; b: string };

/** A call with two criteria (weights 2 and 1, five levels) and n submitted applications. */
async function fixture(n: number): Promise<Fixture> {
  const call = await createCall((await createProgram(orgId)).id);
  const [a, b] = [await addCriterion(call.id, 2), await addCriterion(call.id, 1)];
  const apps: string[] = [];
  for (let i = 0; i < n; i++) apps.push(await createApplication(call.id, (await createStartup(founder.id)).id, founder.id));
  return { callId: call.id, apps, a, b };
}

/** Levels that differ per application and reviewer; reviewer 2 gives everyone the same. */
const levelsFor = (app: number, reviewer: number, salt = 0): [number, number] =>
  reviewer === 2 ? [3, 3] : [1 + ((app * 3 + reviewer + salt) % 5), 1 + ((app + reviewer * 2 + salt) % 5)];

async function reviewAll(f: Fixture, reviewerIdx: number[]) {
  for (const [i, app] of f.apps.entries()) {
    for (const r of reviewerIdx) {
      const [la, lb] = levelsFor(i, r);
      await review(app, reviewers[r]!.id, [[f.a, la], [f.b, lb]]);
    }
  }
}

/** Per-review totals and z-scores, per-application means, and the ranking, from the scores alone. */
function fromScratch(tx: Tx, callId: string) {
  const totals = tx`
    with t as (
      select s.application_id, s.reviewer_id, s.round,
             sum(c.weight * s.level::numeric / c.max_level) * 100 / sum(c.weight) as total
        from public.review_scores s
        join public.review_assignments r using (application_id, reviewer_id, round)
        join public.rubric_criteria c on c.id = s.criterion_id
        join public.applications a on a.id = s.application_id
       where a.call_id = ${callId} and r.status = 'submitted'
       group by s.application_id, s.reviewer_id, s.round
    )
    select application_id, reviewer_id, round, total::text,
           (case when count(*) over w < (select z_min_reviews from public.calls where id = ${callId}) then null
                 when stddev_pop(total) over w > 0 then (total - avg(total) over w) / stddev_pop(total) over w else 0 end)::text as z
      from t window w as (partition by reviewer_id, round)`;
  return totals;
}

/** The ranking exactly as call_ranking() computed it before the totals were kept. */
function rankingFromScratch(tx: Tx, callId: string) {
  return tx`
    with review_totals as (
      select s.application_id, s.reviewer_id,
             sum(c.weight * s.level::numeric / c.max_level) * 100 / sum(c.weight) as total
        from public.review_scores s
        join public.review_assignments r using (application_id, reviewer_id, round)
        join public.rubric_criteria c on c.id = s.criterion_id
        join public.applications a on a.id = s.application_id
       where a.call_id = ${callId} and s.round = 'review' and r.status = 'submitted'
       group by s.application_id, s.reviewer_id
    ), normalised as (
      select application_id, total,
             case when count(*) over w < (select z_min_reviews from public.calls where id = ${callId}) then null
                  when stddev_pop(total) over w > 0
                  then (total - avg(total) over w) / stddev_pop(total) over w
                  else 0 end as z
        from review_totals
      window w as (partition by reviewer_id)
    ), per_app as (
      select a.id as application_id, count(n.total)::int as reviews, avg(n.total) as raw_score, avg(n.z) as z_score
        from public.applications a
        left join normalised n on n.application_id = a.id
       where a.call_id = ${callId} and a.status = 'submitted'
       group by a.id
    )
    select application_id, reviews, round(raw_score, 2) as raw_score, round(z_score, 3) as z_score,
           (rank() over (order by z_score desc nulls last, raw_score desc nulls last))::int as rank,
           round((100 * percent_rank() over (order by z_score nulls first, raw_score nulls first))::numeric, 1) as percentile
      from per_app
     order by application_id`;
}

const sortRows = <T extends Record<string, unknown>>(rows: readonly T[]) =>
  [...rows].map((r) => ({ ...r })).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));

/** The kept rows and the ranking equal their computation from scratch, to the last digit. */
async function expectFresh(callId: string) {
  const { keptTotals, scratchTotals, keptApps, scratchApps, ranking, scratchRanking } = await asService(async (tx) => ({
    keptTotals: await tx`select application_id, reviewer_id, round, total::text, z::text from public.review_totals where call_id = ${callId}`,
    scratchTotals: await fromScratch(tx, callId),
    keptApps: await tx`select application_id, round, reviews, normalised, raw_score::text, z_score::text from public.application_scores where call_id = ${callId}`,
    scratchApps: await tx`
      with t as (${fromScratch(tx, callId)})
      select application_id, round, count(*)::int as reviews, count(z)::int as normalised,
             avg(total::numeric)::text as raw_score, avg(z::numeric)::text as z_score
        from t group by application_id, round`,
    ranking: await tx`select * from public.call_ranking(${callId}) order by application_id`,
    scratchRanking: await rankingFromScratch(tx, callId),
  }));
  expect(sortRows(keptTotals)).toEqual(sortRows(scratchTotals));
  expect(sortRows(keptApps)).toEqual(sortRows(scratchApps));
  expect(ranking.map((r) => ({ ...r }))).toEqual(scratchRanking.map((r) => ({ ...r })));
  return { totals: keptTotals.length, ranking };
}

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

/**
 * Runs each writer in its own transaction and connection, all released at once: each opens its
 * transaction and waits on a gate (an advisory lock held here) until every one of them waits.
 */
async function atOnce(writers: ((tx: Tx) => Promise<unknown>)[]) {
  const gateDb = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const gate = await gateDb.reserve();
    await gate`select pg_advisory_lock(4242)`;
    const running = writers.map((work) =>
      asService(async (tx) => {
        await tx`select pg_advisory_xact_lock_shared(4242)`;
        await work(tx);
      }),
    );
    await expect
      .poll(async () => (await gate`select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = 4242 and not granted`)[0]!.n, {
        timeout: 10_000,
      })
      .toBe(writers.length);
    await gate`select pg_advisory_unlock(4242)`;
    gate.release();
    await Promise.all(running);
  } finally {
    await gateDb.end();
  }
}

describe("kept ranking totals", () => {
  it("equal the scores' totals and z-scores, a reviewer who gave everyone the same counting zero", async () => {
    const f = await fixture(5);
    await reviewAll(f, [0, 1, 2]);
    const { totals, ranking } = await expectFresh(f.callId);
    expect(totals).toBe(15);
    expect(ranking.every((r) => r.reviews === 3)).toBe(true);
    const zOfConstant = await asService((tx) => tx`select distinct z::text from public.review_totals where reviewer_id = ${reviewers[2]!.id} and call_id = ${f.callId}`);
    expect(zOfConstant.map((r) => r.z)).toEqual(["0"]);
  });

  it("follow a rescored, submitted, recused, abstained, reopened and removed review", async () => {
    const f = await fixture(4);
    await reviewAll(f, [0, 1, 2]);
    const [app0, app1, app2, app3] = f.apps as [string, string, string, string];
    const r = reviewers.map((u) => u.id);

    await asService((tx) => tx`update public.review_scores set level = 5 where application_id = ${app0} and reviewer_id = ${r[0]!} and criterion_id = ${f.a}`);
    await expectFresh(f.callId);

    // A comment alone moves nothing, and writes nothing.
    const before = await asService((tx) => tx`select xmin::text from public.review_totals where call_id = ${f.callId} order by application_id, reviewer_id`);
    await asService((tx) => tx`update public.review_scores set comment = 'Clear market' where application_id = ${app1}`);
    expect(await asService((tx) => tx`select xmin::text from public.review_totals where call_id = ${f.callId} order by application_id, reviewer_id`)).toEqual(before);

    // A fourth reviewer drafts (not counted), then submits through the reviewer's own page.
    await assign(app2, r[3]!);
    const draft = { [`level_${f.a}`]: "5", [`level_${f.b}`]: "1" };
    expect(await scoreReview(reviewers[3]!.claims, app2, null, form({ intent: "save", ...draft }))).toEqual({ kind: "saved" });
    expect((await expectFresh(f.callId)).ranking.find((x) => x.application_id === app2)!.reviews).toBe(3);
    expect(await scoreReview(reviewers[3]!.claims, app2, null, form({ intent: "submit", ...draft }))).toEqual({ kind: "submitted" });
    expect((await expectFresh(f.callId)).ranking.find((x) => x.application_id === app2)!.reviews).toBe(4);

    // The same reviewer declares a conflict: their scores go, the review no longer counts.
    expect(await recuse(reviewers[3]!.claims, app2, null, "Advised the founders last year")).toMatchObject({ kind: "recused" });
    expect((await expectFresh(f.callId)).ranking.find((x) => x.application_id === app2)!.reviews).toBe(3);

    // A manager sets a submitted review aside as abstained, reopens another, removes a third.
    await asService((tx) => tx`update public.review_assignments set status = 'abstained' where application_id = ${app1} and reviewer_id = ${r[1]!}`);
    await expectFresh(f.callId);
    await asService((tx) => tx`update public.review_assignments set status = 'assigned' where application_id = ${app3} and reviewer_id = ${r[0]!}`);
    await expectFresh(f.callId);
    await asService((tx) => tx`delete from public.review_assignments where application_id = ${app0} and reviewer_id = ${r[2]!}`);
    await expectFresh(f.callId);
    // Reopened and submitted again, as it was.
    await asService((tx) => tx`update public.review_assignments set status = 'submitted' where application_id = ${app3} and reviewer_id = ${r[0]!}`);
    const { ranking } = await expectFresh(f.callId);
    expect(ranking.map((x) => x.reviews).sort()).toEqual([2, 2, 3, 3]);
  });

  it("leave a reviewer with fewer reviews than the call's minimum unnormalised, and follow the minimum", async () => {
    const f = await fixture(4);
    await reviewAll(f, [0, 1]);
    // A third reviewer scores two applications: below the default minimum of 3, no z-scores.
    for (const i of [0, 1]) await review(f.apps[i]!, reviewers[3]!.id, [[f.a, 5], [f.b, 5]]);
    await expectFresh(f.callId);
    const zOf = (reviewer: string) =>
      asService((tx) => tx`select z::text from public.review_totals where reviewer_id = ${reviewer} and call_id = ${f.callId}`);
    expect((await zOf(reviewers[3]!.id)).map((r) => r.z)).toEqual([null, null]);
    const normalised = () =>
      asService((tx) => tx`select application_id, reviews, normalised from public.application_scores where call_id = ${f.callId} order by application_id`);
    expect((await normalised()).filter((r) => r.reviews !== r.normalised)).toHaveLength(2);
    // Lowered to 2: the third reviewer is normalised, in the same transaction as the change.
    await asService((tx) => tx`update public.calls set z_min_reviews = 2 where id = ${f.callId}`);
    await expectFresh(f.callId);
    expect((await zOf(reviewers[3]!.id)).every((r) => r.z !== null)).toBe(true);
    expect((await normalised()).every((r) => r.reviews === r.normalised)).toBe(true);
    // Raised above everyone's count: no z-score at all, the ranking falls back to the raw totals.
    await asService((tx) => tx`update public.calls set z_min_reviews = 10 where id = ${f.callId}`);
    const { ranking } = await expectFresh(f.callId);
    expect(ranking.every((r) => r.z_score === null)).toBe(true);
  });

  it("follow a criterion's weight and scale, a criterion removed and a reviewer's account deleted", async () => {
    const f = await fixture(4);
    await reviewAll(f, [0, 1, 2]);
    await asService((tx) => tx`update public.rubric_criteria set weight = 3.5 where id = ${f.b}`);
    await expectFresh(f.callId);
    await asService((tx) => tx`update public.rubric_criteria set max_level = 7 where id = ${f.a}`);
    await expectFresh(f.callId);
    // The same weight written with another scale (2 → 2.00) changes the totals' digits, not their value.
    await asService((tx) => tx`update public.rubric_criteria set weight = 2.00 where id = ${f.a}`);
    await expectFresh(f.callId);
    await asService((tx) => tx`delete from public.rubric_criteria where id = ${f.b}`);
    await expectFresh(f.callId);
    const gone = await createUser();
    await review(f.apps[0]!, gone.id, [[f.a, 7]]);
    await expectFresh(f.callId);
    await asService((tx) => tx`delete from auth.users where id = ${gone.id}`);
    const { ranking } = await expectFresh(f.callId);
    expect(ranking.every((x) => x.reviews === 3)).toBe(true);
  });

  it("follow applications withdrawn, deleted and moved to another call", async () => {
    const f = await fixture(5);
    const other = await fixture(2);
    await reviewAll(f, [0, 1]);
    await reviewAll(other, [0, 1]);
    // Withdrawn: off the ranking, still part of its reviewers' means (as before).
    await asService((tx) => tx`update public.applications set status = 'withdrawn' where id = ${f.apps[0]!}`);
    expect((await expectFresh(f.callId)).ranking).toHaveLength(4);
    await asService((tx) => tx`delete from public.applications where id = ${f.apps[1]!}`);
    expect((await expectFresh(f.callId)).ranking).toHaveLength(3);
    await asService((tx) => tx`delete from public.startups where id = (select startup_id from public.applications where id = ${f.apps[2]!})`);
    expect((await expectFresh(f.callId)).ranking).toHaveLength(2);
    await asService((tx) => tx`update public.applications set call_id = ${other.callId} where id = ${f.apps[3]!}`);
    expect((await expectFresh(f.callId)).ranking).toHaveLength(1);
    expect((await expectFresh(other.callId)).ranking).toHaveLength(3);
  });

  it("stay exact while reviewers and a manager write at once, each from their own connection", async () => {
    const f = await fixture(6);
    await reviewAll(f, [0, 1, 2]);
    const r = reviewers.map((u) => u.id);
    for (const app of f.apps.slice(0, 3)) await assign(app, r[3]!);
    for (let round = 1; round <= 4; round++) {
      const rescore = (i: number, reviewer: number) => (tx: Tx) => {
        const [la, lb] = levelsFor(i, reviewer, round);
        return tx`update public.review_scores set level = case criterion_id when ${f.a}::uuid then ${la}::int else ${lb}::int end
                   where application_id = ${f.apps[i]!} and reviewer_id = ${r[reviewer]!}`;
      };
      await atOnce([
        // one reviewer rescoring three applications in three transactions: the same mean and spread
        rescore(0, 0),
        rescore(1, 0),
        rescore(2, 0),
        rescore(3, 1),
        // a fourth reviewer submitting, or stepping back, alternately
        async (tx) => {
          const app = f.apps[round % 3]!;
          const [la, lb] = levelsFor(round, 3);
          if (round % 2 === 1) {
            await tx`insert into public.review_scores (application_id, reviewer_id, round, criterion_id, level)
                     values (${app}, ${r[3]!}, 'review', ${f.a}, ${la}), (${app}, ${r[3]!}, 'review', ${f.b}, ${lb})
                     on conflict (application_id, reviewer_id, round, criterion_id) do update set level = excluded.level`;
            await tx`update public.review_assignments set status = 'submitted' where application_id = ${app} and reviewer_id = ${r[3]!}`;
          } else {
            await tx`delete from public.review_scores where application_id = ${app} and reviewer_id = ${r[3]!}`;
            await tx`update public.review_assignments set status = 'recused' where application_id = ${app} and reviewer_id = ${r[3]!}`;
          }
        },
        // the manager reweighting a criterion meanwhile
        (tx) => tx`update public.rubric_criteria set weight = ${1 + round} where id = ${f.b}`,
      ]);
      await expectFresh(f.callId);
    }
  });

  it("stay exact when a score is written while its application moves to another call", async () => {
    const [x, y] = [await fixture(3), await fixture(3)];
    await reviewAll(x, [0, 1]);
    await reviewAll(y, [0, 1]);
    // The moving application keeps its scores (on x's criteria): only its call changes.
    const moving = x.apps[0]!;
    for (let round = 1; round <= 4; round++) {
      const [from, to] = round % 2 === 1 ? [x, y] : [y, x];
      await atOnce([
        (tx) => tx`update public.review_scores set level = ${1 + (round % 5)} where application_id = ${moving} and reviewer_id = ${reviewers[0]!.id}`,
        (tx) => tx`update public.applications set call_id = ${to.callId} where id = ${moving} and call_id = ${from.callId}`,
      ]);
      await expectFresh(x.callId);
      await expectFresh(y.callId);
    }
  });
});
