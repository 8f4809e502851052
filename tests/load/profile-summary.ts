// Summarises a V8 CPU profile of the server (`node --cpu-prof`): busy time by package, the
// functions that spend most of it themselves, and the time spent inside a few functions of interest.
// Usage: npx tsx tests/load/profile-summary.ts <file.cpuprofile> [function names...]
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, ...watched] = process.argv.slice(2);
if (!file) throw new Error("usage: profile-summary.ts <file.cpuprofile> [function names...]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const IDLE = new Set(["(idle)", "(program)"]);
const where = (n: Node) => {
  const url = n.callFrame.url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.includes("build/server")) return "app (server build)";
  if (url.startsWith("node:")) return "node";
  return url ? url.replace(/^.*\/(app|tests)\//, "$1/") : n.callFrame.functionName || "(native)";
};

let busy = 0;
const packages = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  if (IDLE.has(n.callFrame.functionName)) continue;
  busy += us;
  packages.set(where(n), (packages.get(where(n)) ?? 0) + us);
  const fn = `${n.callFrame.functionName || "(anonymous)"} ${where(n)}:${n.callFrame.lineNumber + 1}`;
  functions.set(fn, (functions.get(fn) ?? 0) + us);
}

// Inclusive time of each watched name, counted once per sample even when the function recurses.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inside = new Map<string, number>(watched.map((w) => [w, 0]));
for (const [id, us] of self) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = byId.get(at)!.callFrame.functionName;
    if (inside.has(name) && !seen.has(name)) {
      seen.add(name);
      inside.set(name, inside.get(name)! + us);
    }
  }
}

const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`busy ${(busy / 1000).toFixed(0)} ms`);
console.log("\nself time by package:");
for (const [k, us] of top(packages, 15)) console.log(`  ${pct(us)}  ${k}`);
console.log("\nfunctions by self time:");
for (const [k, us] of top(functions, 25)) console.log(`  ${pct(us)}  ${k}`);
if (watched.length) {
  console.log("\ntime inside (self + callees):");
  for (const [k, us] of inside) console.log(`  ${pct(us)}  ${k}`);
}
