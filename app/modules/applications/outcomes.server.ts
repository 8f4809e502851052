import postgres from "postgres";

// The exceptions the applications triggers and functions raise by name (see the migration),
// read from a Postgres error so a module can answer with an outcome instead of a 500.
const NAMED = [
  "call_closed",
  "application_locked",
  "application_incomplete",
  "application_withdrawn",
  "already_submitted",
  "no_open_offer",
  "offer_expired",
  "not_found",
  "not_allowed",
  "decision_locked",
  "deadline_past",
  "deadline_too_far",
  "warnings_unconfirmed",
] as const;
export type RaisedName = (typeof NAMED)[number];

export function raisedName(error: unknown): RaisedName | null {
  if (!(error instanceof postgres.PostgresError)) return null;
  return (NAMED as readonly string[]).includes(error.message) ? (error.message as RaisedName) : null;
}
