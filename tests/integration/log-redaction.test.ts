import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { loggerOptions, redactPath } from "~/platform/log.server";

// A calendar feed's address is its credential: no log line may hold it (decisions/010-feed-token-in-logs.md).
const token = "Qk3v9s0aZ_-8Jx1mNn2Pq4Rr5Ss6Tt7Uu8Vv9Ww0Xx1Y";

function lines(write: (log: pino.Logger) => void): string {
  const out: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => void (out.push(String(chunk)), done()) });
  write(pino({ ...loggerOptions, level: "info" }, sink));
  return out.join("");
}

describe("request logs and feed tokens", () => {
  it("logs a feed request's path and an error's URL without the token", () => {
    const text = lines((log) => {
      log.info({ reqId: "r1", method: "GET", path: `/calendar/${token}.ics`, status: 200, ms: 3 }, "request");
      log.warn({ method: "GET", url: `https://app.example.vn/calendar/${token}.ics?x=1` }, "database busy");
    });
    expect(text).not.toContain(token);
    const [request, error] = text.trim().split("\n").map((l) => JSON.parse(l) as { path?: string; url?: string });
    expect(request!.path).toBe("/calendar/[redacted]");
    expect(error!.url).toBe("https://app.example.vn/calendar/[redacted]?x=1");
  });

  it("leaves every other path as it was", () => {
    for (const p of ["/mentoring/calendar", "/manage/programmes/abc/mentoring", "/", "/calendar"]) expect(redactPath(p)).toBe(p);
    expect(redactPath(undefined)).toBeUndefined();
  });
});
