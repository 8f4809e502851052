import { Link } from "@remix-run/react";
import type { TextareaHTMLAttributes } from "react";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";

// Components of the manager's selection pages: a pager and a labelled text area.

/** Previous / next links that keep the rest of the query string. */
export function Pager({ page, pageSize, total, search }: { page: number; pageSize: number; total: number; search: string }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page === 1) return null;
  const to = (p: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(p));
    return `?${params.toString()}`;
  };
  return (
    <nav aria-label={t("decide.common.pagination")} className="pager">
      {page > 1 ? <Link to={to(page - 1)}>{t("decide.common.previous")}</Link> : null}
      <span>{t("decide.common.pageOf", { page, pages })}</span>
      {page < pages ? <Link to={to(page + 1)}>{t("decide.common.next")}</Link> : null}
    </nav>
  );
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
