import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { migrateJobQueue } from "~/platform/jobs/runner.server";

// Applies supabase/baseline.sql where schema `auth` is missing (i.e. off Supabase), then every
// migration not yet recorded, each in its own transaction, recording into the same table the
// Supabase CLI uses so `supabase db push` and this runner agree on what ran.
const SUPABASE_DIR = path.resolve("supabase");

export async function migrate(databaseUrl: string, log: (msg: string) => void = () => {}) {
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    // Two app instances starting together must not both migrate.
    await db`select pg_advisory_lock(hashtext('innovation-region:migrate'))`;
    const [{ has_auth } = { has_auth: false }] = await db<{ has_auth: boolean }[]>`
      select exists (select 1 from pg_namespace where nspname = 'auth') as has_auth`;
    if (!has_auth) {
      log("applying supabase/baseline.sql");
      const baseline = await supabaseFile("baseline.sql");
      await db.begin((tx) => tx.unsafe(baseline));
    }
    await db.unsafe(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (
        version text primary key, statements text[], name text
      );`);
    const done = new Set(
      (await db<{ version: string }[]>`select version from supabase_migrations.schema_migrations`).map((r) => r.version),
    );
    const files = (await readdir(path.join(SUPABASE_DIR, "migrations"))).filter((f) => f.endsWith(".sql")).sort();
    for (const file of files) {
      const [version, ...rest] = file.replace(/\.sql$/, "").split("_");
      if (!version || done.has(version)) continue;
      const body = await supabaseFile(path.join("migrations", file));
      log(`applying migration ${file}`);
      await db.begin(async (tx) => {
        await tx.unsafe(body);
        await tx`insert into supabase_migrations.schema_migrations (version, statements, name)
                 values (${version}, ${[body]}, ${rest.join("_")})`;
      });
    }
  } finally {
    await db.end({ timeout: 5 });
  }
  // The job queue's schema is the library's, migrated by the library (idempotent, self-locking).
  log("migrating the job queue (graphile_worker)");
  await migrateJobQueue(databaseUrl);
}

const supabaseFile = (name: string) => readFile(path.join(SUPABASE_DIR, name), "utf8");

/** Loads supabase/seed.sql once: the demo data of Binh Duong's innovation region. */
export async function seedIfEmpty(databaseUrl: string, log: (msg: string) => void = () => {}): Promise<boolean> {
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [{ count } = { count: 0 }] = await db<{ count: number }[]>`select count(*)::int as count from public.organisations`;
    if (count > 0) return false;
    log("loading demo data (supabase/seed.sql)");
    const seed = await supabaseFile("seed.sql");
    await db.begin((tx) => tx.unsafe(seed));
    return true;
  } finally {
    await db.end({ timeout: 5 });
  }
}
