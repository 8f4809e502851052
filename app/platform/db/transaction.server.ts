import type postgres from "postgres";
import { env } from "~/platform/env.server";
import { connectionTimeouts, sql, visitorSql } from "./sql.server";
import { RETRYABLE, UnavailableError, mapPgError, pgCode } from "./errors.server";

export type Tx = postgres.TransactionSql;
/** What builds a statement: a transaction's `tx`, or the pool itself for a read that runs alone (`readAlone`). */
export type Statements = postgres.ISql;

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

/**
 * Work under the app's own deadline (waiting for a connection, statements, commit): a server that
 * hangs without answering never fires its own timeouts. `expired` tells the work it was abandoned.
 */
function withinDeadline<T>(run: (expired: () => boolean) => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      reject(new UnavailableError());
    }, env().DATABASE_TRANSACTION_TIMEOUT_MS);
  });
  return Promise.race([run(() => expired), deadline]).finally(() => clearTimeout(timer));
}

/** One transaction under the app's deadline; abandoned at it, it rolls back rather than commit if the server comes back before it ends. */
function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return withinDeadline(
    (expired) =>
      sql().begin(async (tx) => {
        const result = await work(tx);
        if (expired()) throw new UnavailableError();
        return result;
      }) as Promise<T>,
  );
}

/** PostgreSQL's own timeouts for this transaction only (`set_config(…, true)`), so they work through a transaction pooler too. */
function timeouts() {
  const e = env();
  return {
    statement: String(e.DATABASE_STATEMENT_TIMEOUT_MS),
    lock: String(e.DATABASE_LOCK_TIMEOUT_MS),
    idle: String(e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS),
  };
}

/**
 * The transaction's settings (role, claims, timeouts), then the work, without waiting between them:
 * postgres.js sends the settings and the work's first statement in one write on the transaction's
 * connection, which runs them in that order, so a page's first query costs no round trip of its
 * own (decision 008). Should the settings fail, the transaction is aborted, so no statement of the
 * work runs without them, and postgres.js reports the settings' error rather than "transaction is
 * aborted" (it rethrows the transaction's first error).
 */
async function settingsFirst<T>(tx: Tx, settings: postgres.PendingQuery<postgres.Row[]>, work: (tx: Tx) => Promise<T>): Promise<T> {
  const sent = settings.execute();
  // Handled here too: when the settings fail the work fails after them and its error is thrown,
  // and a rejection nobody awaited would end the process.
  sent.catch(() => {});
  const result = await work(tx);
  await sent;
  return result;
}

/**
 * Run work as the signed-in user: one transaction with role `authenticated` and the claims set in
 * one statement, exactly as PostgREST does on Supabase, so RLS applies. Without claims the work
 * runs as `anon`. Serialization failures and deadlocks are retried; other errors are mapped.
 */
export function asUser<T>(claims: Claims | null, work: (tx: Tx) => Promise<T>): Promise<T> {
  const t = timeouts();
  return withRetry(() =>
    transaction((tx) =>
      settingsFirst(
        tx,
        tx`select set_config('role', ${claims ? "authenticated" : "anon"}, true),
                  set_config('request.jwt.claims', ${JSON.stringify(claims ?? { role: "anon" })}, true),
                  set_config('statement_timeout', ${t.statement}, true),
                  set_config('lock_timeout', ${t.lock}, true),
                  set_config('idle_in_transaction_session_timeout', ${t.idle}, true)`,
        work,
      ),
    ),
  );
}

/** Run work that must bypass RLS (workers, webhooks, sign-in, seeding). Keep these few and named. */
export function asService<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const t = timeouts();
  return withRetry(() =>
    transaction((tx) =>
      settingsFirst(
        tx,
        tx`select set_config('statement_timeout', ${t.statement}, true),
                  set_config('lock_timeout', ${t.lock}, true),
                  set_config('idle_in_transaction_session_timeout', ${t.idle}, true)`,
        work,
      ),
    ),
  );
}

/**
 * One statement that bypasses RLS, sent alone: no BEGIN, settings or COMMIT around it (PostgreSQL
 * runs it in a transaction of its own). For the signed-in shell's viewer read, which every page
 * of a signed-in person pays (decision 008, fifth pass). Its limits: the app's deadline as for a
 * transaction, and PostgreSQL's timeouts as the pool's connection settings (`sql.server.ts`).
 * Behind a transaction pooler those settings cannot be sent, so there it is a transaction with
 * its settings, as `asService` (`app/platform/decisions/009-reads-alone.md`). The work must send one
 * statement, and no write: it has no transaction to share with another.
 */
export function readAlone<T>(work: (sql: Statements) => Promise<T>): Promise<T> {
  if (!connectionTimeouts()) return asService(work);
  return withRetry(() => withinDeadline(() => work(sql())));
}

const visitorRole = new WeakMap<postgres.Sql, Promise<boolean>>();

/** Whether the visitors' pool really connects as `anon`: a pooler that dropped the startup role would read as the login role, past RLS. Asked once. */
function visitorPoolIsAnon(pool: postgres.Sql): Promise<boolean> {
  let answer = visitorRole.get(pool);
  if (!answer) {
    answer = pool<{ role: string }[]>`select current_user as role`.then(
      ([row]) => row?.role === "anon",
      () => {
        visitorRole.delete(pool); // asked again next time: the database may be back
        return false;
      },
    );
    visitorRole.set(pool, answer);
  }
  return answer;
}

/**
 * One statement as an anonymous visitor, sent alone as `readAlone` sends its read: on a connection
 * of the visitors' pool, whose role (`anon`), claims and timeouts are the connection's own settings
 * (`visitorSql`), so RLS applies as in `asUser(null, …)` without BEGIN, settings and COMMIT: one
 * round trip instead of three (decision 008, seventh pass). Where those settings cannot be sent (a
 * transaction pooler), or the connection is not `anon` after all, it is `asUser(null, work)`. The
 * work must send one statement, and no write.
 */
export async function readAsVisitor<T>(work: (sql: Statements) => Promise<T>): Promise<T> {
  const pool = visitorSql();
  if (!pool || !(await visitorPoolIsAnon(pool))) return asUser(null, work);
  return withRetry(() => withinDeadline(() => work(pool)));
}

/** A page's one-statement read as its viewer: alone for a visitor (`readAsVisitor`), in the person's transaction when signed in. */
export function readAs<T>(claims: Claims | null, work: (sql: Statements) => Promise<T>): Promise<T> {
  return claims ? asUser(claims, work) : readAsVisitor(work);
}

/**
 * One statement as the service that may write, sent alone as `readAlone` sends its read: PostgreSQL
 * runs it in a transaction of its own, so it commits or rolls back whole. For a write that stands
 * by itself and commits with nothing else (the mail worker claiming due mails, marking one sent),
 * where BEGIN, the settings and COMMIT were three statements of four (decision 009). The work
 * must send exactly one statement. Behind a transaction pooler, a transaction as `asService`.
 */
export function writeAlone<T>(work: (sql: Statements) => Promise<T>): Promise<T> {
  return readAlone(work);
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

/**
 * The switch to the service of `asServiceWithin`, sent without waiting for its answer (postgres.js
 * writes it with the statements sent in the same tick, and the connection runs them in order): for
 * work that holds a lock, where each wait for an answer is a round trip while others queue (decision
 * 008, tenth pass, posts). It keeps the role to return to in a transaction-local setting, which
 * `queueMailsAndReturn` or `returnFromService` reads. Its failure aborts the transaction, so no
 * statement after it runs as anyone; the caller awaits the returned promise (handled here, so a
 * failure before it is not an unhandled rejection).
 */
export function switchToService(tx: Tx): Promise<unknown> {
  const sent = tx`with outer_role as materialized (select current_user as role)
    select set_config('app.outer_role', role, true), set_config('role', 'none', true) from outer_role`.execute();
  sent.catch(() => {});
  return sent;
}

/** Back to the role `switchToService` left, in a statement of its own. */
export async function returnFromService(tx: Tx): Promise<void> {
  await tx`select set_config('role', current_setting('app.outer_role'), true)`;
}
