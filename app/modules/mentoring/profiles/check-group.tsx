import { useTranslation } from "react-i18next";

/** A labelled group of checkboxes (a fieldset with its legend), its error tied to it. */
export function CheckGroup({
  name,
  legend,
  options,
  checked,
  error,
  hint,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: readonly string[];
  error?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const described = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="field" aria-describedby={described}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {options.map((o) => (
        <label key={o.value} className="check">
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} /> {o.label}
        </label>
      ))}
      {error ? (
        <p id={`${name}-error`} className="field-error">
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  );
}
