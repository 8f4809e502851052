import { statementCount } from "./sql.server";

// What `npm run bench` reads from the server it measures. Off unless the bench started the
// server with BENCH=1, so a deployment never serves the bench routes.
export const benchEnabled = () => process.env.BENCH === "1";

export const statementsSoFar = () => statementCount();

/** The process's CPU time so far (user + system, µs) and resident memory (bytes): cost per request and memory after the bench. */
export function processUsage() {
  const cpu = process.cpuUsage();
  return { cpuMicros: cpu.user + cpu.system, rss: process.memoryUsage.rss() };
}
