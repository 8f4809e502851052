// A worker process for the job tests: runs `effect` jobs, whose effect is recorded once per job
// key, then reports on stdout and waits for ever, so the test can kill it in the middle of a job.
import { run } from "graphile-worker";
import postgres from "postgres";

const db = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
await run({
  connectionString: process.env.DATABASE_URL!,
  concurrency: 1,
  noHandleSignals: true,
  pollInterval: 100,
  taskList: {
    effect: async (payload) => {
      const { key } = payload as { key: string };
      await db`insert into test_jobs.effects (key) values (${key}) on conflict do nothing`;
      process.stdout.write(`started ${key}\n`);
      await new Promise(() => {}); // never finishes: the test kills this process here
    },
  },
});
