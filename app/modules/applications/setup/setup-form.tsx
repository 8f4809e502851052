import type { FieldValues } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { LabelledField } from "~/ui/form";
import { useZodForm, type SchemaLoader } from "~/ui/zod-form";
import type { ActionAnswer } from "./ui";

// The manager's set-up forms: a form hook that knows nested names (options.0.value) and labelled
// inputs with page-unique ids (several forms share a page).

/** The one form pattern (useZodForm), plus what a server-rendered refusal typed back into the form. */
export function useSetupForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: SchemaLoader<S>, answer: ActionAnswer | null) {
  const form = useZodForm(schema, answer?.errors ?? undefined);
  /** The value typed before a refusal (a page rendered by the server after a plain POST). */
  const echo = (name: string): string | string[] | undefined => {
    const v = answer?.values?.[name];
    return typeof v === "string" || Array.isArray(v) ? (v as string | string[]) : undefined;
  };
  const { register, onSubmit, errorOf, watch, hasErrors } = form;
  return { register: register as unknown as (name: string) => object, onSubmit, errorOf, watch, hasErrors, echo, echoed: !!answer?.values };
}

export type SetupForm = ReturnType<typeof useSetupForm>;

type InputProps = {
  form: SetupForm;
  prefix: string;
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string | number | null;
  type?: "text" | "number" | "datetime-local" | "url";
  required?: boolean;
  step?: string;
  multiline?: boolean;
  /** Shown while empty: what the server uses when it is left empty. */
  placeholder?: string;
};

const idOf = (prefix: string, name: string) => `${prefix}-${name.replace(/\./g, "-")}`;

function described(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  return error ? (
    <p id={`${id}-error`} className="field-error">
      {t(error)}
    </p>
  ) : null;
}

/** A labelled input or textarea whose error is announced and tied to it. */
export function Input({ form, prefix, name, label, hint, defaultValue, type = "text", required, step, multiline, placeholder }: InputProps) {
  const common = {
    "aria-required": required || undefined,
    placeholder: placeholder || undefined,
    defaultValue: (form.echo(name) as string | undefined) ?? defaultValue ?? "",
    ...form.register(name),
  };
  return (
    <LabelledField
      name={name}
      id={idOf(prefix, name)}
      label={label}
      hint={hint}
      error={form.errorOf(name)}
      control={(aria) => (multiline ? <textarea rows={3} {...aria} {...common} /> : <input type={type} step={step} {...aria} {...common} />)}
    />
  );
}

export function Check({ form, prefix, name, label, defaultChecked, value }: { form: SetupForm; prefix: string; name: string; label: string; defaultChecked?: boolean; value?: string }) {
  const id = idOf(prefix, value ? `${name}-${value}` : name);
  const error = value ? undefined : form.errorOf(name);
  const typed = form.echo(name);
  const checked = form.echoed ? (value ? typed === value || (Array.isArray(typed) && typed.includes(value)) : typed !== undefined) : defaultChecked;
  return (
    <div className="field">
      <label className="check" htmlFor={id}>
        <input type="checkbox" id={id} value={value ?? "on"} defaultChecked={checked} aria-describedby={described(id, undefined, error)} {...form.register(name)} />
        {label}
      </label>
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function Select({ form, prefix, name, label, options, defaultValue }: { form: SetupForm; prefix: string; name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string }) {
  return (
    <LabelledField
      name={name}
      id={idOf(prefix, name)}
      label={label}
      error={form.errorOf(name)}
      control={(aria) => (
        <select {...aria} defaultValue={(form.echo(name) as string | undefined) ?? defaultValue} {...form.register(name)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

