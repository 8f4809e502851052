import { createServerClient } from "@supabase/ssr";
import { isAuthApiError, type AuthError, type SupabaseClientOptions } from "@supabase/supabase-js";
import { env } from "~/platform/env.server";
import { CookieJar } from "./cookie-jar.server";

/**
 * A Supabase client for one request: its session comes from the jar's cookies and every change to
 * it (sign-in, refresh, sign-out) goes back into the jar as Set-Cookie headers. Never shared
 * between requests. Cookies are httpOnly: no browser code of ours reads the session.
 */
export function supabaseFor(cookies: CookieJar) {
  const { SUPABASE_URL, SUPABASE_ANON_KEY, APP_URL } = env();
  if (!SUPABASE_URL || !SUPABASE_ANON_KEY) throw new Error("Supabase Auth is not configured (SUPABASE_URL, SUPABASE_ANON_KEY)");
  return createServerClient(SUPABASE_URL, SUPABASE_ANON_KEY, {
    cookies: {
      getAll: () => cookies.getAll(),
      setAll(toSet, headers) {
        for (const { name, value, options } of toSet) cookies.set(name, value, options);
        // Responses that carry a session must never be cached by a proxy.
        for (const [key, value] of Object.entries(headers)) cookies.headers.set(key, value);
      },
    },
    cookieOptions: { httpOnly: true, secure: APP_URL.startsWith("https:"), sameSite: "lax", path: "/" },
    realtime: { transport: NoRealtime },
  });
}

/**
 * supabase-js builds a Realtime client with every client and, on Node 20 (no global WebSocket),
 * refuses to start. The server never opens Realtime; should anything try, it fails loudly here.
 */
type RealtimeTransport = NonNullable<NonNullable<SupabaseClientOptions<"public">["realtime"]>["transport"]>;
// Never constructs a socket, so it needs none of a socket's members. Storage's client uses it too.
export const NoRealtime = class {
  constructor() {
    throw new Error("Supabase Realtime is not used on the server");
  }
} as unknown as RealtimeTransport;

/** A client with no browser behind it, for calls whose session must not reach the person's cookies. */
export const detachedSupabase = () => supabaseFor(new CookieJar());

/** The Auth server said no (bad token, wrong password, rate limit): an answer, not an outage. */
export const isRefusal = (error: AuthError) => isAuthApiError(error) && error.status >= 400 && error.status < 500;

export type AccessTokenClaims = { sub?: string; role?: string; session_id?: string; aal?: string };

/**
 * The payload of an access token. Only for a token the Auth server has just accepted (getUser with
 * that token): decoding is not verifying.
 */
export function accessTokenClaims(token: string): AccessTokenClaims {
  const payload = token.split(".")[1] ?? "";
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as AccessTokenClaims;
  } catch {
    return {};
  }
}

/**
 * Refreshes a Supabase session that is about to expire, before the app handles the request: the
 * new cookies go to the browser (Set-Cookie) and into the request's own Cookie header, so every
 * loader of this request sees the fresh session. Null when there is nothing to do.
 */
export async function refreshSession(cookieHeader: string | null): Promise<{ cookieHeader: string; headers: Headers } | null> {
  const cookies = new CookieJar(cookieHeader);
  if (!cookies.getAll().some((c) => c.name.startsWith("sb-"))) return null;
  await supabaseFor(cookies).auth.getSession();
  if (cookies.headers.getSetCookie().length === 0) return null;
  return { cookieHeader: cookies.header(), headers: cookies.headers };
}
