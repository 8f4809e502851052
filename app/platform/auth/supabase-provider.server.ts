import { asService, type Claims } from "~/platform/db/transaction.server";
import { logger } from "~/platform/log.server";
import type { CookieJar } from "./cookie-jar.server";
import type { AuthProvider, ChangePasswordResult, SignInResult } from "./provider.server";
import { accessTokenClaims, detachedSupabase, isRefusal, supabaseFor } from "./supabase-client.server";
import { throttled } from "./throttle.server";

// Supabase Auth through @supabase/ssr. Supabase stores the users (auth.users, same database) and
// sends the verification and reset mails itself; profiles come from the on_auth_user_created trigger.
//
// Mailed links use the token-hash flow, not the PKCE code exchange: the link may be opened in
// another browser than the one that asked, where no code verifier exists. The project's email
// templates must link to our pages with the hash (Supabase dashboard, Authentication, Emails):
//   Confirm signup:  {{ .RedirectTo }}?token={{ .TokenHash }}
//   Reset password:  {{ .RedirectTo }}?token={{ .TokenHash }}
// and APP_URL/auth/verify, APP_URL/auth/reset must be allowed redirect URLs. The pages then call
// verifyOtp({ token_hash, type }), from a POST only, so mail scanners cannot use up a link.

/** Supabase's answers to a sign-up for an address that has an account (confirmations on or off). */
const TAKEN = new Set(["user_already_exists", "email_exists"]);

export const supabaseProvider: AuthProvider = {
  async signUp(account, verifyPageUrl) {
    const { data, error } = await detachedSupabase().auth.signUp({
      email: account.email,
      password: account.password,
      options: {
        emailRedirectTo: verifyPageUrl,
        data: { display_name: account.displayName, locale: account.locale, ...(account.next ? { next: account.next } : {}) },
      },
    });
    if (error) {
      if (error.code && TAKEN.has(error.code)) return { ok: false };
      throw error;
    }
    // With confirmations on, a taken address gets a look-alike user without identities (so the API
    // does not reveal accounts); the form says the address is taken, as with the local provider.
    if (!data.user || data.user.identities?.length === 0) return { ok: false };
    return { ok: true, userId: data.user.id };
  },

  async confirmEmail(token, client, then) {
    // Verifying opens a session, kept in the browser's cookies: the person is signed in.
    const { data, error } = await supabaseFor(client.cookies).auth.verifyOtp({ token_hash: token, type: "email" });
    if (error) {
      if (isRefusal(error)) return null;
      throw error;
    }
    const user = data.user;
    if (!user?.email) return null;
    await asService((tx) => then(tx, { id: user.id, email: user.email! }));
    const next: unknown = user.user_metadata?.next;
    return { userId: user.id, next: typeof next === "string" ? next : null };
  },

  signIn: (input, cookies, unlock) =>
    // Counted before Supabase is asked, so concurrent guesses cannot pass the limit either.
    throttled({ account: input.email, ip: input.ip, cookies, unlock }, async (): Promise<{ passwordOk: boolean; result: SignInResult }> => {
      const { data, error } = await supabaseFor(cookies).auth.signInWithPassword({ email: input.email, password: input.password });
      if (error?.code === "invalid_credentials") return { passwordOk: false, result: { ok: false, reason: "invalid" } };
      // Supabase checks the password before the confirmation, as the local provider does.
      if (error?.code === "email_not_confirmed") return { passwordOk: true, result: { ok: false, reason: "not_verified" } };
      if (error) throw error;
      const sessionId = accessTokenClaims(data.session.access_token).session_id ?? "";
      return { passwordOk: true, result: { ok: true, userId: data.user.id, sessionId } };
    }),

  async signOut(cookies) {
    // scope "local": this browser's session only, as with the local provider.
    const { error } = await supabaseFor(cookies).auth.signOut({ scope: "local" });
    if (!error) return;
    // Supabase could not be reached: the session lives on there until it expires, but this
    // browser forgets it, so the person is signed out as they asked.
    logger.warn({ err: error.message }, "supabase sign-out failed; clearing the cookies only");
    for (const { name } of cookies.getAll()) {
      if (/^sb-.+-auth-token/.test(name)) cookies.set(name, "", { path: "/", maxAge: 0 });
    }
  },

  async startRecovery(email, resetPageUrl) {
    const { error } = await detachedSupabase().auth.resetPasswordForEmail(email, { redirectTo: resetPageUrl });
    if (!error) return;
    // A refusal (e.g. Supabase's mail rate limit) must look like success to the caller.
    if (isRefusal(error)) logger.warn({ code: error.code }, "supabase refused a password reset");
    else throw error;
  },

  // Supabase can only tell by using the token, which spends it: the form's submit finds out.
  isRecoveryTokenUsable: async () => true,

  async resetPassword(token, password, cookies) {
    const auth = supabaseFor(cookies).auth;
    const verified = await auth.verifyOtp({ token_hash: token, type: "recovery" });
    if (verified.error) {
      if (isRefusal(verified.error)) return false;
      throw verified.error;
    }
    const updated = await auth.updateUser({ password });
    if (updated.error && !isRefusal(updated.error)) throw updated.error;
    // Every session of the account ends, the one the link opened and this browser's included. If
    // Supabase refused the password (its own policy), the link's session ends all the same.
    const out = await auth.signOut({ scope: updated.error ? "local" : "global" });
    if (out.error) throw out.error;
    return !updated.error;
  },

  async changePassword(user, current, next, client) {
    const auth = supabaseFor(client.cookies).auth;
    const { data } = await auth.getUser();
    const email = data.user?.email;
    if (!email || data.user?.id !== user.id) return { ok: false, reason: "invalid" };
    // Re-check the current password with a sign-in of its own, away from the person's cookies and
    // under the sign-in throttle, then end that extra session.
    const check = detachedSupabase().auth;
    const checked = await throttled({ account: email.toLowerCase(), ...client }, async (): Promise<{ passwordOk: boolean; result: ChangePasswordResult }> => {
      const signedIn = await check.signInWithPassword({ email, password: current });
      if (signedIn.error?.code === "invalid_credentials") return { passwordOk: false, result: { ok: false, reason: "invalid" } };
      if (signedIn.error) throw signedIn.error;
      return { passwordOk: true, result: { ok: true } };
    });
    if (!checked.ok) return checked;
    await check.signOut({ scope: "local" });
    const updated = await auth.updateUser({ password: next });
    if (updated.error) {
      if (isRefusal(updated.error)) return { ok: false, reason: "invalid" };
      throw updated.error;
    }
    // Said explicitly rather than relying on Supabase doing it on a password change.
    const out = await auth.signOut({ scope: "others" });
    if (out.error) throw out.error;
    return { ok: true };
  },

  readSession: (cookies) => verifiedClaims(cookies),
};

/**
 * The session in the cookies, verified by the Auth server (getUser with its access token), as the
 * same claims the local provider yields. An expiring session was refreshed before the request
 * reached the app (refreshSession, supabase-client.server.ts), so nothing here needs to write cookies. That holds while
 * access tokens live longer than the SDK's 90 s refresh margin (Supabase's default is an hour).
 */
async function verifiedClaims(cookies: CookieJar): Promise<{ claims: Claims } | null> {
  const auth = supabaseFor(cookies).auth;
  const { data: stored } = await auth.getSession();
  const token = stored.session?.access_token;
  if (!token) return null;
  const { data, error } = await auth.getUser(token);
  if (error || !data.user) {
    // When the Auth server cannot be reached, nobody is signed in rather than everybody erroring.
    if (error && !isRefusal(error)) logger.error({ err: error.message }, "supabase auth unavailable");
    return null;
  }
  const jwt = accessTokenClaims(token);
  if (jwt.role !== "authenticated" || jwt.sub !== data.user.id || !jwt.session_id) return null;
  return {
    claims: {
      sub: data.user.id,
      email: data.user.email ?? "",
      role: "authenticated",
      session_id: jwt.session_id,
      aal: jwt.aal === "aal2" ? "aal2" : "aal1",
      app_metadata: data.user.app_metadata ?? {},
      user_metadata: data.user.user_metadata ?? {},
    },
  };
}
