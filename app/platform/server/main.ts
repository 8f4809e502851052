// `npm start` / `npm run dev`: database (embedded unless DATABASE_URL is set), migrations, demo
// data on first start, the mail worker, then the web server. `npm start` runs it compiled, as
// build/main.js (vite.config.ts); `npm run dev` through tsx.
import { existsSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import type { ServerBuild } from "@remix-run/node";
import type { Services } from "./services";
import { EmbeddedPostgresError, leaveSignalsToCaller, startEmbeddedPostgres } from "~/platform/db/embedded.server";
import { migrate, seedIfEmpty } from "~/platform/db/migrate.server";
import postgres from "postgres";
import { EnvError, env, resetEnv } from "~/platform/env.server";
import { logger } from "~/platform/log.server";
import { DEMO_PASSWORD } from "~/platform/server/demo";
import { createApp } from "./app.server";

// The heap may grow to 1.5 times what is live after each full collection. Left to itself V8 lets it
// grow to 4 times under load: about 65 MB live kept a 330 MB heap and 420-580 MB resident after
// the bench, memory that is only garbage waiting (decision 008). Read at each collection, so it
// holds when set here; it costs no measurable CPU per request.
v8.setFlagsFromString("--heap-growing-percent=50");

const dev = process.argv.includes("--dev");
if (existsSync(".env")) process.loadEnvFile(".env");
process.env.NODE_ENV ??= dev ? "development" : "production";

try {
  env();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const log = (msg: string) => logger.info(msg);
let stopPostgres: (() => Promise<void>) | undefined;
let services: Services | undefined;
let stopWorker: (() => Promise<void>) | undefined;
let stopJobs: (() => Promise<void>) | undefined;
let server: ReturnType<ReturnType<typeof createApp>["listen"]> | undefined;

await start().catch(fail);

// A failed start says why (never a bare `undefined`), leaves no PostgreSQL behind, and exits non-zero.
async function fail(error: unknown) {
  console.error(`\n  The app could not start:\n  ${describe(error).replace(/\n/g, "\n  ")}\n`);
  await stopPostgres?.().catch(() => {});
  process.exit(1);
}

async function start() {
  if (!env().DATABASE_URL) {
    const dir = env().EMBEDDED_PG_DIR;
    const pg = await startEmbeddedPostgres({ dir, port: env().EMBEDDED_PG_PORT, log });
    stopPostgres = pg.stop;
    leaveSignalsToCaller(); // `shutdown` below stops it, last
    process.env.DATABASE_URL = pg.url;
    resetEnv();
    log(`embedded PostgreSQL on 127.0.0.1:${env().EMBEDDED_PG_PORT}, data in ${dir}`);
  }
  const databaseUrl = env().DATABASE_URL!;
  await migrate(databaseUrl, log);
  if (process.env.SEED !== "false") await seedIfEmpty(databaseUrl, log);
  await printDemoAccounts(databaseUrl);

  let app;
  if (dev) {
    const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
    const load = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
    services = (await load()).entry.module as unknown as Services;
    app = createApp({ dev: true, vite, build: load });
  } else {
    const buildPath = path.resolve("build/server/index.js");
    if (!existsSync(buildPath)) throw new Error("No production build: run `npm run build` first");
    const build = (await import(buildPath)) as ServerBuild;
    services = build.entry.module as unknown as Services;
    app = createApp({ dev: false, build });
  }
  // A public or unreachable Storage bucket stops the start here, not the first upload.
  log(`uploaded files: ${(await services.checkFileStore()) === "supabase" ? `Supabase Storage, private bucket ${env().SUPABASE_STORAGE_BUCKET}` : `local disk, ${env().UPLOAD_DIR}`}`);
  stopWorker = await services.startMailWorker();
  // JOBS_CONCURRENCY=0 leaves reminders and expiries to separate `npm run worker` processes.
  if (env().JOBS_CONCURRENCY > 0) stopJobs = await services.startJobs();

  server = app.listen(env().PORT, () => {
    console.log(`\n  App ready on ${env().APP_URL} (port ${env().PORT})\n`);
  });
  // Idle keep-alive connections stay open longer than clients keep theirs (undici: 4 s, proxies: up
  // to 60 s), so the client closes first: with Node's 5 s, a client whose timers ran late under load
  // could reuse a socket the server was closing ("other side closed").
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on("error", (error) => void fail(error));
}

function describe(error: unknown): string {
  if (error instanceof EmbeddedPostgresError) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return `${String(error)} (a value of type ${typeof error} was thrown)`;
}

async function printDemoAccounts(databaseUrl: string) {
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const rows = await db<{ email: string; roles: string }[]>`
    select u.email, string_agg(distinct r.label, ', ') as roles
      from auth.users u
      join lateral (
        select m.role::text || ' @ ' || o.slug as label from public.memberships m join public.organisations o on o.id = m.org_id where m.user_id = u.id
        union all select 'founder @ ' || s.slug from public.startup_members sm join public.startups s on s.id = sm.startup_id where sm.user_id = u.id
        union all select 'platform admin' from public.platform_admins a where a.user_id = u.id
      ) r on true
     where u.email like '%@demo.binhduong.example'
     group by u.email order by u.email`;
  await db.end();
  if (rows.length === 0) return;
  console.log(`\n  Demo accounts (password for all: ${DEMO_PASSWORD})`);
  for (const r of rows) console.log(`    ${r.email.padEnd(36)} ${r.roles}`);
}

const shutdown = async () => {
  server?.close();
  await stopWorker?.();
  await stopJobs?.();
  await services?.closeSql();
  await stopPostgres?.();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
