import { createCookie } from "@remix-run/node";
import { env } from "~/platform/env.server";
import { sessionSecret } from "./secret.server";

const MAX_AGE = 60 * 60 * 24 * 30;

let cookie: ReturnType<typeof createCookie> | undefined;

/** The session cookie holds only a signed, random session id; the session lives in auth.sessions. */
export function sessionCookie() {
  cookie ??= createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https:"),
    path: "/",
    maxAge: MAX_AGE,
    secrets: [sessionSecret()],
  });
  return cookie;
}

export const SESSION_DAYS = MAX_AGE / 86400;

/** The browser's language choice, kept for visitors who are not signed in. */
export const localeCookie = createCookie("lang", { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
