import { readFileSync, readdirSync } from "node:fs";

// PostgreSQL's CPU time, for the bench's "PG ms/req": on this machine the database shares the two
// cores with the server, so a page's throughput is bounded by the sum of both, and a signed-in
// page spends about as much CPU in PostgreSQL as in Node (decision 008, fifth pass).

const TICKS_PER_SECOND = 100; // Linux's USER_HZ, the unit of /proc/<pid>/stat's times

type Stat = { pid: number; ppid: number; comm: string; self: number; children: number };

function stat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // comm may hold spaces; the fields after it are space-separated
    const close = text.lastIndexOf(")");
    const comm = text.slice(text.indexOf("(") + 1, close);
    const f = text.slice(close + 2).split(" ");
    // f[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17
    return { pid, ppid: Number(f[1]), comm, self: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
  } catch {
    return null; // the process ended between the listing and the read
  }
}

/** The postmaster listening on `port` (its command line names the port). */
function postmaster(port: number): number | null {
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0");
      if (/(^|\/)postgres$/.test(args[0] ?? "") && args.includes("-p") && args[args.indexOf("-p") + 1] === String(port)) return Number(name);
    } catch {
      // gone
    }
  }
  return null;
}

/**
 * CPU microseconds PostgreSQL has used so far on `port`: the postmaster, its live backends and
 * workers, and those that have ended (the kernel adds an ended child's time to its parent's
 * cutime/cstime once reaped). NaN where /proc cannot tell (not Linux, another user's server).
 */
export function postgresCpuMicros(databaseUrl: string): number {
  const port = Number(new URL(databaseUrl).port);
  const master = Number.isFinite(port) ? postmaster(port) : null;
  if (master === null) return NaN;
  let ticks = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (!s) continue;
    if (s.pid === master) ticks += s.self + s.children;
    else if (s.ppid === master) ticks += s.self;
  }
  return (ticks / TICKS_PER_SECOND) * 1e6;
}
