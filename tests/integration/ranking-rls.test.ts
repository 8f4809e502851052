import { beforeAll, describe, expect, it } from "vitest";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { addCriterion, createApplication, createCall, createProgram, review } from "../support/application-factories";

// RLS of the ranking's kept totals and of the function the ranking page reads, as the users
// concerned: only the call's managers see scores; nobody writes them but the triggers.
let manager: TestUser; // manages the incubator running the call
let outsider: TestUser; // manager of another organisation
let founder: TestUser; // founder of both applicants
let reviewer: TestUser; // reviewed both applications
let callId: string;

beforeAll(async () => {
  let other: TestUser;
  [manager, outsider, founder, reviewer, other] = await Promise.all([createUser(), createUser(), createUser(), createUser(), createUser()]);
  const incubator = await createOrg();
  await addMember(incubator.id, manager.id, "manager");
  await addMember((await createOrg()).id, outsider.id, "manager");
  const call = await createCall((await createProgram(incubator.id)).id);
  callId = call.id;
  const criterion = await addCriterion(call.id, 1);
  for (const level of [2, 4]) {
    const app = await createApplication(call.id, (await createStartup(founder.id)).id, founder.id);
    await review(app, reviewer.id, [[criterion, level]]);
    await review(app, other.id, [[criterion, 6 - level]]);
  }
});

const rows = (claims: Claims | null, table: string) =>
  asUser(claims, async (tx) => Number((await tx.unsafe(`select count(*)::int as n from public.${table} where call_id = '${callId}'`))[0]!.n)).catch(
    (e: Error) => `refused: ${e.message}`,
  );
const changed = (claims: Claims, statement: string) =>
  asUser(claims, async (tx) => (await tx.unsafe(statement)).count).catch((e: Error) => `refused: ${e.message}`);

describe("ranking RLS", () => {
  const covered: Record<string, () => Promise<void>> = {
    review_totals: async () => {
      expect(await rows(manager.claims, "review_totals")).toBe(4);
      expect(await rows(reviewer.claims, "review_totals")).toBe(0); // not even their own reviews' totals
      expect(await rows(founder.claims, "review_totals")).toBe(0);
      expect(await rows(outsider.claims, "review_totals")).toBe(0);
      expect(await rows(null, "review_totals")).toMatch(/refused: errors.forbidden/);
      expect(await changed(manager.claims, `update public.review_totals set total = 100 where call_id = '${callId}'`)).toMatch(/refused: errors.forbidden/);
      expect(await changed(manager.claims, `delete from public.review_totals where call_id = '${callId}'`)).toMatch(/refused: errors.forbidden/);
    },
    application_scores: async () => {
      expect(await rows(manager.claims, "application_scores")).toBe(2);
      expect(await rows(reviewer.claims, "application_scores")).toBe(0);
      expect(await rows(founder.claims, "application_scores")).toBe(0);
      expect(await rows(outsider.claims, "application_scores")).toBe(0);
      expect(await rows(null, "application_scores")).toMatch(/refused: errors.forbidden/);
      expect(await changed(founder.claims, `update public.application_scores set raw_score = 100 where call_id = '${callId}'`)).toMatch(/refused: errors.forbidden/);
      expect(await changed(manager.claims, `insert into public.application_scores (application_id, round, call_id, reviews, raw_score) select application_id, 'interview', call_id, 1, 100 from public.application_scores where call_id = '${callId}'`)).toMatch(/refused: errors.forbidden/);
    },
  };

  for (const [table, check] of Object.entries(covered)) {
    it(`refuses the wrong user on ${table}`, check);
  }

  it("gives the ranked applications to the call's managers only", async () => {
    const ranked = (claims: Claims) => asUser(claims, (tx) => tx`select application_id, startup, rank from public.ranked_applications(${callId})`);
    expect(await ranked(manager.claims)).toHaveLength(2);
    expect(await ranked(reviewer.claims)).toHaveLength(0);
    expect(await ranked(founder.claims)).toHaveLength(0);
    expect(await ranked(outsider.claims)).toHaveLength(0);
    await expect(asUser(null, (tx) => tx`select * from public.ranked_applications(${callId})`)).rejects.toThrow(/errors.forbidden/);
  });

  it("lets no user call the functions that recompute the totals", async () => {
    expect(await changed(manager.claims, `select public.rebuild_call_ranking('${callId}')`)).toMatch(/refused: errors.forbidden/);
    expect(await changed(manager.claims, `select public.refresh_ranking('${callId}', 'review', '{}', '{}')`)).toMatch(/refused: errors.forbidden/);
    expect(await changed(manager.claims, `select public.refresh_ranking_of('{}', '{}', '{}')`)).toMatch(/refused: errors.forbidden/);
  });
});
