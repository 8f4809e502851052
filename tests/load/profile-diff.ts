// Two V8 CPU profiles of the server, one page each (e.g. tests/load/floor.ts with FLOOR_PAGES="empty"
// and then "empty signed in", FLOOR_NODE_ARGS="--cpu-prof --cpu-prof-dir=<dir>"), compared in µs per
// request: each function's inclusive share of the busy time in the last PROFILE_WINDOW_S seconds
// (default 8: the load, not the warm-up) times the CPU ms per request that floor.ts printed.
// Usage: npx tsx tests/load/profile-diff.ts <a.cpuprofile> <a cpu ms/req> <b.cpuprofile> <b cpu ms/req> [rows]
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; endTime: number; startTime: number };

const [fileA, cpuA, fileB, cpuB, rowsArg] = process.argv.slice(2);
if (!fileA || !cpuA || !fileB || !cpuB) throw new Error("usage: profile-diff.ts <a> <a cpu ms/req> <b> <b cpu ms/req> [rows]");
const WINDOW_US = Number(process.env.PROFILE_WINDOW_S ?? 8) * 1e6;
const IDLE = new Set(["(idle)", "(program)"]);

function inclusive(file: string, cpuMsPerRequest: number) {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let t = p.startTime;
  for (const d of p.timeDeltas) times.push((t += d));
  const from = p.endTime - WINDOW_US;
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => {
    if (times[i]! >= from) self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const name = (n: Node) => {
    const url = n.callFrame.url;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    const at = pkg ?? (url.includes("build/server") ? "app" : url.startsWith("node:") ? url : url.replace(/^.*\/(app|tests)\//, "$1/"));
    return `${n.callFrame.functionName || "(anonymous)"} ${at}:${n.callFrame.lineNumber + 1}`;
  };
  let busy = 0;
  const incl = new Map<string, number>();
  const selfBy = new Map<string, number>();
  for (const [id, us] of self) {
    const leaf = byId.get(id)!;
    if (IDLE.has(leaf.callFrame.functionName)) continue;
    busy += us;
    selfBy.set(name(leaf), (selfBy.get(name(leaf)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = name(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + us);
    }
  }
  const perReq = (us: number) => (us / busy) * cpuMsPerRequest * 1000; // µs per request
  return { incl: new Map([...incl].map(([k, us]) => [k, perReq(us)])), self: new Map([...selfBy].map(([k, us]) => [k, perReq(us)])) };
}

const a = inclusive(fileA, Number(cpuA));
const b = inclusive(fileB, Number(cpuB));
const rows = Number(rowsArg ?? 40);
for (const kind of ["incl", "self"] as const) {
  const keys = new Set([...a[kind].keys(), ...b[kind].keys()]);
  const diff = [...keys].map((k) => [k, a[kind].get(k) ?? 0, b[kind].get(k) ?? 0] as const).sort((x, y) => y[2] - y[1] - (x[2] - x[1]));
  console.log(`\n${kind === "incl" ? "inclusive" : "self"} µs/req: A, B, B - A (largest increases)`);
  for (const [k, va, vb] of diff.slice(0, rows)) console.log(`${va.toFixed(0).padStart(6)} ${vb.toFixed(0).padStart(6)} ${(vb - va).toFixed(0).padStart(6)}  ${k}`);
}
