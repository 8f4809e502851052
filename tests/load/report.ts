import type { RoutesCost } from "./extra-routes";
import type { Page, PageResult } from "./measure";

// Issue 17's targets that are the same for every page.
export const TARGETS = { p95Ms: 50, readPageJsKb: 110, formPageJsKb: 140, rssMb: 300, moreRoutesCost: 1.1 };

const row = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
const kb = (bytes: number | undefined) => (bytes === undefined ? "—" : (bytes / 1000).toFixed(1));

function table(header: string[], lines: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  console.log(row(header, widths));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(row(l, widths));
}

/** The results table: each page's throughput also as a ratio to the bare route's (`bare`, req/s). */
export function printResults(results: PageResult[], pages: Page[], jsBytes: Map<string, number>, bare: number) {
  const header = ["page", "requests", "req/s", "p50 ms", "p95 ms", "non-2xx", "errors", "SQL/req", "CPU ms/req", "PG ms/req", "vs bare", "JS kB"];
  const lines = results.map((r, i) => [
    r.name,
    String(r.completed),
    r.rps.toFixed(r.rps < 10 ? 1 : 0),
    r.p50?.toFixed(1) ?? "—", // none when no request completed in the run
    r.p95?.toFixed(1) ?? "—",
    String(r.non2xx),
    String(r.errors),
    r.statementsPerRequest.toFixed(2),
    r.cpuMsPerRequest.toFixed(2),
    Number.isNaN(r.pgMsPerRequest) ? "—" : r.pgMsPerRequest.toFixed(2),
    (r.rps / bare).toFixed(2),
    isDocument(pages[i]) ? kb(jsBytes.get(r.path)) : "—",
  ]);
  table(header, lines);
}

// The bare route, /healthz and the stats route are plain text, and a form post answers a redirect: no JavaScript, no shell.
export const isDocument = (page: Page | undefined) => !!page && !page.post && !/^\/(bench\/bare|healthz)$/.test(page.path);

/** Every target of issue 17 with its figure and whether it holds; true when all hold. */
export function printTargets(results: PageResult[], pages: Page[], jsBytes: Map<string, number>, bare: number, rss: number, routesCost?: RoutesCost): boolean {
  const lines: string[][] = [];
  const add = (what: string, figure: string, target: string, holds: boolean) => lines.push([what, figure, target, holds ? "yes" : "NO"]);
  results.forEach((r, i) => {
    const page = pages[i]!;
    if (page.target !== undefined) add(`${r.name}: vs bare`, (r.rps / bare).toFixed(2), `≥ ${page.target}`, r.rps / bare >= page.target);
  });
  for (const r of results.slice(1)) add(`${r.name}: p95`, `${r.p95?.toFixed(1) ?? "—"} ms`, `< ${TARGETS.p95Ms} ms`, r.p95 < TARGETS.p95Ms);
  results.forEach((r, i) => {
    const page = pages[i]!;
    const bytes = jsBytes.get(r.path);
    if (!isDocument(page) || bytes === undefined) return;
    const limit = page.form ? TARGETS.formPageJsKb : TARGETS.readPageJsKb;
    add(`${r.name}: JS (${page.form ? "form" : "read"} page)`, `${kb(bytes)} kB`, `≤ ${limit} kB`, bytes <= limit * 1000);
  });
  add("server resident memory after the bench", `${(rss / 1e6).toFixed(0)} MB`, `< ${TARGETS.rssMb} MB`, rss < TARGETS.rssMb * 1e6);
  if (routesCost) {
    const { routes, moreRoutes, ratio } = routesCost;
    add(`empty page's CPU, ${moreRoutes} routes vs ${routes}`, ratio.toFixed(3), `≤ ${TARGETS.moreRoutesCost}`, ratio <= TARGETS.moreRoutesCost);
  }
  console.log("Targets (issue 17):");
  table(["target", "figure", "needs", "holds"], lines);
  return lines.every((l) => l[3] === "yes");
}

export function printDataset(counts: Record<string, number>) {
  const width = Math.max(...Object.keys(counts).map((k) => k.length));
  for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(width)}  ${n.toLocaleString("en-US").padStart(9)}`);
}
