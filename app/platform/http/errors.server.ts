import { data } from "@remix-run/node";
import { BusyError, ConflictError, errorIs as is, ForbiddenError, InvalidInputError, NotFoundError } from "~/platform/db/errors.server";

/**
 * Turns the domain errors a person can cause into answers they can read (409, 503, 403, 404);
 * anything else is rethrown, logged, and shown as a generic error without details.
 */
export async function withOutcomes<T>(work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (is(error, ConflictError)) throw data({ message: error.messageKey }, { status: 409 });
    if (is(error, BusyError)) throw data({ message: "errors.busy" }, { status: 503 });
    if (is(error, ForbiddenError)) throw data({ message: "errors.forbidden" }, { status: 403 });
    if (is(error, NotFoundError)) throw data({ message: "errors.notFound" }, { status: 404 });
    if (is(error, InvalidInputError)) throw badInput();
    throw error;
  }
}

/** The 400 answer to input that cannot be read or stored (also a database error caused by input); the error page says so in the viewer's language. */
export const badInput = () => data({ message: "errors.badInput" }, { status: 400 });
