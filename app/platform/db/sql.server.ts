import postgres from "postgres";
import { env } from "~/platform/env.server";

// One pool per process. Statement counting feeds `npm run bench` (SQL statements per request).
let pool: postgres.Sql | undefined;
let statements = 0;

/** Statements sent so far by this process; a function, so importers read the live value. */
export const statementCount = () => statements;

// Statements are counted by postgres.js's `debug` hook, which its connections call as each statement is
// sent. Any other `debug` would make every query (each tx`…`, fragments included, in transactions too)
// capture a stack in a new Error (~10 µs); `stackless` tells our patch of postgres.js not to
// (patches/README.md, decision 008, tenth pass). Errors still carry their query and parameters.
const countStatement = Object.assign(
  () => {
    statements++;
  },
  { stackless: true },
);

export function sql(): postgres.Sql {
  if (!pool) pool = open(env().DATABASE_POOL_MAX, connectionTimeouts());
  return pool;
}

function open(max: number, settings: Record<string, string> | undefined): postgres.Sql {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app through `npm start` or set it");
  const opened = postgres(url, {
    max,
    prepare: env().DATABASE_PREPARE === "true",
    // A server that accepts the connection but never answers fails the request instead of hanging it.
    connect_timeout: env().DATABASE_CONNECT_TIMEOUT_MS / 1000,
    backoff: reconnectDelay,
    onnotice: () => {},
    connection: { application_name: "innovation-region", ...settings },
    debug: countStatement,
  });
  return opened;
}

let visitors: postgres.Sql | undefined;

/**
 * A second, smaller pool whose connections are a visitor's from the start: role `anon` and its
 * claims as startup parameters besides the timeouts, so a visitor's one-statement read needs no
 * transaction to set them (`readAsVisitor`, decision 008, seventh pass). Its own connections keep
 * their prepared statements planned for `anon` alone. Undefined where connection settings cannot
 * be sent (behind a transaction pooler, see `connectionTimeouts`).
 */
export function visitorSql(): postgres.Sql | undefined {
  const timeouts = connectionTimeouts();
  if (!timeouts) return undefined;
  if (!visitors) {
    visitors = open(Math.max(1, Math.ceil(env().DATABASE_POOL_MAX / 2)), {
      ...timeouts,
      role: "anon",
      "request.jwt.claims": JSON.stringify({ role: "anon" }),
    });
  }
  return visitors;
}

/**
 * PostgreSQL's timeouts as the connection's own settings, sent once when it opens, for statements
 * that run alone (`readAlone`); transactions still set theirs (`set_config(…, true)`), which take
 * precedence inside them. Not behind a transaction pooler (prepared statements off, as the README
 * says to set there): PgBouncer refuses startup parameters it does not know, and a pooler's server
 * connections are not this client's (decision 003). Undefined there.
 */
export function connectionTimeouts(): Record<string, string> | undefined {
  const e = env();
  if (e.DATABASE_PREPARE !== "true") return undefined;
  return {
    statement_timeout: String(e.DATABASE_STATEMENT_TIMEOUT_MS),
    lock_timeout: String(e.DATABASE_LOCK_TIMEOUT_MS),
    idle_in_transaction_session_timeout: String(e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS),
  };
}

/**
 * Seconds before a connection that failed tries again. postgres.js's default grows 3^n/100 s up to
 * 20 s with a count shared by the whole pool and its LISTEN connection, so a few seconds of outage
 * left every connection waiting 10-20 s after the database was back (the first page took 13.6 s).
 * Capped at half a second: a refused connection is cheap, and recovery must take under 2 s.
 */
export function reconnectDelay(retries: number): number {
  return Math.min(0.05 * 2 ** retries, 0.5) * (0.5 + Math.random() / 2);
}

export async function closeSql() {
  const [p, v] = [pool, visitors];
  pool = undefined;
  visitors = undefined;
  await Promise.all([p?.end({ timeout: 5 }), v?.end({ timeout: 5 })]);
}
