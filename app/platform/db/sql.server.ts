import postgres from "postgres";
import { env } from "~/platform/env.server";

// One pool per process. Statement counting feeds `npm run bench` (SQL statements per request).
let pool: postgres.Sql | undefined;
let statements = 0;

/** Statements sent so far by this process; a function, so importers read the live value. */
export const statementCount = () => statements;

export function sql(): postgres.Sql {
  if (!pool) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app through `npm start` or set it");
    pool = postgres(url, {
      max: env().DATABASE_POOL_MAX,
      prepare: env().DATABASE_PREPARE === "true",
      onnotice: () => {},
      debug: () => {
        statements++;
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
