import postgres from "postgres";
import { env } from "~/platform/env.server";

// One pool per process. Statement counting feeds `npm run bench` (SQL statements per request).
let pool: postgres.Sql | undefined;
export let statementCount = 0;

export function sql(): postgres.Sql {
  if (!pool) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app through `npm start` or set it");
    pool = postgres(url, {
      max: env().DATABASE_POOL_MAX,
      prepare: env().DATABASE_PREPARE === "true",
      onnotice: () => {},
      debug: () => {
        statementCount++;
      },
      connection: { application_name: "innovation-region" },
    });
  }
  return pool;
}

export async function closeSql() {
  const p = pool;
  pool = undefined;
  await p?.end({ timeout: 5 });
}
