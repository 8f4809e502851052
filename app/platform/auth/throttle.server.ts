import ipaddr from "ipaddr.js";
import { asService, type Tx } from "~/platform/db/transaction.server";
import type { CookieJar } from "./cookie-jar.server";
import { deviceOf, offerUnlock, type Unlock } from "./unlock.server";

// Every form that checks a password goes through `throttled` (sign-in with either provider, the
// password change). Why pairs and addresses, and not accounts: app/platform/decisions/001-sign-in-throttle.md.

/** The limits, in one place. */
export const THROTTLE = {
  /** A window starts at a key's first counted attempt and lasts this long. */
  windowMinutes: 15,
  /** Attempts on one account from one address (or one unlocked browser) per window. */
  attemptsPerPair: 10,
  /** Distinct accounts one address may try per window: one address cannot spray many accounts. */
  accountsPerAddress: 10,
} as const;

export const WINDOW_MINUTES = THROTTLE.windowMinutes;
export const MAX_FAILURES_PER_ACCOUNT = THROTTLE.attemptsPerPair;
export const MAX_ACCOUNTS_PER_ADDRESS = THROTTLE.accountsPerAddress;

export type Locked = { ok: false; reason: "locked"; minutes: number };

/** Who tries: the account (a lowercased email) and where from. */
export type Attempt = { account: string; ip: string; cookies: CookieJar; unlock: Unlock };

/**
 * The address a limit counts: IPv4 as is, IPv6 by its /64 (one subscriber's whole prefix), an
 * IPv4-mapped IPv6 address as the IPv4 it is. Anything unparseable counts under its own text.
 */
export function addressKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip.slice(0, 64);
  let parsed = ipaddr.parse(ip);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.kind() === "ipv4") return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(":")}::/64`;
}

type Verdict = { allowed: boolean; minutes: number; pairKey: string; addressKey: string; pairStart: Date };

/**
 * Counts this attempt, before any password is checked, and says whether it may go on. Each count
 * is one atomic upsert that returns the row's new value, so N concurrent attempts see 1…N and no
 * more than the limit go on, without holding a lock while a password is checked.
 */
export async function countAttempt(tx: Tx, from: string, account: string): Promise<Verdict> {
  const pairKey = `pair:${from}|${account}`;
  const address = `address:${from}`;
  const pair = await bump(tx, pairKey);
  // An account counts once per address and window: when its pair row starts a window.
  const accounts = pair.attempts === 1 ? await bump(tx, address) : await current(tx, address);
  const overPair = pair.attempts > THROTTLE.attemptsPerPair;
  const overAddress = accounts.attempts > THROTTLE.accountsPerAddress;
  const minutes = Math.max(overPair ? pair.minutes : 0, overAddress ? accounts.minutes : 0);
  return { allowed: !overPair && !overAddress, minutes: Math.max(1, minutes), pairKey, addressKey: address, pairStart: pair.windowStart };
}

type Count = { attempts: number; minutes: number; windowStart: Date };

async function bump(tx: Tx, key: string): Promise<Count> {
  const [row] = await tx<{ attempts: number; seconds: number; window_start: Date }[]>`
    insert into public.sign_in_counters as c (key) values (${key})
    on conflict (key) do update
       set attempts = case when c.window_start <= now() - make_interval(mins => ${THROTTLE.windowMinutes}) then 1 else c.attempts + 1 end,
           window_start = case when c.window_start <= now() - make_interval(mins => ${THROTTLE.windowMinutes}) then now() else c.window_start end
    returning attempts, window_start,
              extract(epoch from window_start + make_interval(mins => ${THROTTLE.windowMinutes}) - now())::float8 as seconds`;
  return { attempts: row!.attempts, minutes: Math.ceil(row!.seconds / 60), windowStart: row!.window_start };
}

async function current(tx: Tx, key: string): Promise<Count> {
  const [row] = await tx<{ attempts: number; seconds: number; window_start: Date }[]>`
    select attempts, window_start,
           extract(epoch from window_start + make_interval(mins => ${THROTTLE.windowMinutes}) - now())::float8 as seconds
      from public.sign_in_counters
     where key = ${key} and window_start > now() - make_interval(mins => ${THROTTLE.windowMinutes})`;
  return row ? { attempts: row.attempts, minutes: Math.ceil(row.seconds / 60), windowStart: row.window_start } : { attempts: 0, minutes: 0, windowStart: new Date() };
}

/**
 * After a right password: the pair starts afresh and its account no longer counts against the
 * address (when it was counted in the address's current window). Old rows are swept on the way.
 */
async function forgive(tx: Tx, verdict: Verdict) {
  await tx`delete from public.sign_in_counters where key = ${verdict.pairKey}`;
  await tx`update public.sign_in_counters set attempts = greatest(attempts - 1, 0)
            where key = ${verdict.addressKey} and window_start <= ${verdict.pairStart}`;
}

async function sweep(tx: Tx) {
  await tx`delete from public.sign_in_counters where key in (
             select key from public.sign_in_counters
              where window_start <= now() - make_interval(mins => ${THROTTLE.windowMinutes})
              order by window_start limit 50 for update skip locked)`;
}

/**
 * One password check under the limits, whichever provider checks it. The attempt is counted in a
 * short transaction of its own; the check (bcrypt, or a call to Supabase Auth) runs outside it.
 * A browser unlocked through the mailed link for this account counts under its own key instead
 * of its address. When a refusal is not such a browser's, the owner is offered the link.
 * A right password counts as a success even when the account cannot sign in yet (not verified).
 */
export async function throttled<T>(attempt: Attempt, check: () => Promise<{ passwordOk: boolean; result: T }>): Promise<T | Locked> {
  const device = await deviceOf(attempt.cookies, attempt.account);
  const from = device ? `device:${device}` : addressKey(attempt.ip);
  const verdict = await asService((tx) => countAttempt(tx, from, attempt.account));
  if (!verdict.allowed) {
    if (!device) await offerUnlock(attempt.account, attempt.ip, attempt.unlock);
    return { ok: false, reason: "locked", minutes: verdict.minutes };
  }
  const { passwordOk, result } = await check();
  await asService(async (tx) => {
    await tx`insert into public.sign_in_attempts (email, ip, succeeded) values (${attempt.account}, ${attempt.ip}, ${passwordOk})`;
    if (passwordOk) await forgive(tx, verdict);
    await sweep(tx);
  });
  return result;
}
