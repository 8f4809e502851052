// The floors of the bench, measured as the bench loads (autocannon, 10 connections, from a child
// process), alternating between pages so that machine noise falls on each alike (decision 008).
// Each cell: the server's user and system CPU ms and context switches per request (from /proc), then
// req/s, CPU and PG ms per request and p95 as the bench reports them.
// FLOOR_ROUNDS (default 3), FLOOR_SECONDS (default 5), FLOOR_PAGES="empty,empty + read" (names below);
// FLOOR_NODE_ARGS passes flags to the server's node: "--cpu-prof --cpu-prof-dir=<dir>" for a V8
// profile, "--trace-gc" for collections per 1000 requests. FLOOR_STRACE=1 counts system calls per request.
// On a busy machine, run it in a cpu cgroup with a high cpu.shares: nice is not enough (decision 008).
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { appDatabase, spawnApp } from "../support/app-server";
import { startTestPostgres } from "../support/postgres-server";
import { measurePage, type Page } from "./measure";
import { signIn } from "./session";

const ROUNDS = Number(process.env.FLOOR_ROUNDS ?? 3);
const LOAD = { connections: 10, durationSec: Number(process.env.FLOOR_SECONDS ?? 5) };
const nodeArgs = (process.env.FLOOR_NODE_ARGS ?? "").split(" ").filter(Boolean);
const ONLY = (process.env.FLOOR_PAGES ?? "").split(",").map((w) => w.trim()).filter(Boolean);

// user and system ms, context switches (all threads) of a process, from /proc
function procStats(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  let voluntary = 0;
  let involuntary = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const status = readFileSync(`/proc/${pid}/task/${task}/status`, "utf8");
    voluntary += Number(/voluntary_ctxt_switches:\s+(\d+)/.exec(status)![1]);
    involuntary += Number(/nonvoluntary_ctxt_switches:\s+(\d+)/.exec(status)![1]);
  }
  return { user: Number(stat[11]) * 10, system: Number(stat[12]) * 10, voluntary, involuntary };
}

const pg = await startTestPostgres();
const databaseUrl = await appDatabase(pg.adminUrl);
const app = await spawnApp({ DATABASE_URL: databaseUrl, BENCH: "1" }, nodeArgs);
try {
  await app.healthy();
  const cookie = await signIn(app.baseUrl, "manager@demo.binhduong.example", "demo-password-2026", "Trần Thị Mai");
  const pages: Page[] = [
    { name: "bare", path: "/bench/bare" },
    { name: "healthz", path: "/healthz" },
    { name: "empty", path: "/bench/empty" },
    { name: "empty signed in", path: "/bench/empty", cookie },
    { name: "empty + read", path: "/bench/empty?read" },
    { name: "empty + tick", path: "/bench/empty?tick" },
    { name: "empty + tx", path: "/bench/empty?tx" },
  ].filter((p) => ONLY.length === 0 || ONLY.includes(p.name));
  const rows = new Map<string, string[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const page of pages) {
      const from = app.output().length;
      const before = procStats(app.pid!);
      // FLOOR_STRACE=1: the server's system calls during the run (strace -c), per request
      const strace = process.env.FLOOR_STRACE === "1" ? spawn("strace", ["-c", "-f", "-p", String(app.pid)], { stdio: ["ignore", "ignore", "pipe"] }) : undefined;
      let calls = "";
      strace?.stderr?.on("data", (d) => (calls += d));
      const r = await measurePage(app.baseUrl, page, LOAD, databaseUrl);
      if (strace) {
        strace.kill("SIGINT");
        await new Promise((resolve) => strace.once("exit", resolve));
        for (const line of calls.split("\n")) {
          const m = line.trim().split(/\s+/);
          if (m.length >= 5 && /^\d/.test(m[3] ?? "")) console.log(`   ${(m.at(-1) ?? "").padEnd(16)} ${(Number(m[3]) / r.completed).toFixed(2)}/req`);
        }
      }
      // with --trace-gc among FLOOR_NODE_ARGS: collections per 1000 requests
      const out = app.output().slice(from);
      const per = (re: RegExp) => (((out.match(re) ?? []).length * 1000) / r.completed).toFixed(1);
      const gc = out.includes("ms: ") ? ` scav/1k ${per(/Scavenge/g)} mc/1k ${per(/Mark-Compact/g)}` : "";
      const after = procStats(app.pid!);
      const d = (k: keyof ReturnType<typeof procStats>) => ((after[k] - before[k]) / r.completed).toFixed(3);
      const cell = `usr ${d("user")} sys ${d("system")} vcs ${d("voluntary")} ics ${d("involuntary")} | ${r.rps.toFixed(0)} req/s ${r.cpuMsPerRequest.toFixed(2)} cpu ${r.pgMsPerRequest.toFixed(2)} pg p95 ${r.p95.toFixed(1)}${gc}`;
      rows.set(page.name, [...(rows.get(page.name) ?? []), cell]);
      console.log(`${page.name.padEnd(16)} ${cell}`);
    }
  }
  console.log("\n" + [...rows].map(([name, cells]) => `${name.padEnd(16)} ${cells.join(" | ")}`).join("\n"));
} finally {
  await app.stop();
  await pg.stop();
}
