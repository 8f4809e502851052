import type { FieldValues, UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { inLocale } from "~/platform/i18n/i18n";
import { fieldName, type AnswerValue } from "./fields";

import type { Question } from "../types";
import { useViewerZone } from "~/ui/locale";

type Props = {
  question: Question;
  value: AnswerValue | undefined;
  error?: string;
  register: UseFormRegister<FieldValues>;
  file?: { id: string; originalName: string; href: string } | null;
};

/** One question of the call's form as a labelled, keyboard-usable input, its error tied to it. */
export function AnswerField({ question: q, value, error, register, file }: Props) {
  const { t } = useTranslation();
  const { locale } = useViewerZone();
  const name = fieldName(q);
  const id = `field-${name}`;
  const help = inLocale(q.help, locale);
  const limits =
    q.kind === "long_text" || q.kind === "text"
      ? q.maxLength
        ? t("apply.form.maxLength", { count: q.maxLength })
        : ""
      : q.kind === "number" && (q.minNumber != null || q.maxNumber != null)
        ? t("apply.form.range", { min: q.minNumber ?? "−∞", max: q.maxNumber ?? "∞" })
        : q.kind === "file"
          ? t("apply.form.pdfOnly")
          : q.kind === "link"
            ? t("apply.form.linkHint")
            : "";
  const hint = [help, limits].filter(Boolean).join(" ");
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const label = (
    <>
      {q.label[locale]}
      {q.required ? <span className="required"> ({t("apply.form.required")})</span> : null}
    </>
  );
  const hintEl = hint ? (
    <p id={`${id}-hint`} className="hint">
      {hint}
    </p>
  ) : null;
  const errorEl = error ? (
    <p id={`${id}-error`} className="field-error">
      {t(error)}
    </p>
  ) : null;
  const invalid = error ? true : undefined;

  if (q.kind === "choice" || q.kind === "multi_choice") {
    const chosen = Array.isArray(value) ? value : value != null ? [String(value)] : [];
    return (
      <fieldset className="field" aria-describedby={describedBy}>
        <legend>{label}</legend>
        {hintEl}
        {q.options.map((o) => (
          <label key={o.value} className="check">
            <input
              type={q.kind === "choice" ? "radio" : "checkbox"}
              value={o.value}
              defaultChecked={chosen.includes(o.value)}
              aria-invalid={invalid}
              {...register(name)}
            />{" "}
            {o[locale]}
          </label>
        ))}
        {errorEl}
      </fieldset>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hintEl}
      {q.kind === "long_text" ? (
        <textarea
          id={id}
          rows={6}
          maxLength={q.maxLength ?? undefined}
          defaultValue={typeof value === "string" ? value : ""}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          {...register(name)}
        />
      ) : q.kind === "file" ? (
        <>
          {file ? (
            <p className="hint">
              {t("apply.form.currentFile")} <a href={file.href}>{file.originalName}</a>
            </p>
          ) : null}
          <input id={id} name={name} type="file" accept="application/pdf,.pdf" aria-invalid={invalid} aria-describedby={describedBy} />
        </>
      ) : (
        <input
          id={id}
          type={q.kind === "number" ? "number" : q.kind === "link" ? "url" : "text"}
          step={q.kind === "number" ? "any" : undefined}
          min={q.kind === "number" ? (q.minNumber ?? undefined) : undefined}
          max={q.kind === "number" ? (q.maxNumber ?? undefined) : undefined}
          maxLength={q.kind !== "number" ? (q.maxLength ?? undefined) : undefined}
          defaultValue={value != null && !Array.isArray(value) ? String(value) : ""}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          {...register(name)}
        />
      )}
      {errorEl}
    </div>
  );
}
