import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";

const STOP_WAIT_MS = 30_000;

/**
 * An app killed with SIGKILL cannot stop its embedded PostgreSQL, which keeps the data folder's
 * lock (postmaster.pid) and the port, so the next start would fail. Such a server is ours only if
 * the lock file names a live process that really is `postgres -D <this folder>`; then it is asked
 * for a fast shutdown (SIGINT) and we wait for it to release the folder. Anything else is left
 * alone: PostgreSQL itself clears a lock file whose process is gone.
 */
export async function stopOrphanedPostgres(databaseDir: string, log: (m: string) => void = () => {}) {
  const lockFile = path.join(databaseDir, "postmaster.pid");
  const pid = await lockHolder(lockFile, databaseDir);
  if (pid === undefined || !(await isPostgresOn(pid, databaseDir))) return;
  log(`stopping the embedded PostgreSQL (pid ${pid}) that an earlier run left on ${databaseDir}`);
  process.kill(pid, "SIGINT");
  // PostgreSQL removes its lock file as the last step of a shutdown.
  const deadline = Date.now() + STOP_WAIT_MS;
  while (existsSync(lockFile)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) on ${databaseDir} did not stop within ${STOP_WAIT_MS / 1000} s`);
    await sleep(100);
  }
}

/** The pid in postmaster.pid (line 1), if its data folder (line 2) is this one. */
async function lockHolder(lockFile: string, databaseDir: string): Promise<number | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(lockFile, "utf8")).split("\n");
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  if (!Number.isSafeInteger(pid) || pid <= 0 || path.resolve(lines[1] ?? "") !== databaseDir) return undefined;
  return pid;
}

/** True when `pid` runs a postgres binary with `-D databaseDir`. */
async function isPostgresOn(pid: number, databaseDir: string): Promise<boolean> {
  const args = await commandLine(pid);
  if (!args?.[0] || path.basename(args[0]) !== "postgres") return false;
  const d = args.indexOf("-D");
  return d >= 0 && path.resolve(args[d + 1] ?? "") === databaseDir;
}

async function commandLine(pid: number): Promise<string[] | undefined> {
  try {
    // Linux: exact arguments, NUL-separated.
    return (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0").filter(Boolean);
  } catch {
    // Elsewhere (macOS), or the process is gone.
    try {
      const { stdout } = await promisify(execFile)("ps", ["-o", "args=", "-p", String(pid)]);
      return stdout.trim().split(/\s+/).filter(Boolean);
    } catch {
      return undefined;
    }
  }
}
