// Child process of the bench: loads one URL with autocannon and prints one JSON line. The load
// runs outside the bench's own process so the two never compete for one event loop.
import autocannon from "autocannon";
import { readFileSync } from "node:fs";

export type CannonOptions = {
  url: string;
  connections: number;
  durationSec: number;
  headers: Record<string, string>;
  /** a form post instead of a GET: each request takes the next body; success is status `ok` (a redirect) to `location` */
  post?: { bodies: string[]; ok: number; location: string };
};
export type CannonResult = {
  completed: number;
  sent: number;
  durationSec: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  p50: number;
  p95: number;
  /** form bodies taken (sent or only built): the next run starts after them */
  bodiesUsed: number;
};

// the options come on stdin: a post's bodies are too many for the command line
const opts = JSON.parse(readFileSync(0, "utf8")) as CannonOptions;
// autocannon's own histogram keeps only 2xx latencies and no p95: record every response here.
const latencies: number[] = [];
// A post's success is its redirect, which autocannon counts as non-2xx: count the real failures here.
let failed = 0;
let next = 0;
const post = opts.post;
const redirectsWell = (status: number, headers: Record<string, unknown>) =>
  status === post?.ok && String(Object.entries(headers).find(([k]) => k.toLowerCase() === "location")?.[1] ?? "").startsWith(post.location);
const requests = post
  ? [
      {
        method: "POST",
        setupRequest: (req: Record<string, unknown>) => ({ ...req, body: post.bodies[Math.min(next++, post.bodies.length - 1)] }),
        onResponse: (status: number, _body: string, _context: unknown, headers: Record<string, unknown>) => void (redirectsWell(status, headers) || failed++),
      },
    ]
  : undefined;

const instance = autocannon(
  { url: opts.url, connections: opts.connections, duration: opts.durationSec, headers: opts.headers, timeout: 10, ...(requests ? { requests } : {}) },
  (error, result) => {
    if (error) throw error;
    latencies.sort((a, b) => a - b);
    const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
    const out: CannonResult = {
      completed: result.requests.total,
      sent: result.requests.sent,
      durationSec: result.duration,
      non2xx: post ? failed : result.non2xx,
      errors: result.errors, // timeouts included
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
      p50: at(50),
      p95: at(95),
      bodiesUsed: next,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  },
);
instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
