// Prints one closing line over all vitest runs: "N passed, N failed".
import { readFileSync } from "node:fs";

const runs = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, "utf8")));
const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
console.log(`${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
