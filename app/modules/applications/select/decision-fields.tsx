import { useTranslation } from "react-i18next";
import type { Warning } from "./decisions.server";
import { MAX_OFFER_DAYS } from "./decision-answer";

// The fields every decide form shares (the ranking's bulk form, the application page): the
// offer's deadline, the message and feedback options, and the warnings' confirmation. Plain
// inputs, so the forms work before the page's JavaScript has loaded; the server checks them all.

type Props = {
  /** Ids must be unique on the page. */
  idPrefix: string;
  zone: string;
  offerDays: number;
  deadline: { value: string; min: string; max: string };
  errors?: Record<string, string> | null;
  includeMessageDefault?: boolean;
};

export function DecideFields({ idPrefix, zone, offerDays, deadline, errors, includeMessageDefault }: Props) {
  const { t } = useTranslation();
  const id = (name: string) => `${idPrefix}-${name}`;
  const deadlineError = errors?.deadline;
  const confirmError = errors?.confirmWarnings;
  return (
    <>
      <div className="field">
        <label htmlFor={id("deadline")}>{t("select.deadline.label")}</label>
        <input
          id={id("deadline")}
          name="deadline"
          type="date"
          defaultValue={deadline.value}
          min={deadline.min}
          max={deadline.max}
          aria-describedby={`${id("deadline")}-hint${deadlineError ? ` ${id("deadline")}-error` : ""}`}
          aria-invalid={deadlineError ? true : undefined}
        />
        <p id={`${id("deadline")}-hint`} className="hint">
          {t("select.deadline.hint", { zone, days: offerDays })}
        </p>
        {deadlineError ? (
          <p id={`${id("deadline")}-error`} className="field-error">
            {t(deadlineError, { days: MAX_OFFER_DAYS })}
          </p>
        ) : null}
      </div>
      <label className="check">
        <input type="checkbox" name="includeMessage" defaultChecked={includeMessageDefault} /> {t("select.ranking.includeMessage")}
      </label>
      <label className="check">
        <input type="checkbox" name="releaseFeedback" /> {t("select.ranking.releaseFeedback")}
      </label>
      <label className="check">
        <input type="checkbox" name="confirmWarnings" aria-invalid={confirmError ? true : undefined} /> {t("select.warnings.confirm")}
      </label>
    </>
  );
}

/** The warnings of one application, as the decide controls list them. */
export function WarningList({ warnings, required, threshold }: { warnings: Warning[]; required: number; threshold: number | null }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return <p className="hint">{t("select.warnings.none")}</p>;
  return (
    <div className="alert info" role="note" aria-label={t("select.warnings.title")}>
      <strong>{t("select.warnings.title")}</strong>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{t(`select.warnings.${w}`, { n: required, threshold: threshold ?? "" })}</li>
        ))}
      </ul>
    </div>
  );
}

/** Which applications a refused acceptance left undecided, and why. */
export function WarnedList({ warned, required, threshold }: { warned: { code: string; warnings: Warning[] }[]; required: number; threshold: number | null }) {
  const { t } = useTranslation();
  if (warned.length === 0) return null;
  return (
    <ul>
      {warned.map((a) => (
        <li key={a.code}>
          {t("select.warnings.application", {
            code: a.code,
            warnings: a.warnings.map((w) => t(`select.warnings.${w}`, { n: required, threshold: threshold ?? "" })).join(" "),
          })}
        </li>
      ))}
    </ul>
  );
}
