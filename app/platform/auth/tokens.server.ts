import { createHash, randomBytes } from "node:crypto";

/** A random token for a link, and the hash we store: the database never holds a usable token. */
export function newToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
