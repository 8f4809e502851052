import v8 from "node:v8";
import { statementCount } from "./sql.server";
import { asUser, readAsVisitor } from "./transaction.server";

// What `npm run bench` reads from the server it measures. Off unless the bench started the
// server with BENCH=1, so a deployment never serves the bench routes.
export const benchEnabled = () => process.env.BENCH === "1";

export const statementsSoFar = () => statementCount();

/** A visitor's least read, one statement alone (`readAsVisitor`): what a page with data pays at least (the bench's floor row). */
export const benchRead = () => readAsVisitor((sql) => sql`select 1 as one`);
// The same statement in a visitor's transaction (BEGIN; settings with it; COMMIT): what a page's read in a transaction pays.
export const benchTransaction = () => asUser(null, (sql) => sql`select 1 as one`);

/**
 * The process's CPU time so far (user + system, µs) and memory (bytes): cost per request and
 * memory after the bench. The JavaScript heap (its size and what is live in it) beside the
 * resident memory tells a leak from memory the heap or malloc keeps for reuse.
 */
export function processUsage() {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  // Code and bytecode, and the sources V8 keeps beside the heap (what of the resident memory is the program itself).
  const code = v8.getHeapCodeStatistics();
  return {
    cpuMicros: cpu.user + cpu.system,
    rss: memory.rss,
    heapTotal: memory.heapTotal,
    heapUsed: memory.heapUsed,
    external: memory.external,
    arrayBuffers: memory.arrayBuffers,
    code: code.code_and_metadata_size + code.bytecode_and_metadata_size,
    scriptSources: code.external_script_source_size,
  };
}
