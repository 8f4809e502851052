import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useEffect, type FormEvent, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import { useForm, type FieldValues, type UseFormRegister, type Path } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";

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

type Labelled = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  register?: UseFormRegister<FieldValues>;
};

/**
 * The one labelled-field markup: label, hint and error tied to the control (aria-describedby).
 * `id` when several forms on one page share field names.
 */
export function LabelledField({ name, id = `field-${name}`, label, error, hint, control }: Omit<Labelled, "register"> & { id?: string; control: (aria: Record<string, unknown>) => ReactNode }) {
  const { t } = useTranslation();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input whose error is announced and tied to it (aria-invalid, aria-describedby). */
export function Field({ name, label, error, hint, register, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  const registered = register ? register(name) : { name };
  return <LabelledField name={name} label={label} error={error} hint={hint} control={(aria) => <input {...aria} {...input} {...registered} />} />;
}

/** The same for a text area (three rows unless told). */
export function TextArea({ name, label, error, hint, register, ...rest }: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const registered = register ? register(name) : { name };
  return <LabelledField name={name} label={label} error={error} hint={hint} control={(aria) => <textarea rows={3} {...aria} {...rest} {...registered} />} />;
}

export function FormMessage({ tone, children }: { tone: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div className={`alert ${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
