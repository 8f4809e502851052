import { statementCount } from "./sql.server";

// What `npm run bench` reads from the server it measures. Off unless the bench started the
// server with BENCH=1, so a deployment never serves the bench routes.
export const benchEnabled = () => process.env.BENCH === "1";

export const statementsSoFar = () => statementCount();

/**
 * The process's CPU time so far (user + system, µs) and memory (bytes): cost per request and
 * memory after the bench. The JavaScript heap (its size and what is live in it) beside the
 * resident memory tells a leak from memory the heap or malloc keeps for reuse.
 */
export function processUsage() {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  return { cpuMicros: cpu.user + cpu.system, rss: memory.rss, heapTotal: memory.heapTotal, heapUsed: memory.heapUsed, external: memory.external };
}
