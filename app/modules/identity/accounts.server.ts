import { CookieJar } from "~/platform/auth/cookie-jar.server";
import { authProvider, type SignInInput } from "~/platform/auth/provider.server";
import { redeemUnlock, type Unlock } from "~/platform/auth/unlock.server";
import type { Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import type { Locale } from "~/platform/i18n/i18n";
import { enqueueMail } from "~/platform/mail/outbox.server";
import type { SignUpInput } from "./schema";

// Account flows, the same whichever provider is on (provider.server.ts picks it). Mails that are
// ours to send commit with the change; with Supabase Auth, Supabase sends the verification and
// reset mails itself and the `mail` callbacks below are not called. The welcome mail is always ours.
//
// `cookies` carries the browser's session in and Set-Cookie headers out; routes pass the request's.
// Callers without a browser (tests, scripts) may leave it out and get a jar of their own.
const page = (path: string) => `${env().APP_URL}${path}`;

async function profileOf(tx: Tx, userId: string, email: string) {
  const [profile] = await tx<{ display_name: string; locale: Locale }[]>`
    select display_name, locale from public.profiles where id = ${userId}`;
  return { locale: profile?.locale ?? ("vi" as Locale), name: profile?.display_name ?? email };
}

/** `next`: where the person lands once verified (an invitation they signed up from). */
export function signUp(input: SignUpInput, locale: Locale, next?: string) {
  return authProvider().signUp({ ...input, locale, next }, page("/auth/verify"), async (tx, mail) => {
    await enqueueMail(tx, mail.email, "verify-email", { locale, name: input.displayName, url: mail.link });
  });
}

/** Verifies the address and signs the person in (the session cookie goes into `cookies`). */
export function verifyEmail(token: string, client: { ip: string; userAgent: string }, cookies = new CookieJar()) {
  return authProvider().confirmEmail(token, { ...client, cookies }, async (tx, user) => {
    const { locale, name } = await profileOf(tx, user.id, user.email);
    await enqueueMail(tx, user.email, "welcome", { locale, name, url: page("/") });
  });
}

/**
 * When the throttle refuses an attempt, the account's owner (if there is one) gets a link that lets
 * their browser sign in anyway, in their language. The caller learns nothing about the account.
 */
const unlock: Unlock = {
  get pageUrl() {
    return page("/auth/unlock");
  },
  mail: async (tx, mail) => {
    const { locale, name } = await profileOf(tx, mail.userId, mail.email);
    await enqueueMail(tx, mail.email, "sign-in-unlock", { locale, name, url: mail.link, ip: mail.ip, minutes: mail.minutes });
  },
};

export function signIn(input: SignInInput, cookies = new CookieJar()) {
  return authProvider().signIn(input, cookies, unlock);
}

/** Uses a mailed unlock link once; the browser's device cookie goes into the jar. */
export const unlockDevice = (token: string, cookies: CookieJar) => redeemUnlock(token, cookies);

export function signOut(cookies: CookieJar) {
  return authProvider().signOut(cookies);
}

/** Always looks the same to the caller, so nobody learns which addresses have accounts. */
export function requestPasswordReset(email: string): Promise<void> {
  return authProvider().startRecovery(email, page("/auth/reset"), async (tx, mail) => {
    const { locale, name } = await profileOf(tx, mail.userId, mail.email);
    await enqueueMail(tx, mail.email, "reset-password", { locale, name, url: mail.link });
  });
}

export const isResetTokenValid = (token: string) => authProvider().isRecoveryTokenUsable(token);

export const resetPassword = (token: string, password: string, cookies = new CookieJar()) =>
  authProvider().resetPassword(token, password, cookies);

/** Under the sign-in throttle: the current password is guessed no faster here than at sign-in. */
export const changePassword = (
  userId: string,
  sessionId: string,
  current: string,
  next: string,
  client: { ip: string; cookies?: CookieJar },
) => authProvider().changePassword({ id: userId, sessionId }, current, next, { ip: client.ip, cookies: client.cookies ?? new CookieJar(), unlock });
