import postgres from "postgres";
import { STEPS, TABLES } from "./dataset.sql";

/**
 * Adds the generated dataset to a database that already holds the demo data, in one transaction
 * as the superuser (the service path), then vacuums and analyses so the planner sees real sizes.
 * Returns the row count of each table, demo rows included.
 */
export async function seedLoadData(databaseUrl: string, log: (msg: string) => void) {
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const started = Date.now();
    await db.begin(async (tx) => {
      for (const [label, statement] of STEPS) {
        const t = Date.now();
        await tx.unsafe(statement);
        if (label) log(`  ${label.padEnd(18)} ${Date.now() - t} ms`);
      }
    });
    await db.unsafe(`vacuum analyze ${TABLES.join(", ")}`);
    log(`  dataset ready in ${((Date.now() - started) / 1000).toFixed(1)} s (with vacuum analyze)`);
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const [row] = await db.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`);
      counts[table] = row?.n ?? 0;
    }
    return counts;
  } finally {
    await db.end({ timeout: 5 });
  }
}
