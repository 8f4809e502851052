import { Form } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage, LabelledField } from "~/ui/form";
import type { SetupAnswer } from "./actions.server";

// Pieces the set-up forms share: inputs with page-unique ids (a page holds a form per row), the
// answer that belongs to a form, and its message.

type Wire = Omit<SetupAnswer, never> | undefined;

/** The server's answer, if it is this form's (same intent and target). */
export function answerFor(result: Wire, intent: string, id: string | null = null): SetupAnswer | null {
  return result && result.intent === intent && (result.id ?? null) === id ? (result as SetupAnswer) : null;
}

/** What was typed before a refusal, else the stored value. */
export function valueOf(answer: SetupAnswer | null, name: string, stored: string | number | undefined): string | undefined {
  const typed = answer?.values?.[name];
  if (typeof typed === "string") return typed;
  return stored === undefined ? undefined : String(stored);
}

export function Input({ prefix, name, label, error, hint, ...input }: { prefix: string; name: string; label: string; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return <LabelledField id={`${prefix}-${name}`} name={name} label={label} error={error} hint={hint} control={(aria) => <input {...aria} name={name} {...input} />} />;
}

export function Text({ prefix, name, label, error, hint, ...rest }: { prefix: string; name: string; label: string; error?: string; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <LabelledField id={`${prefix}-${name}`} name={name} label={label} error={error} hint={hint} control={(aria) => <textarea rows={3} {...aria} name={name} {...rest} />} />;
}

/** A group of checkboxes under one legend, its error tied to the group. */
export function Checks({ prefix, name, legend, hint, error, options, checked }: { prefix: string; name: string; legend: string; hint?: string; error?: string; options: { value: string; label: string }[]; checked: string[] }) {
  const { t } = useTranslation();
  const described = [hint ? `${prefix}-${name}-hint` : null, error ? `${prefix}-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="field" aria-describedby={described}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${prefix}-${name}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {options.map((o) => (
        <label key={o.value} className="check">
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} /> {o.label}
        </label>
      ))}
      {error ? (
        <p id={`${prefix}-${name}-error`} className="field-error">
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  );
}

export function Check({ prefix, name, label, defaultChecked }: { prefix: string; name: string; label: string; defaultChecked: boolean }) {
  return (
    <div className="field">
      <label htmlFor={`${prefix}-${name}`} className="check">
        <input id={`${prefix}-${name}`} type="checkbox" name={name} defaultChecked={defaultChecked} /> {label}
      </label>
    </div>
  );
}

/** Every message of a refusal at the top of the page (the fields repeat theirs), or what was done. */
export function Summary({ answer }: { answer: SetupAnswer | null | undefined }) {
  const { t } = useTranslation();
  if (!answer) return null;
  if (answer.errors) {
    const messages = [...new Set(Object.values(answer.errors))];
    return (
      <FormMessage tone="error">
        <ul>
          {messages.map((m) => (
            <li key={m}>{t(m)}</li>
          ))}
        </ul>
      </FormMessage>
    );
  }
  return answer.message ? <FormMessage tone="success">{t(answer.message)}</FormMessage> : null;
}

/** A one-button form for an intent on a row (remove, restore). */
export function IntentButton({ intent, id, label, extra = {}, secondary = true }: { intent: string; id: string; label: string; extra?: Record<string, string>; secondary?: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      {Object.entries(extra).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className={secondary ? "button secondary" : "button"}>
        {label}
      </button>
    </Form>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="stack">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}
