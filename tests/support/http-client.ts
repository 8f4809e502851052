import type postgres from "postgres";
import { DEMO_PASSWORD } from "~/platform/server/demo";
import type { startAppServer } from "./app-server";

// Talking to the real server as a browser would: same-origin posts, a session cookie per person,
// and a fingerprint of the data to prove a request wrote nothing.
export type AppServer = Awaited<ReturnType<typeof startAppServer>>;

/** A demo account's session cookie, signed in through the sign-in form. */
export async function signIn(app: AppServer, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${app.baseUrl}/auth/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl },
    body: new URLSearchParams({ email, password }).toString(),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (res.status !== 302 || !cookie) throw new Error(`could not sign in ${email}: ${res.status}`);
  return cookie;
}

/** A same-origin POST of any body (a string, URL-encoded fields, FormData or bytes). */
export function post(app: AppServer, path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return fetch(`${app.baseUrl}${path}`, { method: "POST", redirect: "manual", headers: { origin: app.baseUrl, ...headers }, body });
}

/** The names of the fields and the values of the intent buttons in a page's forms. */
export function formFields(html: string): { names: string[]; intents: string[] } {
  const names = new Set<string>();
  const intents = new Set<string>();
  for (const tag of html.match(/<(input|select|textarea|button)\b[^>]*>/g) ?? []) {
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    if (!name) continue;
    names.add(decodeEntities(name));
    const value = /\svalue="([^"]*)"/.exec(tag)?.[1];
    if (name === "intent" && value) intents.add(decodeEntities(value));
  }
  return { names: [...names], intents: [...intents] };
}

/** Text as a person reads it from server-rendered HTML (React escapes these five). */
export const decodeEntities = (html: string) =>
  html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

// What sign-in throttling writes when it refuses a password check (its counters and attempts, the
// owner's unlock link and its mail): counting and answering a refused attempt is its purpose.
const THROTTLE_BOOKKEEPING: Record<string, string> = { email_outbox: "where x.template <> 'sign-in-unlock'" };

/**
 * Row count and md5 of the rows of every table in `public`, in one statement, leaving out what
 * sign-in throttling records (tables `sign_in_*`, unlock mails in the outbox) and the stored
 * ranking (`ranking_*`), which the first read after a change derives from what is there.
 */
export async function fingerprint(db: postgres.Sql): Promise<Record<string, string>> {
  const tables = await db<{ name: string }[]>`
    select tablename as name from pg_tables where schemaname = 'public' and tablename !~ '^(sign_in_|ranking_)' order by 1`;
  const rows = await db.unsafe<{ name: string; n: number; md5: string | null }[]>(
    tables
      .map(
        ({ name }) =>
          `select '${name}' as name, count(*)::int as n, md5(string_agg(x::text, ',' order by x::text)) as md5 from public."${name}" x ${THROTTLE_BOOKKEEPING[name] ?? ""}`,
      )
      .join(" union all "),
  );
  return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.md5 ?? ""}`]));
}
