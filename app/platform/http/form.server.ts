import { data } from "@remix-run/node";
import type { z } from "zod";

export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** FormData as a plain object: a name that appears more than once becomes an array. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/** Check a submitted form against its schema; errors are i18n keys per field (first one wins). */
export function parseForm<S extends z.ZodType>(form: FormData, schema: S): Parsed<z.output<S>> {
  const result = schema.safeParse(formToObject(form));
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    // messages are i18n keys: the shared ones, or a capability's own (e.g. "apply.errors.link")
    errors[field] ??= /^(validation|apply|review|manage|decide)\./.test(issue.message) ? issue.message : "validation.required";
  }
  return { ok: false, errors };
}

/** The 400 answer to an invalid form: field errors, nothing written. */
export const invalid = (errors: FieldErrors) => data({ errors, message: null as string | null }, { status: 400 });

/** Reads the body as form data; anything else (e.g. JSON or garbage) counts as an empty form. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}
