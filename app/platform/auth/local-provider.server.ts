import { isUuid } from "~/platform/ids";
import bcrypt from "bcryptjs";
import { randomUUID } from "node:crypto";
import { asService, type Tx } from "~/platform/db/transaction.server";
import type { Locale } from "~/platform/i18n/i18n";
import type { CookieJar } from "./cookie-jar.server";
import { SESSION_DAYS, sessionCookie } from "./cookie.server";
import type { AuthProvider, SignInResult } from "./provider.server";
import { endSessionCookie, startSessionCookie } from "./session.server";
import { throttled } from "./throttle.server";
import { hashToken, newToken } from "./tokens.server";

// The built-in provider: users live in auth.users exactly as Supabase Auth keeps them (bcrypt in
// encrypted_password, token hashes in confirmation_token / recovery_token), so the data can move.
const BCRYPT_COST = 10;
const VERIFY_HOURS = 24;
const RESET_MINUTES = 60;
// Compared against when the email is unknown, so a wrong email costs the same time as a wrong password.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", BCRYPT_COST);

export async function createUser(
  tx: Tx,
  input: { email: string; password: string; displayName: string; locale: Locale; next?: string },
): Promise<{ userId: string; token: string } | { conflict: true }> {
  const hash = await bcrypt.hash(input.password, BCRYPT_COST);
  const userId = randomUUID();
  const { token, hash: tokenHash } = newToken();
  const inserted = await tx`
    insert into auth.users (instance_id, id, aud, role, email, encrypted_password, confirmation_token,
                            confirmation_sent_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
    values ('00000000-0000-0000-0000-000000000000', ${userId}, 'authenticated', 'authenticated', ${input.email},
            ${hash}, ${tokenHash}, now(), ${tx.json({ provider: "email", providers: ["email"] })},
            ${tx.json({ display_name: input.displayName, locale: input.locale, ...(input.next ? { next: input.next } : {}) })}, now(), now())
    on conflict do nothing`;
  if (inserted.count === 0) return { conflict: true };
  // The profile comes from the on_auth_user_created trigger, as it does when Supabase Auth inserts
  // the user: one path for both providers (see migration 20261125000200).
  return { userId, token };
}

export async function confirmEmail(tx: Tx, token: string) {
  const [user] = await tx<{ id: string; email: string; next: string | null }[]>`
    update auth.users set email_confirmed_at = now(), confirmation_token = '', updated_at = now()
     where confirmation_token = ${hashToken(token)} and email_confirmed_at is null
       and confirmation_sent_at > now() - make_interval(hours => ${VERIFY_HOURS})
    returning id, email, raw_user_meta_data ->> 'next' as next`;
  return user ?? null;
}

/** Checks the password; the caller runs this under the throttle (`throttled`). */
export async function signInWithPassword(
  tx: Tx,
  input: { email: string; password: string; ip: string; userAgent: string },
): Promise<{ passwordOk: boolean; result: SignInResult }> {
  const [user] = await tx<{ id: string; encrypted_password: string; email_confirmed_at: Date | null }[]>`
    select id, encrypted_password, email_confirmed_at from auth.users
     where email = ${input.email} and deleted_at is null and (banned_until is null or banned_until < now())`;
  const valid = await bcrypt.compare(input.password, user?.encrypted_password ?? DUMMY_HASH);
  if (!user || !valid) return { passwordOk: false, result: { ok: false, reason: "invalid" } };
  if (!user.email_confirmed_at) return { passwordOk: true, result: { ok: false, reason: "not_verified" } };
  const sessionId = await createSession(tx, user.id, input);
  await tx`update auth.users set last_sign_in_at = now() where id = ${user.id}`;
  return { passwordOk: true, result: { ok: true, userId: user.id, sessionId } };
}

/** A new session id at every sign-in (never reuse one from before authentication). */
export async function createSession(tx: Tx, userId: string, meta: { ip: string; userAgent: string }) {
  const id = randomUUID();
  await tx`insert into auth.sessions (id, user_id, created_at, updated_at, not_after, user_agent, ip)
           values (${id}, ${userId}, now(), now(), now() + make_interval(days => ${SESSION_DAYS}),
                   ${meta.userAgent.slice(0, 500)}, ${isIp(meta.ip) ? meta.ip : null})`;
  return id;
}

export async function endSession(tx: Tx, sessionId: string) {
  await tx`delete from auth.sessions where id = ${sessionId}`;
}

/** Returns a reset token for a known, verified address, or null; callers answer the same either way. */
export async function startRecovery(tx: Tx, email: string) {
  const { token, hash } = newToken();
  const [user] = await tx<{ id: string }[]>`
    update auth.users set recovery_token = ${hash}, recovery_sent_at = now(), updated_at = now()
     where email = ${email} and deleted_at is null
    returning id`;
  return user ? { userId: user.id, token } : null;
}

/** Sets a new password from a reset link, used once, and ends every session of the account. */
export async function resetPassword(tx: Tx, token: string, password: string) {
  const hash = await bcrypt.hash(password, BCRYPT_COST);
  const [user] = await tx<{ id: string }[]>`
    update auth.users
       set encrypted_password = ${hash}, recovery_token = '', updated_at = now(),
           -- the link came through the mailbox, so the address is proven too
           email_confirmed_at = coalesce(email_confirmed_at, now())
     where recovery_token = ${hashToken(token)}
       and recovery_sent_at > now() - make_interval(mins => ${RESET_MINUTES})
    returning id`;
  if (!user) return false;
  await tx`delete from auth.sessions where user_id = ${user.id}`;
  return true;
}

export async function isRecoveryTokenValid(tx: Tx, token: string) {
  const [row] = await tx`select 1 from auth.users where recovery_token = ${hashToken(token)}
                           and recovery_sent_at > now() - make_interval(mins => ${RESET_MINUTES})`;
  return !!row;
}

/** The address of an account, which the throttle counts attempts against. */
async function emailOf(userId: string) {
  const [user] = await asService((tx) => tx<{ email: string }[]>`select email from auth.users where id = ${userId}`);
  return user?.email ?? null;
}

/** Changes the password when the current one is right; other sessions of the account end. */
export async function changePassword(tx: Tx, userId: string, sessionId: string, current: string, next: string) {
  const [user] = await tx<{ encrypted_password: string }[]>`
    select encrypted_password from auth.users where id = ${userId} for update`;
  if (!user || !(await bcrypt.compare(current, user.encrypted_password))) return false;
  const hash = await bcrypt.hash(next, BCRYPT_COST);
  await tx`update auth.users set encrypted_password = ${hash}, updated_at = now() where id = ${userId}`;
  await tx`delete from auth.sessions where user_id = ${userId} and id <> ${sessionId}`;
  return true;
}

function isIp(value: string) {
  return /^[0-9a-fA-F:.]{2,45}$/.test(value);
}

/** The session id in the signed cookie, when the signature holds. */
async function sessionIdOf(cookies: CookieJar): Promise<string | null> {
  const header = cookies.header();
  const known = verified.get(header);
  if (known) return known;
  const sid: unknown = await sessionCookie().parse(header);
  if (typeof sid !== "string" || !isUuid(sid)) return null; // no cookie (a visitor): no zod parse
  if (verified.size >= 1000) verified.clear(); // bounded: the cookies of the people signed in lately
  verified.set(header, sid);
  return sid;
}

// A Cookie header whose session signature held, with its session id: the same header verifies the
// same with the same secret, and every signed-in request sent it again (an HMAC, 3-4 % of a signed-in
// empty page: decision 008, seventh pass). Only headers that verified are kept, so a forged one costs
// its HMAC every time, as before; whether the session itself still holds is the viewer's read.
const verified = new Map<string, string>();

const withToken = (pageUrl: string, token: string) => `${pageUrl}?token=${encodeURIComponent(token)}`;

/** The built-in provider behind the interface account flows use (see provider.server.ts). */
export const localProvider: AuthProvider = {
  signUp: (account, verifyPageUrl, mail) =>
    asService(async (tx) => {
      const created = await createUser(tx, account);
      if ("conflict" in created) return { ok: false };
      await mail(tx, { userId: created.userId, email: account.email, link: withToken(verifyPageUrl, created.token) });
      return { ok: true, userId: created.userId };
    }),

  async confirmEmail(token, client, then) {
    const verified = await asService(async (tx) => {
      const user = await confirmEmail(tx, token);
      if (!user) return null;
      await then(tx, user);
      const sessionId = await createSession(tx, user.id, client);
      await tx`update auth.users set last_sign_in_at = now() where id = ${user.id}`;
      return { userId: user.id, next: user.next, sessionId };
    });
    if (!verified) return null;
    client.cookies.append(await startSessionCookie(verified.sessionId));
    return { userId: verified.userId, next: verified.next };
  },

  async signIn(input, cookies, unlock) {
    const attempt = { account: input.email, ip: input.ip, cookies, unlock };
    const result = await throttled(attempt, () => asService((tx) => signInWithPassword(tx, input)));
    if (result.ok) cookies.append(await startSessionCookie(result.sessionId));
    return result;
  },

  async signOut(cookies) {
    const sessionId = await sessionIdOf(cookies);
    if (sessionId) await asService((tx) => endSession(tx, sessionId));
    cookies.append(await endSessionCookie());
  },

  startRecovery: (email, resetPageUrl, mail) =>
    asService(async (tx) => {
      const started = await startRecovery(tx, email);
      if (started) await mail(tx, { userId: started.userId, email, link: withToken(resetPageUrl, started.token) });
    }),

  isRecoveryTokenUsable: (token) => asService((tx) => isRecoveryTokenValid(tx, token)),

  async resetPassword(token, password, cookies) {
    const done = await asService((tx) => resetPassword(tx, token, password));
    // Every session of the account ended, this browser's included.
    if (done) cookies.append(await endSessionCookie());
    return done;
  },

  async changePassword(user, current, next, client) {
    const email = await emailOf(user.id);
    if (!email) return { ok: false, reason: "invalid" };
    return throttled({ account: email, ...client }, async () => {
      const changed = await asService((tx) => changePassword(tx, user.id, user.sessionId, current, next));
      return { passwordOk: changed, result: changed ? { ok: true as const } : { ok: false as const, reason: "invalid" as const } };
    });
  },

  async readSession(cookies) {
    const sessionId = await sessionIdOf(cookies);
    return sessionId ? { sessionId } : null;
  },
};
