import { isUuid } from "~/platform/ids";
import type { z } from "zod";
import { NotFoundError } from "~/platform/db/errors.server";

// The server side of the set-up forms: a form's flat names ("options.0.value") become the nested
// shape react-hook-form sends, then the form's zod schema decides. Errors come back per field as
// i18n keys under the same dotted names the inputs carry.

export type FieldErrors = Record<string, string>;
export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };
export type Outcome<T = undefined> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const KEY = /^(validation|manage)\.[A-Za-z0-9_.]+$/;

/** "a.0.b" = "x" becomes { a: [{ b: "x" }] }; plain names stay as they are. */
export function unflatten(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    const parts = name.split(".");
    if (parts.length > 4 || parts.some((p) => p === "" || p === "__proto__" || p === "constructor" || p === "prototype")) continue;
    let node: Record<string, unknown> = out;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = value;
        return;
      }
      const nextIsIndex = /^\d{1,2}$/.test(parts[i + 1]!);
      node[part] ??= nextIsIndex ? [] : {};
      node = node[part] as Record<string, unknown>;
    });
  }
  return out;
}

export function checkInput<S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> {
  const shaped = input && typeof input === "object" && !Array.isArray(input) ? unflatten(input as Record<string, unknown>) : {};
  const result = schema.safeParse(shaped);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "form";
    errors[field] ??= KEY.test(issue.message) ? issue.message : "validation.required";
  }
  return { ok: false, errors };
}

/** A route parameter that must be an id: anything else is a page that does not exist. */
export function requireId(value: string | undefined): string {
  if (!isUuid(value)) throw new NotFoundError();
  return value;
}

export const refused = (errors: FieldErrors): { ok: false; errors: FieldErrors } => ({ ok: false, errors });
