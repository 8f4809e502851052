import type { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useRef, type FormEvent } from "react";
import { useForm, type FieldValues, type Resolver, type UseFormRegister, type Path } from "react-hook-form";
import type { z } from "zod";

// Apart from form.tsx's markup, so a page that shows only a FormMessage or a field does not load
// react-hook-form (15 kB gzipped, decision 008); form.tsx re-exports it.
export type FieldErrors = Record<string, string | undefined>;

/**
 * The form's zod schema, fetched when first needed: `() => import("./schema").then((m) => m.Schema)`.
 * zod and the resolver (26 kB gzipped) are not part of the page's first load (decision 008, §8).
 */
export type SchemaLoader<S> = () => Promise<S>;

// One fetch of the resolver for the page; the schema module's own import is cached by the browser's loader.
let resolverModule: Promise<{ zodResolver: typeof zodResolver }> | undefined;
const loadResolver = () => (resolverModule ??= import("@hookform/resolvers/zod"));

/**
 * The one form pattern: react-hook-form checks the same zod schema the action re-checks, so the
 * person sees mistakes before a round trip, and server errors (field messages, as i18n keys) land
 * on the same fields. Without JavaScript the form posts normally and the server answers.
 *
 * The schema and zod arrive when the form is first focused or pressed; a check (on blur or on
 * submit) made before then waits for them, so nothing is lost, and a second submit while the first
 * is still being checked is ignored, so nothing is posted twice.
 */
function useZodFormInBrowser<S extends z.ZodType<FieldValues, FieldValues>>(loadSchema: SchemaLoader<S>, serverErrors?: FieldErrors) {
  // The latest render's loader: a schema built from props (a step's questions) is the current one.
  const latest = useRef(loadSchema);
  latest.current = loadSchema;
  const resolver = useCallback<Resolver<z.input<S>>>(async (values, context, options) => {
    const [schema, resolvers] = await Promise.all([latest.current(), loadResolver()]);
    return (resolvers.zodResolver(schema as never) as unknown as Resolver<z.input<S>>)(values, context, options);
  }, []);
  const form = useForm<z.input<S>>({ resolver, mode: "onTouched" });
  const submit = useSubmit();
  const checking = useRef(false);
  useEffect(() => {
    for (const [name, message] of Object.entries(serverErrors ?? {})) {
      // "form" carries a message for the whole form, not a field.
      if (message && name !== "form") form.setError(name as Path<z.input<S>>, { type: "server", message });
    }
  }, [serverErrors, form]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const el = event.currentTarget;
    event.preventDefault();
    if (checking.current) return;
    // A form with several buttons (name="intent" value="save" | "submit") checks and posts the
    // value of the button that was pressed, as a plain post would.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const button = submitter instanceof HTMLButtonElement && submitter.name ? submitter : null;
    if (button) form.setValue(button.name as Path<z.input<S>>, button.value as never);
    // Read the form when posting: the pressed button may be disabled while submitting, and a
    // disabled button's value would be left out of the post.
    const post = () => {
      checking.current = false;
      const data = new FormData(el);
      if (button) data.set(button.name, button.value);
      return submit(data, {
        method: (el.getAttribute("method") ?? "get") as "post",
        action: el.getAttribute("action") ?? undefined,
        encType: el.enctype as "multipart/form-data",
      });
    };
    checking.current = true;
    void form
      .handleSubmit(post)(event)
      // The checks could not be fetched (offline, a new deployment): the server checks the post anyway.
      .catch(() => (checking.current ? post() : undefined))
      .finally(() => (checking.current = false));
  };
  const register = ((name: Path<z.input<S>>, options?: object) => {
    const field = form.register(name, options);
    return {
      ...field,
      ref: (el: HTMLElement | null) => {
        field.ref(el);
        if (el && "form" in el && el.form instanceof HTMLFormElement) warmOn(el.form, latest);
      },
    };
  }) as unknown as UseFormRegister<FieldValues>;
  const errorOf = (name: string): string | undefined => fieldError(form.formState.errors, name) ?? serverErrors?.[name];
  return {
    register,
    onSubmit,
    errorOf,
    isSubmitting: form.formState.isSubmitting,
    hasErrors: Object.keys(form.formState.errors).length > 0 || !!serverErrors,
    watch: form.watch as (name: string) => unknown,
    /** Clears the inputs, e.g. after the server applied a bulk action to the ticked rows. */
    reset: form.reset as () => void,
  };
}

type ZodForm = ReturnType<typeof useZodFormInBrowser>;
const ignore = () => {};
const ignoreAsync = async () => {};

/**
 * The same form as the server renders it, without react-hook-form's form control (decision 008,
 * tenth pass, manager): on the server no field is mounted, no effect runs and nothing is typed, so
 * useForm's answers are fixed ones: `register(name)` gives `name` and handlers React does not
 * render (no `disabled`, no `progressive`), no client-side error, not submitting, `watch(name)` the
 * default it is given (none: undefined). Building the control cost about 0.1 ms a form a request
 * (call settings has one a track). The browser renders with the real hook, so hydration and
 * behaviour are unchanged; the HTML is the same byte for byte.
 */
function useZodFormOnServer<S extends z.ZodType<FieldValues, FieldValues>>(_loadSchema: SchemaLoader<S>, serverErrors?: FieldErrors): ZodForm {
  return {
    register: ((name: string) => ({ name, onChange: ignoreAsync, onBlur: ignoreAsync, ref: ignore })) as unknown as ZodForm["register"],
    onSubmit: ignore,
    errorOf: (name: string): string | undefined => serverErrors?.[name],
    isSubmitting: false,
    hasErrors: !!serverErrors,
    watch: ((_name: string, fallback?: unknown) => fallback) as ZodForm["watch"],
    reset: ignore,
  };
}

/**
 * The one form pattern (see useZodFormInBrowser); chosen once per bundle, so each side always calls
 * the same hooks.
 */
export const useZodForm: typeof useZodFormInBrowser = typeof document === "undefined" ? useZodFormOnServer : useZodFormInBrowser;

// The first focus or press inside a form starts fetching its checks, once per form element.
const warmed = new WeakSet<HTMLFormElement>();
function warmOn(form: HTMLFormElement, loader: { current: SchemaLoader<unknown> }) {
  if (warmed.has(form)) return;
  warmed.add(form);
  const warm = () => {
    form.removeEventListener("focusin", warm);
    form.removeEventListener("pointerdown", warm);
    // A failed fetch is retried by the check that needs it (and reported there).
    void Promise.all([loader.current(), loadResolver()]).catch(() => (resolverModule = undefined));
  };
  form.addEventListener("focusin", warm);
  form.addEventListener("pointerdown", warm);
}

/** A field's client-side error: nested fields ("options.0.value") and whole lists ("options", kept under `root`). */
function fieldError(errors: object, name: string): string | undefined {
  let node: unknown = errors;
  for (const part of name.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  const found = node as { message?: string; root?: { message?: string } } | undefined;
  return found?.message ?? found?.root?.message;
}
