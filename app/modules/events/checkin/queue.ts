import { sameCode } from "./code";

// Scans made while the network is down wait in this browser's localStorage, one list per event,
// and are sent in order when it is back. The server's check-in is idempotent, so a scan sent twice
// (a reply lost on the way back) checks in once and then answers "already checked in".

export type Queued = { code: string; at: string };

const key = (eventId: string) => `checkin-queue:${eventId}`;

export function readQueue(eventId: string): Queued[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key(eventId)) ?? "[]");
    return Array.isArray(value) ? value.filter((q): q is Queued => typeof q?.code === "string" && typeof q?.at === "string") : [];
  } catch {
    return [];
  }
}

function writeQueue(eventId: string, queue: Queued[]) {
  localStorage.setItem(key(eventId), JSON.stringify(queue));
}

/** Keep a scan for later; answers false when the same ticket is already waiting (scanned twice offline). */
export function enqueue(eventId: string, code: string): boolean {
  const queue = readQueue(eventId);
  if (queue.some((q) => sameCode(q.code, code))) return false;
  writeQueue(eventId, [...queue, { code, at: new Date().toISOString() }]);
  return true;
}

/** Drop the first waiting scan once the server has answered it. */
export function dropFirst(eventId: string) {
  writeQueue(eventId, readQueue(eventId).slice(1));
}
