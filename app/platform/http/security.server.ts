import type { NextFunction, Request, Response } from "express";
import { randomFillSync, randomUUID } from "node:crypto";
import { logger } from "~/platform/log.server";

// 12 MB: a 10 MB pitch deck plus the rest of its form fits.
export const MAX_BODY_BYTES = 12 * 1024 * 1024;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A request id (taken from a trusted proxy's header when present) and one log line per request. */
export function requestLog(req: Request, res: Response, next: NextFunction) {
  const incoming = req.get("x-request-id");
  const id = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  res.locals.requestId = id;
  res.setHeader("X-Request-Id", id);
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.info({ reqId: id, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, "request");
  });
  next();
}

// Posts that come from another site by design and prove themselves otherwise: Stripe signs each
// webhook (checked on the raw body before anything is written) and sends no cookie or Origin.
const ORIGIN_EXEMPT = new Set(["/webhooks/stripe"]);

/**
 * Refuse state-changing requests from other sites: the Origin (or, lacking it, the Referer) must
 * be this server's own. SameSite=Lax cookies already stop most of this; this stops the rest.
 */
export function originCheck(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || ORIGIN_EXEMPT.has(req.path)) return next();
  const host = req.get("host");
  const source = req.get("origin") ?? refererOrigin(req.get("referer"));
  let sameSite = false;
  try {
    sameSite = !!source && source !== "null" && new URL(source).host === host;
  } catch {
    sameSite = false;
  }
  if (!sameSite) {
    res.status(403).type("text/plain").send("Cross-origin request refused / Yêu cầu từ trang khác bị từ chối");
    return;
  }
  next();
}

function refererOrigin(referer: string | undefined) {
  try {
    return referer ? new URL(referer).origin : undefined;
  } catch {
    return undefined;
  }
}

/** Bodies over the cap are refused before anything reads them; a body must declare its length. */
export function bodyCap(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const length = Number(req.get("content-length") ?? (req.get("transfer-encoding") ? NaN : 0));
  if (!Number.isFinite(length)) {
    res.status(411).type("text/plain").send("Length required");
    return;
  }
  if (length > MAX_BODY_BYTES) {
    res.status(413).type("text/plain").send("Request too large / Yêu cầu quá lớn");
    return;
  }
  next();
}

/**
 * For a response our own pages may frame (a mail preview): the site-wide headers forbid framing,
 * and `sameSiteFraming` lets exactly these responses be framed by this site, and no other.
 */
export const frameableBySite = { "X-Frame-Options": "SAMEORIGIN" } as const;

/** Called before a response's own headers are added: a response that is `frameableBySite` relaxes the site's framing rule to 'self'. */
export function sameSiteFraming(res: Response, headers: Headers) {
  if (headers.get("X-Frame-Options") !== frameableBySite["X-Frame-Options"]) return;
  res.removeHeader("X-Frame-Options");
  const policy = res.getHeader("Content-Security-Policy");
  if (typeof policy === "string") res.setHeader("Content-Security-Policy", policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
}

// Nonces are cut from a pool of random bytes filled 256 at a time: one call into the system's
// random source per 256 responses instead of one each (about 1 % of a page's CPU, decision 008).
// Each nonce's 16 bytes are used once, so nonces stay as unpredictable as `randomBytes(16)`'s.
const NONCE_BYTES = 16;
const pool = Buffer.alloc(NONCE_BYTES * 256);
let poolAt = pool.length;
function newNonce() {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += NONCE_BYTES;
  return pool.toString("base64", poolAt - NONCE_BYTES, poolAt);
}

/** Security headers and a CSP whose script nonce is new for every response. */
export function securityHeaders(opts: { dev: boolean }) {
  // Built once: only the nonce changes from one response to the next.
  const policy = (nonce: string) =>
    [
      "default-src 'self'",
      `script-src ${opts.dev ? "'self' 'unsafe-inline'" : `'self' 'nonce-${nonce}'`}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
      "frame-ancestors 'none'",
      "form-action 'self'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; ");
  const [before = "", after = ""] = policy("\0").split("\0");
  const fixed: [string, string][] = [
    ["X-Content-Type-Options", "nosniff"],
    ["X-Frame-Options", "DENY"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ...(opts.dev ? [] : [["Strict-Transport-Security", "max-age=31536000; includeSubDomains"] as [string, string]]),
  ];
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", opts.dev ? before : before + nonce + after);
    for (const [name, value] of fixed) res.setHeader(name, value);
    next();
  };
}
