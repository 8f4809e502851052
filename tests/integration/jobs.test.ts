import { spawn } from "node:child_process";
import { runOnce, runTaskListOnce } from "graphile-worker";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "~/platform/db/errors.server";
import { asService, asUser } from "~/platform/db/transaction.server";
import { createUser } from "../support/factories";
import { addJob } from "~/platform/jobs/enqueue.server";
import { runOnceOptions } from "../support/jobs";

// The job queue (graphile-worker) under the failures that matter: a change that rolls back, a
// worker killed mid-job, two workers racing for the same jobs. Tests move the job clock; none sleeps.
const url = () => process.env.DATABASE_URL!;
const quiet = runOnceOptions();

beforeAll(async () => {
  await asService(
    (tx) => tx.unsafe(`
      create schema test_jobs;
      create table test_jobs.effects (key text primary key, runs int not null default 1);
      create table test_jobs.runs (job_key text not null, worker text not null);`),
  );
});

const pendingJobs = async (task: string) => {
  const [row] = await asService(
    (tx) => tx<{ n: number }[]>`select count(*)::int as n from graphile_worker.jobs where task_identifier = ${task}`,
  );
  return row!.n;
};

describe("the job queue", () => {
  it("never runs a job queued in a transaction that rolled back, and runs a committed one once", async () => {
    const ran: string[] = [];
    await expect(
      asService(async (tx) => {
        await addJob(tx, "record", { key: "rolled-back" });
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    await asService((tx) => addJob(tx, "record", { key: "committed" }));
    await runOnce({ ...quiet, connectionString: url() }, { record: async (p) => void ran.push((p as { key: string }).key) });
    expect(ran).toEqual(["committed"]);
    expect(await pendingJobs("record")).toBe(0);
  });

  it("runs a job again after its worker was killed in the middle, and its effect happens once", async () => {
    await asService((tx) => addJob(tx, "effect", { key: "k1" }));
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/job-child.ts"], {
      env: { ...process.env, DATABASE_URL: url() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise((r) => child.once("exit", r));
    await new Promise<void>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
        if (out.includes("started k1")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`worker exited early (${code})`)));
    });
    child.kill("SIGKILL");
    await exited;

    // The dead worker still holds the job; the library frees locks older than four hours.
    const [locked] = await asService(
      (tx) => tx<{ locked_by: string | null }[]>`select locked_by from graphile_worker.jobs where task_identifier = 'effect'`,
    );
    expect(locked?.locked_by).toBeTruthy();
    await asService((tx) => tx`update graphile_worker._private_jobs set locked_at = now() - interval '4 hours 1 minute'`);

    // A worker's first step, as every runner does periodically: free expired locks, then work.
    let reruns = 0;
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      await runTaskListOnce({ ...quiet, connectionString: url() }, {
        effect: async (payload) => {
          reruns++;
          const { key } = payload as { key: string };
          await asService((tx) => tx`insert into test_jobs.effects (key) values (${key}) on conflict (key) do nothing`);
        },
      }, client as unknown as pg.PoolClient).promise;
    } finally {
      await client.end();
    }
    expect(reruns).toBe(1);
    expect(await pendingJobs("effect")).toBe(0);
    const effects = await asService((tx) => tx<{ key: string }[]>`select key from test_jobs.effects where key = 'k1'`);
    expect(effects).toHaveLength(1);
  });

  it("never lets two workers run the same job", async () => {
    const keys = Array.from({ length: 60 }, (_, i) => `race-${i}`);
    await asService(async (tx) => {
      for (const key of keys) await addJob(tx, "race", { key });
    });
    const worker = (name: string) =>
      runOnce({ ...quiet, connectionString: url(), concurrency: 3 }, {
        race: async (payload) => {
          await asService((tx) => tx`insert into test_jobs.runs (job_key, worker) values (${(payload as { key: string }).key}, ${name})`);
        },
      });
    await Promise.all([worker("a"), worker("b")]);
    const runs = await asService(
      (tx) => tx<{ job_key: string; n: number }[]>`select job_key, count(*)::int as n from test_jobs.runs group by job_key`,
    );
    expect(runs).toHaveLength(keys.length);
    expect(runs.every((r) => r.n === 1)).toBe(true);
    expect(await pendingJobs("race")).toBe(0);
  });
});

describe("the job queue's privileges", () => {
  it("is closed to visitors and signed-in users: only the service queues jobs", async () => {
    const user = await createUser();
    for (const claims of [null, user.claims]) {
      await expect(asUser(claims, (tx) => tx`select graphile_worker.add_job('record', '{}'::json)`)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(asUser(claims, (tx) => tx`select count(*) from graphile_worker.jobs`)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
