import { beforeAll, describe, expect, it } from "vitest";
import { asService, asUser, type Claims } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser } from "../support/factories";
import { addCriterion, createApplication, createCall, createProgram, review } from "../support/application-factories";

// Weighted and z-score totals against values computed by hand.
//
// Criteria: A weight 2 (max 5), B weight 1 (max 5). A review's total = (2·a/5 + 1·b/5)·100/3.
//   levels (5,5) → 100      (4,3) → 73.33…     (3,3) → 60      (2,1) → 33.33…    (1,1) → 20
// Reviewer R1 (harsh):  app1 (3,3)=60,  app2 (2,1)=33.33, app3 (1,1)=20   mean 37.78, sd(pop) 16.63
// Reviewer R2 (lenient): app1 (5,5)=100, app2 (4,3)=73.33, app3 (4,3)=73.33  mean 82.22, sd 12.57
// Reviewer R3 (the same total for everyone): app1..3 (3,3)=60 → z = 0 for all.
let calls: { id: string };
let reviewerClaims: Claims;
let managerClaims: Claims;
const apps: string[] = [];

beforeAll(async () => {
  const org = await createOrg();
  const program = await createProgram(org.id);
  calls = await createCall(program.id);
  const [a, b] = [await addCriterion(calls.id, 2), await addCriterion(calls.id, 1)];
  const [r1, r2, r3, founder, manager] = await Promise.all([createUser(), createUser(), createUser(), createUser(), createUser()]);
  await addMember(org.id, manager.id, "manager");
  [reviewerClaims, managerClaims] = [r1.claims, manager.claims];
  for (let i = 0; i < 3; i++) apps.push(await createApplication(calls.id, (await createStartup(founder.id)).id, founder.id));
  const levels: Record<string, [number, number][]> = {
    [r1.id]: [[3, 3], [2, 1], [1, 1]],
    [r2.id]: [[5, 5], [4, 3], [4, 3]],
    [r3.id]: [[3, 3], [3, 3], [3, 3]],
  };
  for (const [reviewer, perApp] of Object.entries(levels)) {
    for (const [i, [la, lb]] of perApp.entries()) await review(apps[i]!, reviewer, [[a, la], [b, lb]]);
  }
});

const ranking = () =>
  asService((tx) => tx<{ application_id: string; reviews: number; raw_score: string; z_score: string; rank: number; percentile: string }[]>`
    select * from public.call_ranking(${calls.id}) order by rank`);

describe("call ranking", () => {
  it("computes weighted raw totals on a 0–100 scale", async () => {
    const rows = await ranking();
    const byApp = Object.fromEntries(rows.map((r) => [r.application_id, r]));
    // app1: (60 + 100 + 60) / 3 = 73.33; app2: (33.33 + 73.33 + 60) / 3 = 55.56; app3: (20 + 73.33 + 60) / 3 = 51.11
    expect(Number(byApp[apps[0]!]!.raw_score)).toBeCloseTo(73.33, 2);
    expect(Number(byApp[apps[1]!]!.raw_score)).toBeCloseTo(55.56, 2);
    expect(Number(byApp[apps[2]!]!.raw_score)).toBeCloseTo(51.11, 2);
    expect(rows.every((r) => r.reviews === 3)).toBe(true);
  });

  it("normalises per reviewer with z-scores, a constant reviewer counting zero", async () => {
    const rows = await ranking();
    const byApp = Object.fromEntries(rows.map((r) => [r.application_id, r]));
    // R1: z = (60−37.78)/16.63 = 1.336, (33.33−37.78)/16.63 = −0.267, (20−37.78)/16.63 = −1.069
    // R2: z = (100−82.22)/12.57 = 1.414, (73.33−82.22)/12.57 = −0.707 (twice)
    // R3: 0, 0, 0.  Means: app1 (1.336+1.414+0)/3 = 0.917; app2 (−0.267−0.707)/3 = −0.325; app3 (−1.069−0.707)/3 = −0.592
    expect(Number(byApp[apps[0]!]!.z_score)).toBeCloseTo(0.917, 2);
    expect(Number(byApp[apps[1]!]!.z_score)).toBeCloseTo(-0.325, 2);
    expect(Number(byApp[apps[2]!]!.z_score)).toBeCloseTo(-0.592, 2);
  });

  it("ranks by normalised score with percentiles", async () => {
    const rows = await ranking();
    expect(rows.map((r) => r.application_id)).toEqual(apps);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(rows.map((r) => Number(r.percentile))).toEqual([100, 50, 0]);
  });

  it("answers the call's managers, and nobody else, even a reviewer of the call", async () => {
    const as = (claims: Claims) => asUser(claims, (tx) => tx`select * from public.call_ranking(${calls.id})`);
    expect(await as(managerClaims)).toHaveLength(3);
    expect(await as(reviewerClaims)).toHaveLength(0);
  });
});
