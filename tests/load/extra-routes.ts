// Issue 17's target "the empty page's cost stays within 10 % when 150 more routes exist", for
// `npm run bench`: a second production build with BENCH_EXTRA_ROUTES=150 (app/routes.ts) beside the
// first, then the two compared in one process (routes-cost.ts, which says why there).
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
export const EXTRA_ROUTES = 150;
const DIRECTORY = `build/with-${EXTRA_ROUTES}-routes`;

export type RoutesCost = { routes: number; moreRoutes: number; ratio: number };

export async function extraRoutesCost(log: (msg: string) => void): Promise<RoutesCost> {
  log(`\n== the empty page with ${EXTRA_ROUTES} more routes (a second build in ${DIRECTORY}, then both in one process)`);
  const env = { ...process.env, BENCH_EXTRA_ROUTES: String(EXTRA_ROUTES), BENCH_BUILD_DIRECTORY: DIRECTORY };
  await run("npx", ["remix", "vite:build"], { env, maxBuffer: 64 * 1024 * 1024 });
  const { stdout } = await run("npx", ["tsx", "tests/load/routes-cost.ts", "build", DIRECTORY], {
    env: { ...process.env, NODE_ENV: "production" }, // React's production build, as the server runs it
    maxBuffer: 16 * 1024 * 1024,
  });
  const lines = stdout.trim().split("\n");
  for (const line of lines.slice(0, -1)) log(`  ${line}`);
  return JSON.parse(lines.at(-1)!) as RoutesCost;
}
