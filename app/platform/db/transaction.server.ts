import type postgres from "postgres";
import { env } from "~/platform/env.server";
import { sql } from "./sql.server";
import { RETRYABLE, UnavailableError, mapPgError, pgCode } from "./errors.server";

export type Tx = postgres.TransactionSql;

/** The verified identity of the person making a request, as Supabase puts it in the JWT. */
export type Claims = {
  sub: string;
  email: string;
  role: "authenticated";
  session_id: string;
  aal: "aal1" | "aal2";
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
};

const MAX_ATTEMPTS = 3;

async function withRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && RETRYABLE.has(pgCode(error) ?? "")) continue;
      throw mapPgError(error);
    }
  }
}

/** Statements sent with BEGIN (text parameters only): see `begin` below. */
type Lead = { string: string; parameters: string[] }[];

/**
 * BEGIN and the transaction's settings sent with the work's first statement, in one write and one
 * Sync group (decision 008, fourth pass): a page's transaction is 2 round trips (that group, then
 * COMMIT), not 3. The patch of postgres.js (`patches/postgres+3.4.9.patch`) sends them as
 * extended-protocol messages without a Sync of their own, so if BEGIN or a setting fails the
 * server skips that first statement too, and holds the work's later statements until the server
 * says a transaction is open; if BEGIN failed they are refused, never run outside a transaction or
 * without the role. A setting's error is the error of the work's first statement (as before).
 */
function begin<T>(lead: Lead, work: (tx: Tx) => Promise<T>): Promise<T> {
  const withLead = sql().begin as unknown as (options: { lead: Lead }, work: (tx: Tx) => Promise<T>) => Promise<T>;
  return withLead.call(sql(), { lead }, work);
}

/**
 * One transaction under the app's own deadline (waiting for a connection, statements, commit): a
 * server that hangs without answering never fires its own timeouts. A transaction abandoned at
 * its deadline rolls back rather than commit if the server comes back before it ends.
 */
function transaction<T>(lead: Lead, work: (tx: Tx) => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      reject(new UnavailableError());
    }, env().DATABASE_TRANSACTION_TIMEOUT_MS);
  });
  const run = begin(lead, async (tx) => {
    const result = await work(tx);
    if (expired) throw new UnavailableError();
    return result;
  });
  return Promise.race([run, deadline]).finally(() => clearTimeout(timer));
}

/** PostgreSQL's own timeouts for this transaction only (`set_config(…, true)`), so they work through a transaction pooler too. */
function timeouts() {
  const e = env();
  return [String(e.DATABASE_STATEMENT_TIMEOUT_MS), String(e.DATABASE_LOCK_TIMEOUT_MS), String(e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS)];
}

const USER_SETTINGS = `select set_config('role', $1, true),
                  set_config('request.jwt.claims', $2, true),
                  set_config('statement_timeout', $3, true),
                  set_config('lock_timeout', $4, true),
                  set_config('idle_in_transaction_session_timeout', $5, true)`;

const SERVICE_SETTINGS = `select set_config('statement_timeout', $1, true),
                  set_config('lock_timeout', $2, true),
                  set_config('idle_in_transaction_session_timeout', $3, true)`;

/**
 * Run work as the signed-in user: one transaction with role `authenticated` and the claims set in
 * one statement, exactly as PostgREST does on Supabase, so RLS applies. Without claims the work
 * runs as `anon`. Serialization failures and deadlocks are retried; other errors are mapped.
 */
export function asUser<T>(claims: Claims | null, work: (tx: Tx) => Promise<T>): Promise<T> {
  const parameters = [claims ? "authenticated" : "anon", JSON.stringify(claims ?? { role: "anon" }), ...timeouts()];
  return withRetry(() => transaction([{ string: USER_SETTINGS, parameters }], work));
}

/** Run work that must bypass RLS (workers, webhooks, sign-in, seeding). Keep these few and named. */
export function asService<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return withRetry(() => transaction([{ string: SERVICE_SETTINGS, parameters: timeouts() }], work));
}

/**
 * Inside a user's transaction, do one named piece of work as the service (e.g. queue a mail into
 * the outbox, which no user may write), then return to the user's role. Same transaction: both
 * commit or neither does. Two statements: the role to return to is read in the one that leaves
 * it (from a materialized CTE, so it is read before the switch: the switch is evaluated on the
 * CTE's row), and `set_config('role', 'none', true)` is `set local role none`.
 */
export async function asServiceWithin<T>(tx: Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  const [row] = await tx<{ role: string }[]>`with outer_role as materialized (select current_user as role)
    select role, set_config('role', 'none', true) from outer_role`;
  try {
    return await work(tx);
  } finally {
    await tx`select set_config('role', ${row!.role}, true)`;
  }
}
