import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/node";
// The adapter's own request and response conversion (host, port, proxies, streaming, cookies);
// only its request handler is exported from the package root, and we need a step between the two.
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import type express from "express";
import { documentBody } from "./document-body";
import { guardBuild } from "./guard.server";
import { sameSiteFraming } from "./security.server";

type Build = ServerBuild | (() => Promise<ServerBuild>);

/**
 * Remix behind Express as @remix-run/express serves it, plus the input boundary: every loader and
 * action runs behind `guardBuild`, and what is left of a request body is read before the answer
 * goes out. Closing a connection with unread bytes resets it (ECONNRESET): the browser would show
 * that instead of our answer, for a deck over 10 MB, a sign-in redirect or a page without an action.
 * The body cap, before this, bounds what is read.
 */
export function remixHandler(opts: { build: Build; mode: string; getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext }) {
  const handle = createRequestHandler(typeof opts.build === "function" ? guardedDevBuild(opts.build) : guardBuild(opts.build), opts.mode);
  return async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    try {
      const request = createRemixRequest(req, res);
      const response = await handle(request, opts.getLoadContext(req, res));
      await readToEnd(request, req);
      // The adapter adds the response's headers to the site-wide ones; framing is the one they may relax.
      sameSiteFraming(res, response.headers);
      const page = documentBody(response);
      if (page) sendPage(res, response, page);
      else await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

/** A rendered page (entry.server): the adapter's status and headers, then the bytes in one write. */
function sendPage(res: express.Response, response: Response, page: Uint8Array) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  res.end(page);
}

/** In dev, Vite hands a fresh build after each change: guard each one once. */
function guardedDevBuild(load: () => Promise<ServerBuild>) {
  const guarded = new WeakMap<ServerBuild, ServerBuild>();
  return async () => {
    const build = await load();
    if (!guarded.has(build)) guarded.set(build, guardBuild(build));
    return guarded.get(build)!;
  };
}

async function readToEnd(request: Request, req: express.Request) {
  if (req.complete || req.destroyed) return;
  if (request.body && !request.body.locked) {
    await request.body.pipeTo(new WritableStream()).catch(() => {});
    return;
  }
  // Read in part by someone else: take the rest from the socket. The adapter's stream pauses the
  // request at its high-water mark, so keep it flowing.
  await new Promise<void>((resolve) => {
    req.on("data", () => req.resume());
    req.once("end", resolve);
    req.once("close", resolve);
    req.resume();
  });
}
