import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { SetupAnswer } from "./actions.server";
import { FormMessage, LabelledField, type useZodForm } from "~/ui/form";

// Labelled inputs with page-unique ids (the agenda page holds a form per speaker and session), tied
// to the one form pattern (useZodForm), and the answer line every set-up form shows.

export type Form = ReturnType<typeof useZodForm>;

/** The server's answer, if it is for this form (same intent and target). */
export function answerFor(result: unknown, intent: string, id: string | null = null): SetupAnswer | null {
  const a = result as SetupAnswer | undefined;
  return a && a.intent === intent && (a.id ?? null) === id ? a : null;
}

type Props = {
  form: Form;
  prefix: string;
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string | number | null;
  type?: "text" | "number" | "datetime-local" | "url";
  min?: string;
  max?: string;
  multiline?: boolean;
};

export function Input({ form, prefix, name, label, hint, defaultValue, type = "text", min, max, multiline }: Props) {
  const id = `${prefix}-${name}`;
  const value = defaultValue ?? undefined;
  return (
    <LabelledField
      name={name}
      id={id}
      label={label}
      hint={hint}
      error={form.errorOf(name)}
      control={(aria) =>
        multiline ? (
          <textarea rows={4} {...aria} defaultValue={value} {...form.register(name)} />
        ) : (
          <input type={type} min={min} max={max} {...aria} defaultValue={value} {...form.register(name)} />
        )
      }
    />
  );
}

export function Choice({ form, prefix, name, label, options, defaultValue, children }: { form: Form; prefix: string; name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string; children?: ReactNode }) {
  return (
    <LabelledField
      name={name}
      id={`${prefix}-${name}`}
      label={label}
      error={form.errorOf(name)}
      control={(aria) => (
        <select {...aria} defaultValue={defaultValue} {...form.register(name)}>
          {children}
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

/** Saved, or why not: a refusal always says so in words, whichever field carries it. */
export function Answer({ answer }: { answer: SetupAnswer | null }) {
  const { t } = useTranslation();
  if (!answer) return null;
  if (answer.errors) return <FormMessage tone="error">{t("validation.formErrors")}</FormMessage>;
  return answer.message ? <FormMessage tone="success">{t(answer.message)}</FormMessage> : null;
}
