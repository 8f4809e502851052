// p50/p95 of a few pages at 10 connections, as ratios to the bare route of the same run: on a
// shared machine the absolute figures move with its load, the ratios less (issue 17). For A/B of
// two builds, run it in each alternately. LATENCY_SECONDS (default 5) per page, LATENCY_ROUNDS
// (default 2) passes over the pages.
import { appDatabase, spawnApp } from "../support/app-server";
import { startTestPostgres } from "../support/postgres-server";
import { measurePage, type Page } from "./measure";
import { signIn } from "./session";

const SECONDS = Number(process.env.LATENCY_SECONDS ?? 5);
const ROUNDS = Number(process.env.LATENCY_ROUNDS ?? 2);

const pg = await startTestPostgres();
const app = await spawnApp({ DATABASE_URL: await appDatabase(pg.adminUrl), BENCH: "1" });
try {
  await app.healthy();
  const cookie = await signIn(app.baseUrl, "manager@demo.binhduong.example", "demo-password-2026", "Trần Thị Mai");
  const pages: Page[] = [
    { name: "bare", path: "/bench/bare" },
    { name: "empty manager", path: "/bench/empty", cookie },
    { name: "/orgs manager", path: "/orgs", cookie },
  ];
  for (let round = 1; round <= ROUNDS; round++) {
    let bare: { p50: number; p95: number } | undefined;
    for (const page of pages) {
      const r = await measurePage(app.baseUrl, page, { connections: 10, durationSec: SECONDS });
      bare ??= r;
      console.log(
        `round ${round} ${page.name.padEnd(15)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  ` +
          `p50/bare ${(r.p50 / bare.p50).toFixed(2)}  p95/bare ${(r.p95 / bare.p95).toFixed(2)}  ${r.cpuMsPerRequest.toFixed(2)} CPU ms/req`,
      );
    }
  }
} finally {
  await app.stop();
  await pg.stop();
}
