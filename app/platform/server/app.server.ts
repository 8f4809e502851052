import type { ServerBuild } from "@remix-run/node";
import express from "express";
import path from "node:path";
import { refreshSession } from "~/platform/auth/supabase-client.server";
import { env } from "~/platform/env.server";
import { remixHandler } from "~/platform/http/remix-handler.server";
import { bodyCap, originCheck, requestLog, securityHeaders } from "~/platform/http/security.server";
import { logger } from "~/platform/log.server";
import { buildStaticFiles } from "./static-files.server";

export type LoadContext = { cspNonce: string; requestId: string; clientIp: string };

/**
 * The HTTP server around Remix: logs with request ids, security headers, origin check and body
 * cap before any route runs. `build` is the production build or, in dev, Vite's SSR loader.
 */
export function createApp(opts: { build: ServerBuild | (() => Promise<ServerBuild>); dev: boolean; vite?: { middlewares: express.RequestHandler } }) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.set("trust proxy", trustOnce(app.get("trust proxy fn") as Trust));
  app.use(requestLog);
  app.use(securityHeaders({ dev: opts.dev }));
  if (opts.vite) {
    app.use(opts.vite.middlewares);
  } else {
    app.use(buildStaticFiles(path.resolve("build/client")));
  }
  app.use(originCheck);
  app.use(bodyCap);
  if (env().SUPABASE_URL) app.use(refreshSupabaseSession);
  app.all(
    "*",
    remixHandler({
      build: typeof opts.build === "function" ? withOutageAnswers(opts.build) : answerOutages(opts.build),
      mode: opts.dev ? "development" : "production",
      getLoadContext: (req, res): LoadContext => ({
        cspNonce: res.locals.cspNonce as string,
        requestId: res.locals.requestId as string,
        clientIp: req.ip ?? "unknown",
      }),
    }),
  );
  return app;
}

type Trust = (address: string | undefined, hop: number) => boolean;

/**
 * Express asks whether the peer is a trusted proxy for `req.protocol`, `req.hostname` and `req.ip`
 * (three times a page), and each time parses the address again (1-2 % of a page's CPU, decision
 * 008). A "loopback" rule's answer depends on the address alone, so it is kept per address.
 */
function trustOnce(trust: Trust): Trust {
  const known = new Map<string, boolean>();
  return (address, hop) => {
    if (address === undefined) return trust(address, hop);
    let answer = known.get(address);
    if (answer === undefined) {
      answer = trust(address, hop);
      if (known.size >= 1000) known.clear(); // peers' addresses: bounded
      known.set(address, answer);
    }
    return answer;
  };
}

// The build guards its own routes (app/platform/http/outage.server.ts): its error classes are its
// own copies, which this server process, bundled apart from it, cannot recognise.
type Guard = { answerOutages?: (build: ServerBuild) => ServerBuild };
const answerOutages = (build: ServerBuild) => (build.entry.module as Guard).answerOutages?.(build) ?? build;
const withOutageAnswers = (load: () => Promise<ServerBuild>) => () => load().then(answerOutages);

/**
 * Requests answered from the build alone, which read no session: a page's strings files and Remix's
 * route manifest (lazy route discovery). The browser fetches both beside a page's own data request,
 * so refreshing on them too would spend the refresh token twice. Every other request may read the
 * session: documents, data requests, and resource routes alike (file downloads, exports, the
 * check-in desk's fetch), which look no different from these by their headers.
 */
const answeredFromBuild = (path: string) => path.startsWith("/strings/") || path === "/__manifest";

/**
 * With Supabase Auth, an expiring session is refreshed once, here, before any loader runs: Remix
 * loaders cannot all write cookies, and a refresh token that is used without its successor being
 * stored would sign the person out. The request continues with the fresh cookies.
 */
const refreshSupabaseSession: express.RequestHandler = (req, res, next) => {
  if (answeredFromBuild(req.path)) return next();
  refreshSession(req.headers.cookie ?? null).then((fresh) => {
    if (fresh) {
      fresh.headers.forEach((value, key) => {
        if (key !== "set-cookie") res.setHeader(key, value);
      });
      for (const cookie of fresh.headers.getSetCookie()) res.append("Set-Cookie", cookie);
      req.headers.cookie = fresh.cookieHeader;
    }
    next();
  }, (error: unknown) => {
    // Without a refresh the session reads as signed out; the page still answers.
    logger.warn({ err: String(error) }, "supabase session refresh failed");
    next();
  });
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends LoadContext {}
}
