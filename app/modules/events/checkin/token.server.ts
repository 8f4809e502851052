import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "~/platform/env.server";
import { encodeBits, encodeNumber, formatCode, parseCode, SIGNATURE_LENGTH } from "./code";

// Tickets' codes are signed, never stored (decisions/005-ticket-codes.md): the signature covers the
// ticket's id and its token version, which moves on at each transfer, so the old code dies with it.

let secret: Buffer | undefined;
/** TICKET_SECRET (required in production by env validation); a local run keeps a random one under .data/, as the session secret. */
function ticketSecret(): Buffer {
  if (secret) return secret;
  if (env().TICKET_SECRET) return (secret = Buffer.from(env().TICKET_SECRET!));
  const file = path.resolve(".data", "ticket-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      // wx: two processes starting at once keep the first one's secret
      writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    } catch {
      // written by the other process
    }
  }
  return (secret = Buffer.from(readFileSync(file, "utf8").trim()));
}

const signature = (ticketId: string, version: number) =>
  encodeBits(createHmac("sha256", ticketSecret()).update(`event-ticket:${ticketId}:${version}`).digest(), SIGNATURE_LENGTH);

export type TicketKey = { id: string; ticketNo: bigint | string | number; version: number };

/** The code printed on a ticket and held by its QR. */
export function ticketCode(t: TicketKey): string {
  return formatCode(encodeNumber(BigInt(t.ticketNo)), signature(t.id, t.version));
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * How a presented signature matches a ticket: 'current', 'old' (a code this ticket had before it
 * changed hands) or 'forged'.
 */
export function matchSignature(t: { id: string; version: number }, presented: string): "current" | "old" | "forged" {
  if (same(signature(t.id, t.version), presented)) return "current";
  for (let v = t.version - 1; v >= 0 && v >= t.version - 20; v--) if (same(signature(t.id, v), presented)) return "old";
  return "forged";
}

export { parseCode };
