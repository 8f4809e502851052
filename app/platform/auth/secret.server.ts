import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "~/platform/env.server";

// Production must set SESSION_SECRET (env validation enforces it). A local run keeps a random
// one under .data/ so sessions survive restarts without a secret ever being committed.
let secret: string | undefined;
export function sessionSecret(): string {
  if (secret) return secret;
  if (env().SESSION_SECRET) return (secret = env().SESSION_SECRET!);
  const file = path.resolve(".data", "session-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return (secret = readFileSync(file, "utf8").trim());
}
