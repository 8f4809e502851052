import { data } from "@remix-run/node";
import type { z } from "zod";
import { badInput } from "./errors.server";

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
    // Our messages are i18n keys ("validation.required", "review.errors.level"); zod's own are not.
    errors[field] ??= /^[a-z]+\.[A-Za-z0-9_.]+$/.test(issue.message) ? issue.message : "validation.required";
  }
  return { ok: false, errors };
}

/** The 400 answer to an invalid form: field errors, nothing written. */
export const invalid = (errors: FieldErrors) => data({ errors, message: null as string | null }, { status: 400 });

/**
 * The one boundary for posted forms, URL-encoded or multipart: the whole body is read (the body cap
 * bounds it), so an answer never leaves an upload half-read, which resets the connection. Anything
 * that is not a form (JSON, garbage) counts as an empty form. Text PostgreSQL cannot store (a NUL
 * byte) is refused with a 400 in the viewer's language, in a field, its name or a file name.
 */
export async function readForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new FormData();
  }
  for (const [name, value] of form) {
    if (!storable(name) || !storable(typeof value === "string" ? value : value.name)) throw badInput();
  }
  return form;
}

/** The first field holding a file over `maxBytes`, if any: its own message, not a reset. */
export function oversizeFile(form: FormData, maxBytes: number): string | null {
  for (const [name, value] of form) if (typeof value !== "string" && value.size > maxBytes) return name;
  return null;
}

/** Text PostgreSQL can store: everything but NUL (browsers never send it; attackers do). */
export const storable = (text: string) => !text.includes("\0");
