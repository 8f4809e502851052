import type { TextareaHTMLAttributes } from "react";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";

// Components of the manager's selection pages.

/** A value the audit log recorded, as a person reads it (stage and decision names, yes/no). */
export function useEventValue() {
  const { t } = useTranslation();
  return (kind: string, value: string | null) => {
    if (value == null) return t("decide.common.none");
    const key = ({ status: "statuses", stage: "stages", decision: "decisions", offer: "offer" } as Record<string, string>)[kind];
    if (key) return t(`decide.${key}.${value}`);
    return t(value === "true" ? "decide.common.yes" : "decide.common.no");
  };
}

type TextAreaProps = {
  name: string;
  label: string;
  error?: string;
  register: UseFormRegister<FieldValues>;
} & TextareaHTMLAttributes<HTMLTextAreaElement>;

/** A labelled text area whose error is announced and tied to it. */
export function TextArea({ name, label, error, register, ...rest }: TextAreaProps) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...rest} {...register(name)} />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
