import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useEffect, type FormEvent } from "react";
import { useForm, type FieldValues, type UseFormRegister, type Path } from "react-hook-form";
import type { z } from "zod";

// Apart from form.tsx's markup, so a page that shows only a FormMessage or a field does not load
// react-hook-form (15 kB gzipped, decision 008); form.tsx re-exports it.
export type FieldErrors = Record<string, string | undefined>;

/**
 * The one form pattern: react-hook-form checks the same zod schema the action re-checks, so the
 * person sees mistakes before a round trip, and server errors (field messages, as i18n keys) land
 * on the same fields. Without JavaScript the form posts normally and the server answers.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, serverErrors?: FieldErrors) {
  const form = useForm<z.input<S>>({
    resolver: zodResolver(schema as never) as never,
    mode: "onTouched",
  });
  const submit = useSubmit();
  useEffect(() => {
    for (const [name, message] of Object.entries(serverErrors ?? {})) {
      // "form" carries a message for the whole form, not a field.
      if (message && name !== "form") form.setError(name as Path<z.input<S>>, { type: "server", message });
    }
  }, [serverErrors, form]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const el = event.currentTarget;
    // A form with several buttons (name="intent" value="save" | "submit") checks and posts the
    // value of the button that was pressed, as a plain post would.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const button = submitter instanceof HTMLButtonElement && submitter.name ? submitter : null;
    if (button) form.setValue(button.name as Path<z.input<S>>, button.value as never);
    event.preventDefault();
    void form.handleSubmit(() => {
      // Read the form now: the pressed button may be disabled while submitting, and a disabled
      // button's value would be left out of the post.
      const data = new FormData(el);
      if (button) data.set(button.name, button.value);
      return submit(data, {
        method: (el.getAttribute("method") ?? "get") as "post",
        action: el.getAttribute("action") ?? undefined,
        encType: el.enctype as "multipart/form-data",
      });
    })(event);
  };
  const errorOf = (name: string): string | undefined => fieldError(form.formState.errors, name) ?? serverErrors?.[name];
  return {
    register: form.register as unknown as UseFormRegister<FieldValues>,
    onSubmit,
    errorOf,
    isSubmitting: form.formState.isSubmitting,
    hasErrors: Object.keys(form.formState.errors).length > 0 || !!serverErrors,
    watch: form.watch as (name: string) => unknown,
    /** Clears the inputs, e.g. after the server applied a bulk action to the ticked rows. */
    reset: form.reset as () => void,
  };
}

/** A field's client-side error: nested fields ("options.0.value") and whole lists ("options", kept under `root`). */
function fieldError(errors: object, name: string): string | undefined {
  let node: unknown = errors;
  for (const part of name.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  const found = node as { message?: string; root?: { message?: string } } | undefined;
  return found?.message ?? found?.root?.message;
}
