import type { Claims, Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import type { Locale } from "~/platform/i18n/i18n";
import type { CookieJar } from "./cookie-jar.server";
import { localProvider } from "./local-provider.server";
import { supabaseProvider } from "./supabase-provider.server";
import type { Locked } from "./throttle.server";
import type { Unlock } from "./unlock.server";

// The one place that knows which provider is on: Supabase Auth when SUPABASE_URL is set, else the
// built-in one. Read on every call (env() is cached), so tests switch with process.env + resetEnv().
export function authProvider(): AuthProvider {
  return env().SUPABASE_URL ? supabaseProvider : localProvider;
}

/** `next`: a same-site path the person lands on once the address is verified (an invitation). */
export type NewAccount = { email: string; password: string; displayName: string; locale: Locale; next?: string };
/** Who verified an address: the session opened for them is in the cookie jar. */
export type Verified = { userId: string; next: string | null };
export type SignInInput = { email: string; password: string; ip: string; userAgent: string };
export type SignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" | "not_verified" }
  | Locked;
export type ChangePasswordResult = { ok: true } | { ok: false; reason: "invalid" } | Locked;
/** Where the request comes from, for the throttle; `unlock` mails the owner when it refuses. */
export type Client = { ip: string; cookies: CookieJar; unlock: Unlock };

/** How a request's cookies identify someone: a session row of ours, or claims the Auth server verified. */
export type SessionRef = { sessionId: string } | { claims: Claims };

/**
 * Queues a mail with a link, in the same transaction as the change. Called only by a provider
 * whose links are ours to mail (the local one); Supabase Auth sends its own.
 */
export type MailLink = (tx: Tx, mail: { userId: string; email: string; link: string }) => Promise<void>;

/** What account flows need of a provider. `pageUrl` arguments are the pages the mailed links open. */
export interface AuthProvider {
  signUp(account: NewAccount, verifyPageUrl: string, mail: MailLink): Promise<{ ok: true; userId: string } | { ok: false }>;
  /**
   * Confirms the address and signs the person in (the mailed link proves the mailbox, and the
   * token is used once): a new session cookie goes into the jar. `then` runs in a transaction of
   * ours (the welcome mail). Null when the token is unknown, used or expired.
   */
  confirmEmail(
    token: string,
    client: { ip: string; userAgent: string; cookies: CookieJar },
    then: (tx: Tx, user: { id: string; email: string }) => Promise<void>,
  ): Promise<Verified | null>;
  /** Under the sign-in throttle with either provider; a session cookie goes into the jar. */
  signIn(input: SignInInput, cookies: CookieJar, unlock: Unlock): Promise<SignInResult>;
  /** Ends the session the cookies hold (if any) and clears them. */
  signOut(cookies: CookieJar): Promise<void>;
  /** Starts a reset for a known address; answers the same for an unknown one. */
  startRecovery(email: string, resetPageUrl: string, mail: MailLink): Promise<void>;
  /** Whether a reset link still works; a provider that can only tell by using it says true. */
  isRecoveryTokenUsable(token: string): Promise<boolean>;
  /** Sets the new password from a reset link and ends every session of the account. */
  resetPassword(token: string, password: string, cookies: CookieJar): Promise<boolean>;
  /** Changes the password when `current` is right, under the same throttle; the account's other sessions end. */
  changePassword(user: { id: string; sessionId: string }, current: string, next: string, client: Client): Promise<ChangePasswordResult>;
  readSession(cookies: CookieJar): Promise<SessionRef | null>;
}
