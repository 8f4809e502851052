// Prints one closing line over all vitest runs, "N passed, N failed", and fails when any test or
// test file failed (a second guard on top of each run's own exit code).
import { readFileSync } from "node:fs";

const runs = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, "utf8")));
const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
console.log(`${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
if (sum("numFailedTests") > 0 || sum("numFailedTestSuites") > 0 || runs.some((r) => !r.success)) process.exit(1);
