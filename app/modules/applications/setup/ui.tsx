import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import type { FieldValues } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useViewerZone } from "~/ui/locale";
import type { z } from "zod";
import { formatDateTime, zoneName } from "~/platform/i18n/format";
import { FormMessage, LabelledField, useZodForm } from "~/ui/form";

// Pieces of the manager's set-up pages: a form hook that knows nested names (options.0.value),
// labelled inputs with page-unique ids (several forms share a page), the call's section tabs, and
// the answer every action gives (which form it was for, field errors, a message).

export type ActionAnswer = {
  intent: string;
  id: string | null;
  errors: Record<string, string> | null;
  message: string | null;
  /** What was typed into a refused form, by input name. */
  values?: Record<string, unknown> | null;
};

/** The server's answer, if it belongs to this form (same intent and target). */
export function answerFor(result: unknown, intent: string, id: string | null = null): ActionAnswer | null {
  const a = result as ActionAnswer | undefined;
  return a && a.intent === intent && (a.id ?? null) === id ? a : null;
}

/** The one form pattern (useZodForm), plus what a server-rendered refusal typed back into the form. */
export function useSetupForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, answer: ActionAnswer | null) {
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

/** The form-level outcome: "saved", a refusal, or "correct the fields below". */
export function Outcome({ answer, form }: { answer: ActionAnswer | null; form?: SetupForm }) {
  const { t } = useTranslation();
  if (answer?.errors?.form) return <FormMessage tone="error">{t(answer.errors.form)}</FormMessage>;
  if (answer?.errors || form?.hasErrors) return <FormMessage tone="error">{t("validation.formErrors")}</FormMessage>;
  if (answer?.message) return <FormMessage tone="success">{t(answer.message)}</FormMessage>;
  return null;
}

/** A one-button form: remove, move up or down. */
export function IntentButton({ intent, id, label, extra, secondary = true }: { intent: string; id: string; label: string; extra?: Record<string, string>; secondary?: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className={secondary ? "button secondary small" : "button small"}>
        {label}
      </button>
    </Form>
  );
}

/** Edit, move up, move down and remove, for one item of an ordered list (a question, a criterion). */
export function RowActions({ here, id, index, count, item }: { here: string; id: string; index: number; count: number; item: "Question" | "Criterion" }) {
  const { t } = useTranslation();
  return (
    <div className="row-actions">
      <Link to={`${here}?edit=${id}#editor`} className="button secondary small">
        {t("setup.edit")}
      </Link>
      {index > 0 ? <IntentButton intent={`move${item}`} id={id} extra={{ direction: "up" }} label={t("setup.moveUp")} /> : null}
      {index < count - 1 ? <IntentButton intent={`move${item}`} id={id} extra={{ direction: "down" }} label={t("setup.moveDown")} /> : null}
      <IntentButton intent={`remove${item}`} id={id} label={t("setup.remove")} />
    </div>
  );
}

/** The sections of a call: set-up (form, rubric, settings), selection (reviewers … audit), export. */
export function CallTabs({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const base = `/manage/calls/${callId}`;
  const tabs: [string, string][] = [
    [base, "overview"],
    [`${base}/form`, "form"],
    [`${base}/rubric`, "rubric"],
    [`${base}/settings`, "settings"],
    [`${base}/reviewers`, "reviewers"],
    [`${base}/ranking`, "ranking"],
    [`${base}/decisions`, "decisions"],
    [`${base}/cohort`, "cohort"],
    [`${base}/feedback`, "feedback"],
    [`${base}/audit`, "audit"],
  ];
  return (
    <nav aria-label={t("setup.tabs.label")} className="tabs">
      <ul className="nav-list">
        {tabs.map(([to, key]) => (
          <li key={key}>
            <NavLink to={to} end>
              {t(`setup.tabs.${key}`)}
            </NavLink>
          </li>
        ))}
        <li>
          <a href={`${base}/export`} download>
            {t("setup.tabs.export")}
          </a>
        </li>
      </ul>
    </nav>
  );
}

/** A call's date in the viewer's zone, and in the call's own zone when that differs. */
export function When({ at, zone }: { at: Date | string; zone: string }) {
  const { locale, timeZone } = useViewerZone();
  const mine = formatDateTime(at, locale, timeZone);
  return (
    <time dateTime={new Date(at).toISOString()}>
      {mine}
      {zone !== timeZone ? ` (${formatDateTime(at, locale, zone)}, ${zoneName(zone, locale, at)})` : ""}
    </time>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card setup-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
