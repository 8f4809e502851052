import type postgres from "postgres";
import { sql } from "./sql.server";
import { RETRYABLE, mapPgError, pgCode } from "./errors.server";

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

/**
 * Run work as the signed-in user: one transaction with role `authenticated` and the claims set in
 * one statement, exactly as PostgREST does on Supabase, so RLS applies. Without claims the work
 * runs as `anon`. Serialization failures and deadlocks are retried; other errors are mapped.
 */
export function asUser<T>(claims: Claims | null, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withRetry(() =>
    sql().begin(async (tx) => {
      await tx`select set_config('role', ${claims ? "authenticated" : "anon"}, true),
                      set_config('request.jwt.claims', ${JSON.stringify(claims ?? { role: "anon" })}, true)`;
      return work(tx);
    }) as Promise<T>,
  );
}

/** Run work that must bypass RLS (workers, webhooks, sign-in, seeding). Keep these few and named. */
export function asService<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return withRetry(() => sql().begin((tx) => work(tx)) as Promise<T>);
}

/**
 * Inside a user's transaction, do one named piece of work as the service (e.g. queue a mail into
 * the outbox, which no user may write), then return to the user's role. Same transaction: both
 * commit or neither does.
 */
export async function asServiceWithin<T>(tx: Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  const [row] = await tx<{ role: string }[]>`select current_user as role`;
  await tx`set local role none`;
  try {
    return await work(tx);
  } finally {
    await tx`select set_config('role', ${row!.role}, true)`;
  }
}
