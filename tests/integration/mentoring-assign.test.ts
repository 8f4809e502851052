import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignMentors, type AssignmentProblem } from "~/modules/mentoring/match/assign";
import { explainScore, matchScore } from "~/modules/mentoring/match/score";
import "~/modules/mentoring/strings";
import { tFor } from "~/platform/i18n/i18n";

// The cohort-wide assignment (pure, HiGHS as WebAssembly) against exhaustive search, and the
// explainable score.

/** The best total by trying every set of pairs that keeps to the rules: fine for a few cells. */
function exhaustive(p: AssignmentProblem): number {
  const startups = p.scores.length;
  const mentors = p.capacity.length;
  const banned = new Set(p.excluded.map(([s, m]) => `${s}:${m}`));
  const cells: [number, number][] = [];
  for (let s = 0; s < startups; s++) for (let m = 0; m < mentors; m++) if (!banned.has(`${s}:${m}`)) cells.push([s, m]);
  let best = 0;
  const perStartup = new Array<number>(startups).fill(0);
  const perMentor = new Array<number>(mentors).fill(0);
  const walk = (i: number, total: number) => {
    if (i === cells.length) {
      best = Math.max(best, total);
      return;
    }
    walk(i + 1, total);
    const [s, m] = cells[i]!;
    if (perStartup[s]! < p.perStartup && perMentor[m]! < p.capacity[m]!) {
      perStartup[s]!++;
      perMentor[m]!++;
      walk(i + 1, total + p.scores[s]![m]!);
      perStartup[s]!--;
      perMentor[m]!--;
    }
  };
  walk(0, 0);
  return best;
}

/** Pairs keep to capacity, k per startup and exclusions, and their scores add up to the total. */
function expectValid(p: AssignmentProblem, pairs: [number, number][], total: number) {
  const banned = new Set(p.excluded.map(([s, m]) => `${s}:${m}`));
  expect(new Set(pairs.map(([s, m]) => `${s}:${m}`)).size).toBe(pairs.length);
  for (const [s, m] of pairs) expect(banned.has(`${s}:${m}`)).toBe(false);
  p.capacity.forEach((c, m) => expect(pairs.filter((x) => x[1] === m).length).toBeLessThanOrEqual(c));
  p.scores.forEach((_, s) => expect(pairs.filter((x) => x[0] === s).length).toBeLessThanOrEqual(p.perStartup));
  expect(pairs.reduce((sum, [s, m]) => sum + p.scores[s]![m]!, 0)).toBe(total);
}

const problems = fc
  .record({ startups: fc.integer({ min: 1, max: 4 }), mentors: fc.integer({ min: 1, max: 3 }) })
  .chain(({ startups, mentors }) =>
    fc.record({
      scores: fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: mentors, maxLength: mentors }), { minLength: startups, maxLength: startups }),
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: mentors, maxLength: mentors }),
      excluded: fc.array(fc.tuple(fc.integer({ min: 0, max: startups - 1 }), fc.integer({ min: 0, max: mentors - 1 })), { maxLength: 4 }),
      perStartup: fc.integer({ min: 1, max: 3 }),
    }),
  );

describe("the cohort-wide assignment", () => {
  it("equals exhaustive search on random small instances, and keeps to every rule", async () => {
    await fc.assert(
      fc.asyncProperty(problems, async (p) => {
        const { pairs, total } = await assignMentors(p);
        expectValid(p, pairs, total);
        expect(total).toBe(exhaustive(p));
      }),
      { numRuns: 300 },
    );
  });

  it("beats the greedy choice where taking the best pair first loses", async () => {
    // greedy takes startup 0 with mentor 0 (10), leaving startup 1 with nobody: 10. Best: 9 + 8.
    const p = { scores: [[10, 9], [8, 0]], capacity: [1, 1], excluded: [], perStartup: 1 };
    expect(await assignMentors(p)).toEqual({ pairs: [[0, 1], [1, 0]], total: 17 });
  });

  it("never proposes an excluded pair or a full mentor, even when they score best", async () => {
    const p = { scores: [[100, 1], [100, 1], [100, 1]], capacity: [1, 5], excluded: [[0, 0]] as [number, number][], perStartup: 1 };
    const { pairs } = await assignMentors(p);
    expect(pairs.filter(([, m]) => m === 0)).toHaveLength(1);
    expect(pairs).not.toContainEqual([0, 0]);
    expect(pairs).toHaveLength(3);
  });

  it("answers an empty cohort and mentors without room with no pairs", async () => {
    expect(await assignMentors({ scores: [], capacity: [2], excluded: [], perStartup: 2 })).toEqual({ pairs: [], total: 0 });
    expect(await assignMentors({ scores: [[50]], capacity: [0], excluded: [], perStartup: 2 })).toEqual({ pairs: [], total: 0 });
  });
});

describe("the match score", () => {
  const mentor = { expertise: ["marketing", "sales", "finance"], sectors: ["Agritech"], languages: ["vi", "en"], stages: ["mvp", "seed"] as const };

  it("adds up its parts and says what matched", () => {
    const score = matchScore({ ...mentor, stages: [...mentor.stages] }, { expertise: ["marketing", "legal"], sector: "agritech", languages: ["en"], stage: "seed" });
    expect(score.parts).toEqual([
      { key: "expertise", points: 25, max: 50, matched: ["marketing"] },
      { key: "sector", points: 20, max: 20, matched: ["agritech"] },
      { key: "language", points: 20, max: 20, matched: ["en"] },
      { key: "stage", points: 10, max: 10, matched: ["seed"] },
    ]);
    expect(score.total).toBe(75);
  });

  it("gives nothing for no shared language or sector, and half the stage to a mentor of any stage", () => {
    const score = matchScore({ expertise: [], sectors: [], languages: ["nl"], stages: [] }, { expertise: ["sales"], sector: "Fintech", languages: ["vi"], stage: "idea" });
    expect(score.parts.map((p) => p.points)).toEqual([0, 0, 0, 5]);
    expect(score.total).toBe(5);
  });

  it("explains itself in Vietnamese and English", () => {
    const score = matchScore({ ...mentor, stages: [...mentor.stages] }, { expertise: ["sales"], sector: "Edtech", languages: ["vi"], stage: "idea" });
    expect(explainScore(score, tFor("en"))).toEqual([
      "Match score 70 of 100",
      "Expertise: 50 of 50 (sales)",
      "Sector: 0 of 20 (nothing in common)",
      "Language: 20 of 20 (vi)",
      "Stage: 0 of 10 (nothing in common)",
    ]);
    expect(explainScore(score, tFor("vi"))[0]).toBe("Điểm phù hợp 70/100");
    expect(explainScore(score, tFor("vi"))[2]).toBe("Lĩnh vực: 0/20 (không có điểm chung)");
  });
});
