import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { createReadableStreamFromReadable, createRequestHandler } from "@remix-run/node";
// The adapter's own conversions (headers; the response: status, cookies, streaming); only its
// request handler is exported from the package root, and we need a step between the two.
import { createRemixHeaders, sendRemixResponse } from "@remix-run/express/dist/server.js";
import type express from "express";
import { documentBody } from "./document-body";
import { guardBuild } from "./guard.server";
import { openRequestScope } from "./request-scope.server";
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
      const request = remixRequest(req, res);
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

/**
 * The adapter's `createRemixRequest` (@remix-run/express 2.17.5) with the same URL, headers, body and
 * abort, for less: the URL is parsed once (by the Request, not also before it), and one `close`
 * listener aborts the loaders and actions when the response can no longer be sent (the client went
 * away before it was finished), where the adapter added a `finish` listener too (decision 008).
 */
function remixRequest(req: express.Request, res: express.Response): Request {
  // req.hostname (which heeds "trust proxy") drops the port: take it from X-Forwarded-Host or Host
  const port = portOf(req.get("X-Forwarded-Host")) ?? portOf(req.get("host"));
  const url = `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`;
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: createRemixHeaders(req.headers), signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return openRequestScope(new Request(url, init));
}

/** The adapter's reading of a host's port: what follows its first colon, if a whole number. */
function portOf(host: string | undefined): number | undefined {
  const port = Number.parseInt(host?.split(":")[1] ?? "", 10);
  return Number.isSafeInteger(port) ? port : undefined;
}

/**
 * A rendered page (entry.server): the adapter's status and headers, then the bytes in one write. A
 * header the response alone has is set as it is (Express's `append` reads it back, copies it into an
 * array and checks the content type's charset, which entry.server always names).
 */
function sendPage(res: express.Response, response: Response, page: Uint8Array) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) {
    if (res.hasHeader(key)) res.append(key, value);
    else res.setHeader(key, value);
  }
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
