// Balanced reviewer assignment as a pure decision: given who may review what and what is already
// assigned, choose the new (application, reviewer) pairs. No database here, so it is easy to test.

export type PlanInput = {
  applications: string[];
  reviewers: string[];
  /**
   * Existing assignments of this call's round. Inactive ones (recused or abstained: the reviewer
   * gave no score and never will) still block the pair but do not count, so the gap they leave is
   * filled by someone else.
   */
  existing: { applicationId: string; reviewerId: string; inactive: boolean }[];
  /** Pairs that must never be assigned (member, colleague or mentor of the startup). */
  conflicts: { applicationId: string; reviewerId: string }[];
  perApplication: number;
};

export type Plan = { pairs: { applicationId: string; reviewerId: string }[]; short: { applicationId: string; missing: number }[] };

const key = (a: string, r: string) => `${a}|${r}`;

/**
 * Greedy least-loaded: each application takes reviewers until it has N (the most constrained
 * applications choose first), always the reviewer with the fewest assignments so far, never a
 * conflicted or already assigned one. Loads end within one of each other unless conflicts force
 * otherwise; an application that cannot reach N is reported as short.
 */
export function planAssignments(input: PlanInput): Plan {
  const taken = new Set(input.existing.map((e) => key(e.applicationId, e.reviewerId)));
  const blocked = new Set(input.conflicts.map((c) => key(c.applicationId, c.reviewerId)));
  const load = new Map(input.reviewers.map((r) => [r, 0]));
  const have = new Map(input.applications.map((a) => [a, 0]));
  for (const e of input.existing) {
    if (e.inactive) continue;
    if (load.has(e.reviewerId)) load.set(e.reviewerId, load.get(e.reviewerId)! + 1);
    if (have.has(e.applicationId)) have.set(e.applicationId, have.get(e.applicationId)! + 1);
  }
  const candidates = (a: string) => input.reviewers.filter((r) => !taken.has(key(a, r)) && !blocked.has(key(a, r)));
  const order = [...input.applications].sort(
    (x, y) => candidates(x).length - candidates(y).length || have.get(x)! - have.get(y)! || (x < y ? -1 : x > y ? 1 : 0),
  );
  const pairs: Plan["pairs"] = [];
  const short: Plan["short"] = [];
  for (const a of order) {
    const need = input.perApplication - have.get(a)!;
    if (need <= 0) continue;
    const chosen = candidates(a)
      .sort((x, y) => load.get(x)! - load.get(y)! || (x < y ? -1 : x > y ? 1 : 0))
      .slice(0, need);
    for (const r of chosen) {
      pairs.push({ applicationId: a, reviewerId: r });
      load.set(r, load.get(r)! + 1);
      taken.add(key(a, r));
    }
    if (chosen.length < need) short.push({ applicationId: a, missing: need - chosen.length });
  }
  return { pairs, short };
}
