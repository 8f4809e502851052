import type { Tx } from "~/platform/db/transaction.server";

// Failed sign-ins are counted in Postgres, so the limit holds across app instances.
export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;

/** Minutes until the account or address may try again, or 0 when it may try now. */
export async function lockedForMinutes(tx: Tx, email: string, ip: string): Promise<number> {
  const [row] = await tx<{ by_email: number; by_ip: number; oldest: Date | null }[]>`
    select
      count(*) filter (where email = ${email})::int as by_email,
      count(*) filter (where ip = ${ip})::int as by_ip,
      min(attempted_at) as oldest
    from public.sign_in_attempts
    where not succeeded and attempted_at > now() - make_interval(mins => ${WINDOW_MINUTES})
      and (email = ${email} or ip = ${ip})`;
  if (!row || (row.by_email < MAX_FAILURES_PER_ACCOUNT && row.by_ip < MAX_FAILURES_PER_ADDRESS)) return 0;
  const elapsed = row.oldest ? (Date.now() - row.oldest.getTime()) / 60000 : 0;
  return Math.max(1, Math.ceil(WINDOW_MINUTES - elapsed));
}

export async function recordAttempt(tx: Tx, email: string, ip: string, succeeded: boolean) {
  await tx`insert into public.sign_in_attempts (email, ip, succeeded) values (${email}, ${ip}, ${succeeded})`;
}

/**
 * One password check under the limit, whichever provider checks the password: attempts on one
 * account are serialised (concurrent guesses cannot slip past), refused while locked, and counted.
 * A right password counts as a success even when the account cannot sign in yet (not verified).
 */
export async function throttled<T>(
  tx: Tx,
  email: string,
  ip: string,
  check: () => Promise<{ passwordOk: boolean; result: T }>,
): Promise<T | { ok: false; reason: "locked"; minutes: number }> {
  await tx`select pg_advisory_xact_lock(hashtext('sign-in:' || ${email}))`;
  const minutes = await lockedForMinutes(tx, email, ip);
  if (minutes > 0) return { ok: false, reason: "locked", minutes };
  const { passwordOk, result } = await check();
  await recordAttempt(tx, email, ip, passwordOk);
  return result;
}
