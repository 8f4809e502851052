import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { startAppServer } from "./app-server";
import { signIn, type AppServer } from "./http-client";

/** The real server with the demo data, its database, and one demo account's session. */
export type DemoSession = {
  app: AppServer;
  db: postgres.Sql;
  /** The session cookie; a test may append another (the language cookie) to it. */
  cookie: string;
  get: (path: string) => Promise<Response>;
  /** A same-origin form post: fields URL-encoded, or a raw body as is. */
  post: (path: string, fields: Record<string, string> | string) => Promise<Response>;
};

/**
 * For a test file's top level: starts the app on a database of its own before the file's tests,
 * signs the demo account in, and stops it all after them. `env` is added to the server's environment.
 */
export function demoSession(email: string, env: Record<string, string> = {}): DemoSession {
  const session = {
    cookie: "",
    get: (path: string) => fetch(`${session.app.baseUrl}${path}`, { redirect: "manual", headers: { cookie: session.cookie } }),
    post: (path: string, fields: Record<string, string> | string) =>
      fetch(`${session.app.baseUrl}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: session.app.baseUrl, cookie: session.cookie },
        body: typeof fields === "string" ? fields : new URLSearchParams(fields).toString(),
      }),
  } as DemoSession;
  beforeAll(async () => {
    session.app = await startAppServer(inject("pgAdminUrl"), env);
    session.db = postgres(session.app.databaseUrl, { max: 1, onnotice: () => {} });
    session.cookie = await signIn(session.app, email);
  });
  afterAll(async () => {
    await session.db?.end();
    await session.app?.stop();
  });
  return session;
}
