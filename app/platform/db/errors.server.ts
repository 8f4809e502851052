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

export const RETRYABLE = new Set(["40001", "40P01"]);

export function pgCode(error: unknown): string | undefined {
  return error instanceof postgres.PostgresError ? error.code : undefined;
}

/** Map the errors a user can cause to domain errors; anything else is a bug and stays as it is. */
export function mapPgError(error: unknown): unknown {
  if (!(error instanceof postgres.PostgresError)) return error;
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
