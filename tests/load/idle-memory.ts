// The server's resident memory right after start, before any page (issue 17: most of the memory
// after a load is this baseline, decision 008): RSS, the JavaScript heap, and the process's
// mappings from /proc (the `node` binary's code, malloc's heap, anonymous mappings: V8's heap).
// IDLE_ROUNDS (default 2) starts; each server is on a fresh clone of the migrated, seeded database.
import { readFileSync } from "node:fs";
import { appDatabase, spawnApp } from "../support/app-server";
import { startTestPostgres } from "../support/postgres-server";
import { serverStats } from "./measure";

const ROUNDS = Number(process.env.IDLE_ROUNDS ?? 2);
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);

/** Resident kB per mapping (a file's path, `[heap]`, or `[anon]`), largest first. */
function residentByMapping(pid: number) {
  const byMapping = new Map<string, number>();
  let mapping = "";
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) mapping = header[1] || "[anon]";
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) byMapping.set(mapping, (byMapping.get(mapping) ?? 0) + Number(rss[1]));
  }
  return [...byMapping].sort((a, b) => b[1] - a[1]);
}

const pg = await startTestPostgres();
try {
  for (let round = 1; round <= ROUNDS; round++) {
    const started = performance.now();
    const app = await spawnApp({ DATABASE_URL: await appDatabase(pg.adminUrl), BENCH: "1" });
    try {
      await app.healthy();
      const ready = performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 3000)); // the start's garbage collected
      const stats = await serverStats(app.baseUrl);
      const mappings = residentByMapping(app.pid!)
        .slice(0, 3)
        .map(([name, kb]) => `${name} ${(kb / 1024).toFixed(0)}`);
      console.log(
        `start ${round}: ready in ${(ready / 1000).toFixed(1)} s, rss ${mb(stats.rss)} MB (heap ${mb(stats.heapUsed)} of ${mb(stats.heapTotal)} MB, ` +
          `code ${mb(stats.code)}, sources ${mb(stats.scriptSources)}, external ${mb(stats.external)} MB; resident MB by mapping: ${mappings.join(", ")})`,
      );
    } finally {
      await app.stop();
    }
  }
} finally {
  await pg.stop();
}
