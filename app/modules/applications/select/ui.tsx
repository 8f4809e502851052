import { useTranslation } from "react-i18next";

// Components of the manager's selection pages.

/** A value the audit log recorded, as a person reads it (stage and decision names, yes/no). */
export function useEventValue() {
  const { t } = useTranslation();
  return (kind: string, value: string | null) => {
    if (value == null) return t("select.common.none");
    const key = ({ status: "statuses", stage: "stages", decision: "decisions", offer: "offer" } as Record<string, string>)[kind];
    if (key) return t(`select.${key}.${value}`);
    return t(value === "true" ? "select.common.yes" : "select.common.no");
  };
}
