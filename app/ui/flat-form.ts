import { useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import type { z } from "zod";
import type { FieldErrors, SchemaLoader } from "./zod-form";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type Issue = { path: PropertyKey[]; message: string; code: string; errors?: Issue[][] };
type Checks = { safeParseAsync(values: unknown): Promise<{ success: boolean; error?: { issues: readonly unknown[] } }> };

/**
 * `useZodForm` for a flat form (fields by name: inputs, selects, text areas, check boxes; no lists,
 * no nested names) without react-hook-form, whose 14 kB a page then does not load (decision 008,
 * fourth pass c). The same zod schema is fetched on first use and gives the same messages at the
 * same moments as react-hook-form's `onTouched` mode: a field is checked when it loses focus, then
 * on every change; a submit checks every field, shows every message and focuses the first wrong
 * field, and from then on fields are checked on change. Server errors land on the same fields.
 * Without JavaScript the form posts normally and the server answers. A submit made before the
 * checks arrive waits for them, and a second one meanwhile is ignored, so nothing is posted twice.
 */
export function useFlatForm<S extends z.ZodType<FieldValues, FieldValues>>(loadSchema: SchemaLoader<S>, serverErrors?: FieldErrors) {
  const latest = useRef(loadSchema);
  latest.current = loadSchema;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [isSubmitting, setSubmitting] = useState(false);
  const state = useRef({
    // Registered controls by name, in the order they were registered (the order the first wrong one is found in).
    fields: new Map<string, Set<Control>>(),
    refs: new Map<string, (el: Control | null) => void>(),
    touched: new Set<string>(),
    submitted: false,
    checking: false,
    // The value of the button that submitted, as react-hook-form's setValue kept it.
    pressed: {} as Record<string, string>,
    // Only the latest check of a field may set its message.
    runs: new Map<string, number>(),
  }).current;
  const submit = useSubmit();

  useEffect(() => {
    const server = Object.entries(serverErrors ?? {}).filter(([name, message]) => message && name !== "form");
    if (server.length > 0) setErrors((current) => ({ ...current, ...Object.fromEntries(server) }));
  }, [serverErrors]);

  const values = () => {
    const out: Record<string, unknown> = { ...state.pressed };
    for (const [name, set] of state.fields) {
      const controls = [...set].filter((el) => el.isConnected);
      if (controls.length > 0) out[name] = valueOf(controls);
    }
    return out;
  };
  const check = async () => {
    const schema = (await latest.current()) as unknown as Checks;
    const result = await schema.safeParseAsync(values());
    return result.success ? {} : messagesOf(result.error!.issues as Issue[]);
  };
  const checkField = async (name: string) => {
    const run = (state.runs.get(name) ?? 0) + 1;
    state.runs.set(name, run);
    const found = await check();
    if (state.runs.get(name) !== run) return;
    setErrors((current) => {
      if (current[name] === found[name]) return current;
      const next = { ...current };
      if (found[name]) next[name] = found[name];
      else delete next[name];
      return next;
    });
  };
  const onField = (name: string, blur: boolean) => {
    if (blur) state.touched.add(name);
    // react-hook-form's onTouched, and its re-checks on change once the form was submitted.
    const skip = state.submitted ? blur : !(blur || state.touched.has(name));
    if (!skip) void checkField(name).catch(() => undefined);
  };

  const register = (name: string) => {
    let ref = state.refs.get(name);
    if (!ref) {
      ref = (el: Control | null) => {
        if (!el) return;
        const set = state.fields.get(name) ?? new Set();
        for (const old of set) if (!old.isConnected) set.delete(old);
        state.fields.set(name, set.add(el));
        if (el.form) warmOn(el.form, () => latest.current());
      };
      state.refs.set(name, ref);
    }
    return { name, ref, onChange: () => onField(name, false), onBlur: () => onField(name, true) };
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const el = event.currentTarget;
    event.preventDefault();
    if (state.checking) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const button = submitter instanceof HTMLButtonElement && submitter.name ? submitter : null;
    if (button) state.pressed[button.name] = button.value;
    // Read the form when posting: the pressed button may be disabled while submitting.
    const post = () => {
      state.checking = false;
      const data = new FormData(el);
      if (button) data.set(button.name, button.value);
      return submit(data, {
        method: (el.getAttribute("method") ?? "get") as "post",
        action: el.getAttribute("action") ?? undefined,
        encType: el.enctype as "multipart/form-data",
      });
    };
    state.checking = true;
    setSubmitting(true);
    void check()
      .then(async (found) => {
        setErrors(found);
        const wrong = Object.keys(found);
        if (wrong.length === 0) return post();
        const first = [...state.fields].find(([name, set]) => wrong.includes(name) && set.size > 0);
        [...(first?.[1] ?? [])].find((c) => c.isConnected)?.focus();
      })
      // The checks could not be fetched (offline, a new deployment): the server checks the post anyway.
      .catch(() => (state.checking ? post() : undefined))
      .finally(() => {
        state.checking = false;
        state.submitted = true;
        setSubmitting(false);
      });
  };

  return {
    register: register as unknown as UseFormRegister<FieldValues>,
    onSubmit,
    errorOf: (name: string): string | undefined => errors[name] ?? serverErrors?.[name],
    isSubmitting,
    hasErrors: Object.keys(errors).length > 0 || !!serverErrors,
  };
}

// The first focus or press inside a form starts fetching its checks, once per form element.
// (Also in zod-form.ts: a module of its own would be a chunk of its own on every form page.)
const warmed = new WeakSet<HTMLFormElement>();
function warmOn(form: HTMLFormElement, load: () => Promise<unknown>, failed?: () => void) {
  if (warmed.has(form)) return;
  warmed.add(form);
  const warm = () => {
    form.removeEventListener("focusin", warm);
    form.removeEventListener("pointerdown", warm);
    // A failed fetch is retried by the check that needs it (and reported there).
    void load().catch(() => failed?.());
  };
  form.addEventListener("focusin", warm);
  form.addEventListener("pointerdown", warm);
}

/** A name's value as react-hook-form reads it: a radio's chosen value, a box's value or true/false, several boxes' values. */
function valueOf(controls: Control[]): unknown {
  const [first] = controls as [Control];
  if (controls.every((c) => c.disabled)) return undefined;
  if (first instanceof HTMLInputElement && first.type === "radio") return (controls as HTMLInputElement[]).find((c) => c.checked && !c.disabled)?.value ?? null;
  if (first instanceof HTMLInputElement && first.type === "checkbox") {
    const boxes = controls as HTMLInputElement[];
    if (boxes.length > 1) return boxes.filter((c) => c.checked && !c.disabled).map((c) => c.value);
    return first.checked ? (first.hasAttribute("value") && first.value !== "" ? first.value : true) : false;
  }
  if (first instanceof HTMLSelectElement && first.multiple) return [...first.selectedOptions].map((o) => o.value);
  if (first instanceof HTMLInputElement && first.type === "file") return first.files;
  return first.value;
}

/** The first message for each field, as @hookform/resolvers/zod gives them (a union's closest branch). */
function messagesOf(issues: Issue[]): FieldErrors {
  const found: FieldErrors = Object.create(null) as FieldErrors;
  const queue = [...issues];
  for (let issue = queue.shift(); issue; issue = queue.shift()) {
    const path = issue.path.join(".");
    if (!found[path]) {
      const branches = issue.code === "invalid_union" ? (issue.errors ?? []) : [];
      const closest = branches.length > 0 ? branches.reduce((a, b) => (b.length < a.length ? b : a)) : undefined;
      found[path] = closest?.[0]?.message ?? issue.message;
    }
    if (issue.code === "invalid_union") for (const branch of issue.errors ?? []) for (const e of branch) queue.push({ ...e, path: [...issue.path, ...e.path] });
  }
  return { ...found };
}
