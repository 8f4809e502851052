import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useViewerZone } from "~/ui/locale";
import { formatDateTime, zoneName } from "~/platform/i18n/format";
import { FormMessage } from "~/ui/form";
import type { SetupForm } from "./setup-form";

// Pieces of the manager's pages: the call's section tabs, dates, and the answer every action gives
// (which form it was for, field errors, a message). The set-up forms' hook and inputs are in
// setup-form.tsx, so a page without them (/manage) does not load react-hook-form (decision 008).

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
