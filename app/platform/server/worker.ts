// `npm run worker`: only the background work (mail delivery, jobs and schedules), for running more
// of it on other machines against the app's database. `npm start` runs the same inside the app.
// Run compiled, as build/worker.js (vite.config.ts).
import { existsSync } from "node:fs";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import type { Services } from "./services";
import { migrate } from "~/platform/db/migrate.server";
import { EnvError, env } from "~/platform/env.server";
import { logger } from "~/platform/log.server";

if (existsSync(".env")) process.loadEnvFile(".env");
process.env.NODE_ENV ??= "production";
try {
  if (!env().DATABASE_URL) throw new EnvError("DATABASE_URL must point at the app's database for `npm run worker`");
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const buildPath = path.resolve("build/server/index.js");
if (!existsSync(buildPath)) throw new Error("No production build: run `npm run build` first");
const services = ((await import(buildPath)) as ServerBuild).entry.module as unknown as Services;
await migrate(env().DATABASE_URL!, (m) => logger.info(m));
const stops = [await services.startMailWorker(), await services.startJobs()];
logger.info("worker running: mail delivery and jobs");

const shutdown = async () => {
  for (const stop of stops) await stop();
  await services.closeSql();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
