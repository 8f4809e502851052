import { createCookie } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { asService, type Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import type { CookieJar } from "./cookie-jar.server";
import { sessionSecret } from "./secret.server";
import { hashToken, newToken } from "./tokens.server";

// The owner's way back in while sign-ins to their account are refused: a link mailed to the
// account's address, used once, that gives the browser opening it a signed device cookie bound to
// the account (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"). Attempts from that
// browser on that account then count under the device, not under the address an attacker shares.

export const UNLOCK_LINK_MINUTES = 60;
const DEVICE_DAYS = 30;

/** Queues the unlock mail, in the transaction that creates the link. Ours with either provider. */
export type UnlockMail = (tx: Tx, mail: { userId: string; email: string; link: string; ip: string; minutes: number }) => Promise<void>;
export type Unlock = { pageUrl: string; mail: UnlockMail };

let cookie: ReturnType<typeof createCookie> | undefined;
function deviceCookie() {
  cookie ??= createCookie("__device", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https:"),
    path: "/",
    maxAge: DEVICE_DAYS * 86400,
    secrets: [sessionSecret()],
  });
  return cookie;
}

type Device = { u: string; d: string };
const isDevice = (v: unknown): v is Device =>
  typeof v === "object" && v !== null && typeof (v as Device).u === "string" && typeof (v as Device).d === "string";

/** The device id of an unlocked browser, when its signed cookie is bound to this account. */
export async function deviceOf(cookies: CookieJar, account: string): Promise<string | null> {
  const value: unknown = await deviceCookie().parse(cookies.header());
  if (!isDevice(value)) return null;
  const [user] = await asService((tx) => tx<{ id: string }[]>`select id from auth.users where email = ${account} and deleted_at is null`);
  return user?.id === value.u ? value.d : null;
}

/**
 * Mails the account's owner a link, if the account exists and has no live link yet (so at most
 * one mail per link lifetime, however hard someone knocks). Says nothing either way.
 */
export async function offerUnlock(account: string, ip: string, unlock: Unlock) {
  const { token, hash } = newToken();
  await asService(async (tx) => {
    const [row] = await tx<{ user_id: string }[]>`
      insert into public.sign_in_unlocks as s (user_id, token_hash, expires_at)
      select id, ${hash}, now() + make_interval(mins => ${UNLOCK_LINK_MINUTES})
        from auth.users where email = ${account} and deleted_at is null
      on conflict (user_id) do update
         set token_hash = excluded.token_hash, created_at = now(), expires_at = excluded.expires_at, used_at = null
       where s.used_at is not null or s.expires_at <= now()
      returning user_id`;
    if (!row) return;
    const link = `${unlock.pageUrl}?token=${encodeURIComponent(token)}`;
    await unlock.mail(tx, { userId: row.user_id, email: account, link, ip, minutes: UNLOCK_LINK_MINUTES });
  });
}

/** Uses a mailed link once; on success the Set-Cookie for this browser goes into the jar. */
export async function redeemUnlock(token: string, cookies: CookieJar): Promise<boolean> {
  const [row] = await asService(
    (tx) => tx<{ user_id: string }[]>`
      update public.sign_in_unlocks set used_at = now()
       where token_hash = ${hashToken(token)} and used_at is null and expires_at > now()
      returning user_id`,
  );
  if (!row) return false;
  cookies.append(await deviceCookie().serialize({ u: row.user_id, d: randomUUID() } satisfies Device));
  return true;
}
