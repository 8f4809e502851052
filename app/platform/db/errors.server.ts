import postgres from "postgres";

// Postgres errors as outcomes a person can read. Modules throw these; routes turn them into
// 409/503 responses with a translated message.
export class ConflictError extends Error {
  constructor(
    readonly messageKey: string,
    readonly constraint?: string,
  ) {
    super(messageKey);
  }
}
export class BusyError extends Error {
  constructor() {
    super("errors.busy");
  }
}
export class NotFoundError extends Error {
  constructor() {
    super("errors.notFound");
  }
}
export class ForbiddenError extends Error {
  constructor() {
    super("errors.forbidden");
  }
}

/** A value the database cannot take (bad text, out of range, a failed check): the sender's input. */
export class InvalidInputError extends Error {
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

export function pgCode(error: unknown): string | undefined {
  return error instanceof postgres.PostgresError ? error.code : undefined;
}

/** Map the errors a user can cause to domain errors; anything else is a bug and stays as it is. */
export function mapPgError(error: unknown): unknown {
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
