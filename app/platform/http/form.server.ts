import { data } from "@remix-run/node";
import type { z } from "zod";
import { badInput } from "./errors.server";

export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };
/** What a command answers: its value, or field errors (i18n keys) with nothing written. */
export type Outcome<T = undefined> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export const refused = (errors: FieldErrors): { ok: false; errors: FieldErrors } => ({ ok: false, errors });

/** FormData as a plain object: a name that appears more than once becomes an array. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/**
 * Dotted names as react-hook-form sends them become nested values: "options.0.value" = "x" is
 * { options: [{ value: "x" }] }; plain names stay as they are. Depth is capped and prototype keys
 * dropped, so a hostile name cannot build a deep object or reach Object.prototype.
 */
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

// Our messages are i18n keys ("validation.required", "review.errors.level"); zod's own are not.
const MESSAGE_KEY = /^[a-z]+\.[A-Za-z0-9_.]+$/;

/**
 * The one parser of submitted input: a form's fields (as formToObject gives them) checked against
 * their schema. Errors are i18n keys under the dotted name of the input that carries them (first
 * one wins); an error on one value of a multi-valued field belongs to the field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const fields = input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const result = schema.safeParse(unflatten(fields));
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    while (path.length > 1 && /^\d+$/.test(path[path.length - 1]!)) path.pop();
    errors[path.join(".") || "form"] ??= MESSAGE_KEY.test(issue.message) ? issue.message : "validation.required";
  }
  return { ok: false, errors };
}

/** A posted form checked against its schema (see parseInput). */
export const parseForm = <S extends z.ZodType>(form: FormData, schema: S): Parsed<z.output<S>> => parseInput(schema, formToObject(form));

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
