import { z } from "zod";

// A wall-clock time as a datetime-local input sends it ("YYYY-MM-DDTHH:MM", seconds allowed and
// dropped), with no zone: the form's zone (a call's, an event's) makes it an instant on the server.
// Pure, so the browser's form and the action check it the same way.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

/** A real date and time of the years 2000–2200 in that shape (no 31 February, no 24:00). */
export function isLocalDateTime(v: string): boolean {
  const m = LOCAL.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return y >= 2000 && y <= 2200 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60;
}

/** The field: `required` when left empty, `invalid` when not such a time; to the minute. */
export const localDateTime = (invalid: string, required = invalid) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .refine(isLocalDateTime, invalid)
    .transform((v) => v.slice(0, 16));
