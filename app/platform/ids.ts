import { z } from "zod";

/**
 * The one id parser: an RFC 9562 UUID as zod checks it (version and variant included). Every id
 * from a URL or a form goes through it before it reaches a `uuid` column, so a malformed id is a
 * 404 or a field error, never a failed cast.
 */
export const uuid = z.uuid({ error: "validation.required" });

export const isUuid = (value: unknown): value is string => uuid.safeParse(value).success;
