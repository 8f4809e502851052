import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";

export { useZodForm, type FieldErrors } from "./zod-form";
export { useFlatForm } from "./flat-form";

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
export function Field({ name, id, label, error, hint, register, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  const registered = register ? register(name) : { name };
  // The id goes to LabelledField, which gives it to the input and to the label's `for` alike.
  return <LabelledField name={name} id={id} label={label} error={error} hint={hint} control={(aria) => <input {...input} {...aria} {...registered} />} />;
}

/** The same for a text area (three rows unless told). */
export function TextArea({ name, id, label, error, hint, register, ...rest }: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const registered = register ? register(name) : { name };
  return <LabelledField name={name} id={id} label={label} error={error} hint={hint} control={(aria) => <textarea rows={3} {...rest} {...aria} {...registered} />} />;
}

export function FormMessage({ tone, children }: { tone: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div className={`alert ${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
