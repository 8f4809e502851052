import pino, { type LoggerOptions } from "pino";

// Paths whose last part is a credential (a mentor's calendar feed, /calendar/<token>.ics: calendar
// apps send no cookies, so the address is the secret). Whatever logs a `path` or a `url` logs it
// with that part replaced, so request logs and error logs never hold a working address.
// Why: app/modules/mentoring/decisions/010-feed-token-in-logs.md.
const SECRET_PATHS = [/^((?:[a-z][a-z0-9+.-]*:\/\/[^/?#]*)?\/calendar\/)[^/?#]+/i];

/** The path or URL with every secret part replaced by `[redacted]`; anything else as it was. */
export function redactPath(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return SECRET_PATHS.reduce((v, re) => v.replace(re, "$1[redacted]"), value);
}

/** The logger's options, shared with tests that read what a line would hold. */
export const loggerOptions: LoggerOptions = {
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: undefined,
  serializers: { path: redactPath, url: redactPath },
};

// Structured JSON logs; every request logs its id (see http/request-id).
export const logger = pino(loggerOptions);
