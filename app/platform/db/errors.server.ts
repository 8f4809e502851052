import postgres from "postgres";

// Postgres errors as outcomes a person can read. Modules throw these; routes turn them into
// 409/503 responses with a translated message. Each names itself: withOutcomes knows them by name
// (app/platform/http/errors.server.ts says why).
export class ConflictError extends Error {
  override name = "ConflictError";
  constructor(
    readonly messageKey: string,
    readonly constraint?: string,
  ) {
    super(messageKey);
  }
}
export class BusyError extends Error {
  override name = "BusyError";
  constructor() {
    super("errors.busy");
  }
}
export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor() {
    super("errors.notFound");
  }
}
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
  constructor() {
    super("errors.forbidden");
  }
}

/** The database is down, restarting, unreachable or did not answer in time: try again later (503). */
export class UnavailableError extends Error {
  override name = "UnavailableError";
  constructor(options?: ErrorOptions) {
    super("errors.unavailable", options);
  }
}

/**
 * An error of this class, also from another copy of it. By name, not only by class: the production
 * server runs the guards from its own copy of the platform, while the routes of build/server/index.js
 * throw the build's copy of these classes, so `instanceof` alone fails across the two (a module's
 * NotFoundError became a 500 that way). Every class here names itself for this.
 */
export function errorIs<E extends Error>(error: unknown, kind: abstract new (...args: never[]) => E): error is E {
  return error instanceof kind || (error instanceof Error && error.name === kind.name);
}

/** A value the database cannot take (bad text, out of range, a failed check): the sender's input. */
export class InvalidInputError extends Error {
  override name = "InvalidInputError";
  readonly messageKey = "errors.badInput";
  // the database's own words (a rule's name such as "reviewer_conflicted"), for logs and tests
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

// Caused by what was sent, not by a bug or an outage: class 22 (data exception: invalid text
// representation 22P02, bad encoding 22021, too long 22001, out of range 22003, datetime
// 22007/22008 …) and the integrity checks a value can fail (not null, foreign key, check).
const INPUT_INTEGRITY = new Set(["23502", "23503", "23514"]);
export const causedByInput = (code: string) => code.startsWith("22") || INPUT_INTEGRITY.has(code);

export const RETRYABLE = new Set(["40001", "40P01"]);

// Socket errors and postgres.js's own connection errors: the server is not there (now).
const UNREACHABLE = new Set([
  ...["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ENOTFOUND", "EAI_AGAIN"],
  ...["CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_DESTROYED", "CONNECTION_ENDED"],
]);
// SQLSTATEs of a server shutting down, starting up, full, or ending a session stuck in a transaction.
const GOING_AWAY = new Set(["57P01", "57P02", "57P03", "53300", "25P03"]);

/** True for errors that say the database cannot serve now, not that the request was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (errorIs(error, UnavailableError)) return true;
  if (error instanceof postgres.PostgresError) return error.code.startsWith("08") || GOING_AWAY.has(error.code);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && UNREACHABLE.has(code);
}

export function pgCode(error: unknown): string | undefined {
  return error instanceof postgres.PostgresError ? error.code : undefined;
}

/** Map the errors a user can cause to domain errors; anything else is a bug and stays as it is. */
export function mapPgError(error: unknown): unknown {
  if (isDatabaseUnavailable(error)) return error instanceof UnavailableError ? error : new UnavailableError({ cause: error });
  if (!(error instanceof postgres.PostgresError)) return error;
  if (causedByInput(error.code)) return new InvalidInputError(error.message, error.code);
  switch (error.code) {
    case "23505": // unique_violation
    case "23P01": // exclusion_violation
      return new ConflictError("errors.conflict", error.constraint_name);
    case "55P03": // lock_not_available (lock_timeout)
    case "57014": // query_canceled (statement_timeout)
    case "40001":
    case "40P01":
      return new BusyError();
    case "42501": // insufficient_privilege: RLS refused the row
      return new ForbiddenError();
    default:
      return error;
  }
}
