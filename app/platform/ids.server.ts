import { NotFoundError } from "./db/errors.server";
import { isUuid } from "./ids";

/** An id a module is handed from a URL: anything that is not one is a thing that does not exist (404). */
export function requireId(value: string | undefined): string {
  if (!isUuid(value)) throw new NotFoundError();
  return value;
}
