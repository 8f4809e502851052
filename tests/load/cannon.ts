// Child process of the bench: loads one URL with autocannon and prints one JSON line. The load
// runs outside the bench's own process so the two never compete for one event loop.
import autocannon from "autocannon";

export type CannonOptions = { url: string; connections: number; durationSec: number; headers: Record<string, string> };
export type CannonResult = {
  completed: number;
  sent: number;
  durationSec: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  p50: number;
  p95: number;
};

const opts = JSON.parse(process.argv[2] ?? "{}") as CannonOptions;
// autocannon's own histogram keeps only 2xx latencies and no p95: record every response here.
const latencies: number[] = [];

const instance = autocannon(
  { url: opts.url, connections: opts.connections, duration: opts.durationSec, headers: opts.headers, timeout: 10 },
  (error, result) => {
    if (error) throw error;
    latencies.sort((a, b) => a - b);
    const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
    const out: CannonResult = {
      completed: result.requests.total,
      sent: result.requests.sent,
      durationSec: result.duration,
      non2xx: result.non2xx,
      errors: result.errors, // timeouts included
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
      p50: at(50),
      p95: at(95),
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  },
);
instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
