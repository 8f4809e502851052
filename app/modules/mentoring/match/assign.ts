import highsLoader, { type Highs } from "highs";

// The cohort-wide assignment: which mentor works with which startup so that the total match score
// is as high as it can be, with every mentor within capacity, no excluded pair (a conflict of
// interest), and each startup given at most k mentors. Why a solver and not a greedy pass:
// decisions/002-assignment-solver.md.
//
// The model: one variable x[s,m] in [0, 1] per allowed pair with a positive score; maximise
// Σ score·x subject to Σ_m x[s,m] ≤ k for each startup and Σ_s x[s,m] ≤ capacity(m) for each mentor.
// Its matrix is the incidence matrix of a bipartite graph, which is totally unimodular, so the
// simplex method ends on an integral optimum: the linear programme answers the integer question.

export type AssignmentProblem = {
  /** scores[s][m]: how well mentor m fits startup s (0 or less: never worth assigning). */
  scores: readonly (readonly number[])[];
  /** Startups each mentor can take at once. */
  capacity: readonly number[];
  /** Pairs [startup, mentor] that must not be matched (conflicts of interest). */
  excluded: readonly (readonly [number, number])[];
  /** Mentors per startup, at most. */
  perStartup: number;
};

export type Assignment = { pairs: [number, number][]; total: number };

let loading: Promise<Highs> | undefined;
/** HiGHS as WebAssembly, loaded once per process from the package's own wasm file (no network). */
const solver = () => (loading ??= highsLoader());

export async function assignMentors(problem: AssignmentProblem): Promise<Assignment> {
  const { scores, capacity, perStartup } = problem;
  const startups = scores.length;
  const mentors = capacity.length;
  const banned = new Set(problem.excluded.map(([s, m]) => s * mentors + m));

  // the candidate pairs, column by column (CSC: each column has its startup row and its mentor row)
  const cols: [number, number][] = [];
  for (let s = 0; s < startups; s++) {
    for (let m = 0; m < mentors; m++) {
      if (scores[s]![m]! > 0 && capacity[m]! > 0 && !banned.has(s * mentors + m)) cols.push([s, m]);
    }
  }
  if (cols.length === 0 || perStartup <= 0) return { pairs: [], total: 0 };

  const highs = await solver();
  const n = cols.length;
  const starts = new Int32Array(n + 1);
  const indices = new Int32Array(2 * n);
  const values = new Float64Array(2 * n).fill(1);
  const cost = new Float64Array(n);
  cols.forEach(([s, m], j) => {
    starts[j + 1] = 2 * (j + 1);
    indices[2 * j] = s;
    indices[2 * j + 1] = startups + m;
    cost[j] = scores[s]![m]!;
  });
  const rows = startups + mentors;
  const rowUpper = new Float64Array(rows);
  rowUpper.fill(perStartup, 0, startups);
  capacity.forEach((c, m) => (rowUpper[startups + m] = c));

  const chosen = highs.withModel(
    {
      numCols: n,
      numRows: rows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: cost,
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(1),
      rowLower: new Float64Array(rows).fill(-highs.infinity),
      rowUpper,
      matrix: { format: "csc", numRows: rows, numCols: n, starts, indices, values },
    },
    (model) => {
      // presolve finds nothing to remove in this model and costs about a third of the time at 500 × 200
      model.options.set({ output_flag: false, solver: "simplex", presolve: "off" });
      model.run();
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) throw new Error(`assignment: solver status ${model.getModelStatus()}`);
      return model.getSolution().colValue;
    },
  );

  const pairs: [number, number][] = [];
  let total = 0;
  chosen.forEach((x, j) => {
    // a vertex of this polytope is 0 or 1; anything else would be a bug worth failing loudly on
    if (Math.abs(x - Math.round(x)) > 1e-6) throw new Error(`assignment: fractional value ${x}`);
    if (Math.round(x) === 1) {
      pairs.push(cols[j]!);
      total += cost[j]!;
    }
  });
  return { pairs, total };
}
