// What 150 more routes cost the empty page (issue 17), without the network or the machine's other
// work in the way: the Remix handlers of two production builds in one process, /bench/empty
// through each in alternating blocks, CPU time per request, medians.
// `npm run bench` runs it (tests/load/extra-routes.ts); by hand, with two builds:
//   NODE_ENV=production npx tsx tests/load/routes-cost.ts build build/with-150-routes
// The last line printed is the result as JSON.
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";

process.env.BENCH = "1"; // the bench's routes answer only then
const [plainDir, moreDir] = process.argv.slice(2);
if (!plainDir || !moreDir) throw new Error("usage: routes-cost.ts <build directory> <build directory with more routes>");
const BLOCKS = Number(process.env.BLOCKS ?? 16);
const PER_BLOCK = 500;

const handler = async (dir: string) => {
  const build = (await import(path.resolve(dir, "server/index.js"))) as ServerBuild;
  return { handle: createRequestHandler(build, "production"), routes: Object.keys(build.routes).length };
};
const builds = { plain: await handler(plainDir), more: await handler(moreDir) };
const context = { cspNonce: "n", requestId: "r", clientIp: "127.0.0.1" };

async function block(name: keyof typeof builds, n: number) {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const res = await builds[name].handle(new Request("http://localhost/bench/empty"), context);
    if (res.status !== 200) throw new Error(`${name}: /bench/empty answered ${res.status}`);
    await res.arrayBuffer();
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / n;
}

await block("plain", 1000); // warm both
await block("more", 1000);
const ms = { plain: [] as number[], more: [] as number[] };
for (let i = 0; i < BLOCKS; i++) {
  for (const name of i % 2 ? (["more", "plain"] as const) : (["plain", "more"] as const)) ms[name].push(await block(name, PER_BLOCK));
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
for (const name of ["plain", "more"] as const) {
  console.log(`${name}: ${builds[name].routes} routes, median ${median(ms[name]).toFixed(3)} CPU ms/request (${BLOCKS} blocks of ${PER_BLOCK})`);
}
const ratio = median(ms.more) / median(ms.plain);
console.log(`more / plain: ${ratio.toFixed(3)} (medians); pairwise median ${median(ms.plain.map((p, i) => ms.more[i]! / p)).toFixed(3)}`);
console.log(JSON.stringify({ routes: builds.plain.routes, moreRoutes: builds.more.routes, ratio }));
