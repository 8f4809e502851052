import * as local from "~/platform/auth/local-provider.server";
import { asService } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import type { Locale } from "~/platform/i18n/i18n";
import { enqueueMail } from "~/platform/mail/outbox.server";
import type { SignUpInput } from "./schema";

// Account flows of the built-in provider: each change and its mail commit together.
const link = (path: string, token: string) => `${env().APP_URL}${path}?token=${encodeURIComponent(token)}`;

export async function signUp(input: SignUpInput, locale: Locale) {
  return asService(async (tx) => {
    const created = await local.createUser(tx, { ...input, locale });
    if ("conflict" in created) return { ok: false as const };
    await enqueueMail(tx, input.email, "verify-email", {
      locale,
      name: input.displayName,
      url: link("/auth/verify", created.token),
    });
    return { ok: true as const, userId: created.userId };
  });
}

export async function verifyEmail(token: string) {
  return asService(async (tx) => {
    const user = await local.confirmEmail(tx, token);
    if (!user) return false;
    const [profile] = await tx<{ display_name: string; locale: Locale }[]>`
      select display_name, locale from public.profiles where id = ${user.id}`;
    await enqueueMail(tx, user.email, "welcome", {
      locale: profile?.locale ?? "vi",
      name: profile?.display_name ?? user.email,
      url: `${env().APP_URL}/`,
    });
    return true;
  });
}

export function signIn(input: { email: string; password: string; ip: string; userAgent: string }) {
  return asService((tx) => local.signInWithPassword(tx, input));
}

export function signOut(sessionId: string) {
  return asService((tx) => local.endSession(tx, sessionId));
}

/** Always looks the same to the caller, so nobody learns which addresses have accounts. */
export async function requestPasswordReset(email: string) {
  await asService(async (tx) => {
    const started = await local.startRecovery(tx, email);
    if (!started) return;
    const [profile] = await tx<{ display_name: string; locale: Locale }[]>`
      select display_name, locale from public.profiles where id = ${started.userId}`;
    await enqueueMail(tx, email, "reset-password", {
      locale: profile?.locale ?? "vi",
      name: profile?.display_name ?? email,
      url: link("/auth/reset", started.token),
    });
  });
}

export const isResetTokenValid = (token: string) => asService((tx) => local.isRecoveryTokenValid(tx, token));
export const resetPassword = (token: string, password: string) =>
  asService((tx) => local.resetPassword(tx, token, password));
export const changePassword = (userId: string, sessionId: string, current: string, next: string) =>
  asService((tx) => local.changePassword(tx, userId, sessionId, current, next));
