import type { PageResult } from "./measure";

const row = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");

/** The results table: each page's throughput also as a ratio to the bare route (the first row). */
export function printResults(results: PageResult[]) {
  const bare = results[0]?.rps ?? NaN;
  const header = ["page", "requests", "req/s", "p50 ms", "p95 ms", "non-2xx", "errors", "SQL/req", "vs bare"];
  const lines = results.map((r) => [
    r.name,
    String(r.completed),
    r.rps.toFixed(r.rps < 10 ? 1 : 0),
    r.p50?.toFixed(1) ?? "—", // none when no request completed in the run
    r.p95?.toFixed(1) ?? "—",
    String(r.non2xx),
    String(r.errors),
    r.statementsPerRequest.toFixed(2),
    (r.rps / bare).toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  console.log(row(header, widths));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(row(l, widths));
}

export function printDataset(counts: Record<string, number>) {
  const width = Math.max(...Object.keys(counts).map((k) => k.length));
  for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(width)}  ${n.toLocaleString("en-US").padStart(9)}`);
}
