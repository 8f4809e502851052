import postgres from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import { abstain, recuse } from "~/modules/applications/review/scoring.server";
import { decide } from "~/modules/applications/select/decisions.server";
import { rankingPage } from "~/modules/applications/select/ranking.server";
import { RankingQuerySchema, type RankingQuery } from "~/modules/applications/select/schema";
import { asService, type Tx } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { addCriterion, assign, createApplication, createCall, createProgram, review } from "../support/application-factories";

// The ranking page reads a ranking stored per call and ranked again only after a change
// (20261204100000_stored_ranking.sql, decisions/ranking-speed.md). After each kind of change, and
// after writers racing each other or a reader, the page must show exactly what ranking it per
// request showed (the query the page ran before, kept here as the reference), in every sort, and
// the stored rows must equal a ranking computed afresh.

let manager: TestUser;
let founder: TestUser;
let reviewers: TestUser[];
let orgId: string;

beforeAll(async () => {
  const users = await Promise.all(Array.from({ length: 7 }, () => createUser()));
  [manager, founder] = [users[0]!, users[1]!];
  reviewers = users.slice(2);
  orgId = (await createOrg()).id;
  await addMember(orgId, manager.id, "manager");
  for (const r of reviewers) await addMember(orgId, r.id, "reviewer");
});

type Fixture = { callId: string; apps: string[]; a: string; b: string; track: string };

/** A call with two criteria and a track, and n submitted applications (every third on the track). */
async function fixture(n: number): Promise<Fixture> {
  const call = await createCall((await createProgram(orgId)).id, { reviewsPerApplication: 2 });
  const [a, b] = [await addCriterion(call.id, 2), await addCriterion(call.id, 1)];
  const [row] = await asService(
    (tx) => tx<{ id: string }[]>`insert into public.call_tracks (call_id, name_vi, name_en) values (${call.id}, 'Nông nghiệp', 'Agriculture') returning id`,
  );
  const track = row!.id;
  const apps: string[] = [];
  for (let i = 0; i < n; i++) {
    const app = await createApplication(call.id, (await createStartup(founder.id)).id, founder.id);
    if (i % 3 === 0) await asService((tx) => tx`update public.applications set track_id = ${track} where id = ${app}`);
    apps.push(app);
  }
  return { callId: call.id, apps, a, b, track };
}

/** Reviewers 0–2 score every application; reviewer 2 gives everyone the same (ties in rank). */
async function reviewAll(f: Fixture) {
  for (const [i, app] of f.apps.entries()) {
    for (const r of [0, 1, 2]) {
      const levels = r === 2 ? [3, 3] : [1 + ((i * 3 + r) % 5), 1 + ((i + r * 2) % 5)];
      await review(app, reviewers[r]!.id, [[f.a, levels[0]!], [f.b, levels[1]!]]);
    }
  }
}

/** The page's query before the ranking was stored: ranked_applications() per request. */
async function referencePage(callId: string, q: RankingQuery) {
  const [call] = await asService((tx) => tx<{ threshold: string | null }[]>`select shortlist_threshold as threshold from public.calls where id = ${callId}`);
  const track = q.track || null;
  const stage = q.stage || null;
  const eligible = q.eligible === "yes" ? true : q.eligible === "no" ? false : null;
  const decision = q.decision && q.decision !== "none" ? q.decision : null;
  const undecided = q.decision === "none";
  return asService(async (tx) => {
    const order = (() => {
      const desc = q.dir === "desc";
      switch (q.sort) {
        case "raw":
          return desc ? tx`r.raw_score desc nulls last` : tx`r.raw_score asc nulls first`;
        case "z":
          return desc ? tx`r.z_score desc nulls last` : tx`r.z_score asc nulls first`;
        case "reviews":
          return desc ? tx`r.reviews desc` : tx`r.reviews asc`;
        case "startup":
          return desc ? tx`r.startup desc` : tx`r.startup asc`;
        case "code":
          return desc ? tx`r.code desc` : tx`r.code asc`;
        default:
          return desc ? tx`r.rank desc` : tx`r.rank asc`;
      }
    })();
    const rows = await tx`
      with page as (
      select row_number() over (order by ${order}, r.code) as ord, r.application_id as id, r.code, r.startup,
             case when r.track_id is null then null else json_build_object('vi', r.track_vi, 'en', r.track_en) end as track,
             r.stage, r.eligible, r.decision, p.decision as "pendingDecision", r.offer_expires_at as "offerExpiresAt",
             r.offer_response as "offerResponse", r.feedback_released as "feedbackReleased", r.reviews,
             r.raw_score::text as "rawScore", r.z_score::text as "zScore", r.rank, r.percentile::text as percentile,
             coalesce(r.raw_score >= ${call!.threshold}::numeric, false) as shortlisted, count(*) over ()::int as total
        from public.ranked_applications(${callId}) r
        left join public.pending_decisions p on p.application_id = r.application_id and p.call_id = ${callId}
       where (${track}::uuid is null or r.track_id = ${track})
         and (${stage}::public.app_stage is null or r.stage = ${stage})
         and (${eligible}::boolean is null or r.eligible is not distinct from ${eligible})
         and (${decision}::public.app_decision is null or coalesce(p.decision, r.decision) = ${decision})
         and (not ${undecided} or coalesce(p.decision, r.decision) is null)
         and (${q.minScore ?? null}::numeric is null or r.raw_score >= ${q.minScore ?? null})
       order by ${order}, r.code
       limit 50 offset ${(q.page - 1) * 50}
      )
      select page.*, coalesce(w.normalised, 0) as normalised, coalesce(w.pending, 0) as pending,
             coalesce(w.recused, 0) as recused, coalesce(w.abstained, 0) as abstained
        from page left join public.ranking_review_counts(${callId}, array(select id from page)) w on w.application_id = page.id
       order by page.ord`;
    return { total: (rows[0]?.total as number | undefined) ?? 0, rows: rows.map(({ ord: _o, total: _t, ...r }) => r) };
  });
}

const query = (q: Record<string, string>) => RankingQuerySchema.parse(q);
const SORTS = ["rank", "raw", "z", "reviews", "startup", "code"] as const;

/** The manager's page, with numbers as the database wrote them, in the reference's shape. */
async function shownPage(callId: string, q: RankingQuery) {
  const page = await rankingPage(manager.claims, callId, q);
  return {
    total: page.total,
    rows: page.rows.map(({ caution: _c, rawScore, zScore, percentile, ...r }) => ({ ...r, rawScore, zScore, percentile })),
  };
}

const asNumbers = (rows: Record<string, unknown>[]) =>
  rows.map((r) => ({
    ...r,
    rawScore: r.rawScore == null ? null : Number(r.rawScore),
    zScore: r.zScore == null ? null : Number(r.zScore),
    percentile: Number(r.percentile),
  }));

/** Every sort in both directions, and the filters given, show what ranking per request showed. */
async function expectSamePages(callId: string, filters: Record<string, string>[] = [{}]) {
  for (const f of filters) {
    for (const sort of SORTS) {
      for (const dir of ["asc", "desc"]) {
        const q = query({ ...f, sort, dir });
        const ref = await referencePage(callId, q);
        expect(await shownPage(callId, q), `${JSON.stringify(f)} ${sort} ${dir}`).toEqual({ total: ref.total, rows: asNumbers(ref.rows) });
      }
    }
  }
}

/** The stored rows equal a ranking computed afresh (numerics as text, scale included). */
async function expectStoredFresh(callId: string) {
  await rankingPage(manager.claims, callId, query({}));
  const { stored, fresh, stamp } = await asService(async (tx) => ({
    stored: await tx`
      select application_id, code, startup, reviews, normalised, pending, recused, abstained,
             raw_score::text, z_score::text, rank, percentile::text
        from public.ranking_rows where call_id = ${callId} order by application_id`,
    fresh: await tx`
      select r.application_id, r.code, r.startup, r.reviews, coalesce(w.normalised, 0) as normalised,
             coalesce(w.pending, 0) as pending, coalesce(w.recused, 0) as recused, coalesce(w.abstained, 0) as abstained,
             r.raw_score::text, r.z_score::text, r.rank, r.percentile::text
        from public.ranked_applications(${callId}) r
        left join public.ranking_review_counts(${callId}, array(select application_id from public.ranked_applications(${callId}))) w
          using (application_id)
       order by r.application_id`,
    stamp: await tx<{ applications: number }[]>`select applications from public.ranking_stamps where call_id = ${callId}`,
  }));
  expect(stored.map((r) => ({ ...r }))).toEqual(fresh.map((r) => ({ ...r })));
  expect(stamp.map((s) => s.applications)).toEqual([fresh.length]);
}

/** Whether the stored ranking waits to be ranked again (a committed change it does not hold). */
const stale = async (callId: string) =>
  (await asService((tx) => tx<{ n: number }[]>`select count(*)::int as n from public.ranking_changes where call_id = ${callId}`))[0]!.n > 0;

/** Runs `change`, then checks it made the stored ranking stale and that the page shows the change. */
async function afterChange(f: Fixture, change: () => Promise<unknown>) {
  expect(await stale(f.callId)).toBe(false);
  await change();
  expect(await stale(f.callId)).toBe(true);
  await expectStoredFresh(f.callId);
  expect(await stale(f.callId)).toBe(false);
  await expectSamePages(f.callId);
}

const service = (sql: (tx: Tx) => Promise<unknown>) => () => asService(sql);

describe("the stored ranking", () => {
  it("shows every sort, filter and page as ranking per request did, ties included", async () => {
    const f = await fixture(7);
    await reviewAll(f);
    await asService((tx) => tx`update public.calls set shortlist_threshold = 50 where id = ${f.callId}`);
    await asService((tx) => tx`update public.applications set stage = 'interview', eligible = false where id = ${f.apps[1]!}`);
    await asService((tx) => tx`update public.applications set decision = 'rejected' where id = ${f.apps[2]!}`);
    await asService((tx) => tx`insert into public.pending_decisions (application_id, call_id, decision) values (${f.apps[3]!}, ${f.callId}, 'waitlisted')`);
    await expectSamePages(f.callId, [
      {},
      { track: f.track },
      { stage: "interview" },
      { eligible: "no" },
      { eligible: "yes" },
      { decision: "waitlisted" },
      { decision: "rejected" },
      { decision: "none" },
      { minScore: "55" },
      { page: "2" },
    ]);
    await expectStoredFresh(f.callId);
  });

  it("is ranked again after each kind of change that moves it, and only then", async () => {
    const f = await fixture(6);
    await reviewAll(f);
    await expectStoredFresh(f.callId);
    const [app0, app1, app2, app3, app4] = f.apps as [string, string, string, string, string];
    const r = reviewers.map((u) => u.id);

    // A score changed, a review submitted, an assignment added (pending), a recusal, an abstention.
    await afterChange(f, service((tx) => tx`update public.review_scores set level = 5 where application_id = ${app0} and reviewer_id = ${r[0]!}`));
    await afterChange(f, () => review(app1, r[3]!, [[f.a, 5], [f.b, 5]]));
    await afterChange(f, () => assign(app2, r[4]!));
    await afterChange(f, () => recuse(reviewers[4]!.claims, app2, null, "Advised the founders"));
    await afterChange(f, () => assign(app3, r[4]!));
    await afterChange(f, () => abstain(reviewers[4]!.claims, app3, null, "Outside my field"));
    // A review reopened (no longer counted) and removed.
    await afterChange(f, service((tx) => tx`update public.review_assignments set status = 'assigned' where application_id = ${app1} and reviewer_id = ${r[3]!}`));
    await afterChange(f, service((tx) => tx`delete from public.review_assignments where application_id = ${app1} and reviewer_id = ${r[3]!}`));
    // The call's z minimum, a criterion's weight.
    await afterChange(f, service((tx) => tx`update public.calls set z_min_reviews = 7 where id = ${f.callId}`));
    await afterChange(f, service((tx) => tx`update public.rubric_criteria set weight = 5 where id = ${f.b}`));
    // An application withdrawn, one more submitted, a startup renamed (it sorts by name), one deleted.
    await afterChange(f, service((tx) => tx`update public.applications set status = 'withdrawn' where id = ${app4}`));
    await afterChange(f, async () => f.apps.push(await createApplication(f.callId, (await createStartup(founder.id)).id, founder.id)));
    await afterChange(f, service((tx) => tx`update public.startups set name = 'Aaa first' where id = (select startup_id from public.applications where id = ${app3})`));
    await afterChange(f, service((tx) => tx`delete from public.applications where id = ${app4}`));

    // Decisions, stages and a comment are read live: the page shows them without ranking again.
    const ranked = await asService((tx) => tx`select ranked_at from public.ranking_stamps where call_id = ${f.callId}`);
    expect(await decide(manager.claims, f.callId, [app0], "accepted", { includeMessage: true, releaseFeedback: false, confirmWarnings: true })).toMatchObject({
      kind: "done",
      changed: 1,
    });
    await asService((tx) => tx`update public.applications set stage = 'interview' where id = ${app1}`);
    await asService((tx) => tx`update public.review_scores set comment = 'Clear market' where application_id = ${app2}`);
    expect(await stale(f.callId)).toBe(false);
    await expectSamePages(f.callId, [{}, { decision: "accepted" }, { stage: "interview" }]);
    expect(await asService((tx) => tx`select ranked_at from public.ranking_stamps where call_id = ${f.callId}`)).toEqual(ranked);
  });

  it("holds both of two score saves committed at once", async () => {
    const f = await fixture(4);
    await reviewAll(f);
    await expectStoredFresh(f.callId);
    const [app0, app1] = f.apps as [string, string];
    await atOnce([
      (tx) => saveReview(tx, app0, reviewers[3]!.id, f, [5, 5]),
      (tx) => saveReview(tx, app1, reviewers[4]!.id, f, [1, 1]),
    ]);
    expect(await stale(f.callId)).toBe(true);
    await expectStoredFresh(f.callId);
    const page = await rankingPage(manager.claims, f.callId, query({}));
    expect(page.rows.find((x) => x.id === app0)!.reviews).toBe(4);
    expect(page.rows.find((x) => x.id === app1)!.reviews).toBe(4);
    await expectSamePages(f.callId);
  });

  it("ranked by a reader while a score save is still running, is ranked again once it commits", async () => {
    const f = await fixture(4);
    await reviewAll(f);
    await expectStoredFresh(f.callId);
    const [app0, app1] = f.apps as [string, string];
    // A committed change the reader will rank, then a save the reader cannot see yet.
    await review(app1, reviewers[3]!.id, [[f.a, 1], [f.b, 1]]);
    const before = await referencePage(f.callId, query({}));
    await asService(async (tx) => {
      await saveReview(tx, app0, reviewers[4]!.id, f, [5, 5]);
      // Another connection: the reader neither waits for this writer nor sees its scores.
      const during = await shownPage(f.callId, query({}));
      expect(during).toEqual({ total: before.total, rows: asNumbers(before.rows) });
    });
    expect(await stale(f.callId)).toBe(true);
    await expectStoredFresh(f.callId);
    expect((await rankingPage(manager.claims, f.callId, query({}))).rows.find((x) => x.id === app0)!.reviews).toBe(4);
  });

  it("gives nobody but the call's managers a row", async () => {
    const f = await fixture(2);
    await reviewAll(f);
    const page = (who: TestUser) =>
      asService(async (tx) => {
        await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify(who.claims)}, true)`;
        return tx`select id from public.ranking_page(${f.callId}, 'rank', false, null, null, null, null, false, null, null, 50, 0)`;
      });
    expect(await page(manager)).toHaveLength(2);
    expect(await page(reviewers[0]!)).toHaveLength(0);
    expect(await page(founder)).toHaveLength(0);
  });
});

/** A reviewer's scores saved and submitted, as the review page does, in the given transaction. */
async function saveReview(tx: Tx, app: string, reviewer: string, f: Fixture, levels: [number, number]) {
  await tx`insert into public.review_assignments (application_id, reviewer_id, status, submitted_at) values (${app}, ${reviewer}, 'submitted', now())`;
  await tx`insert into public.review_scores (application_id, reviewer_id, round, criterion_id, level)
           values (${app}, ${reviewer}, 'review', ${f.a}, ${levels[0]}), (${app}, ${reviewer}, 'review', ${f.b}, ${levels[1]})`;
}

/**
 * Runs each writer in its own transaction and connection, all released at once: each opens its
 * transaction and waits on a gate (an advisory lock held here) until every one of them waits.
 */
async function atOnce(writers: ((tx: Tx) => Promise<unknown>)[]) {
  const gateDb = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const gate = await gateDb.reserve();
    await gate`select pg_advisory_lock(4343)`;
    const running = writers.map((work) =>
      asService(async (tx) => {
        await tx`select pg_advisory_xact_lock_shared(4343)`;
        await work(tx);
      }),
    );
    await expect
      .poll(async () => (await gate`select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = 4343 and not granted`)[0]!.n, {
        timeout: 10_000,
      })
      .toBe(writers.length);
    await gate`select pg_advisory_unlock(4343)`;
    gate.release();
    await Promise.all(running);
  } finally {
    await gateDb.end();
  }
}
