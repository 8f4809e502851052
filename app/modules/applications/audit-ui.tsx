import { useTranslation } from "react-i18next";
import type { Locale } from "~/platform/i18n/i18n";
import type { AuditEvent } from "./audit.server";
import { useEventValue } from "./select/ui";

// How each kind of the call's audit log reads, in the viewer's language: the details column.

type Label = { vi?: string; en?: string; decision?: string } | null;

export function useAuditDetails(locale: Locale) {
  const { t } = useTranslation();
  const value = useEventValue();
  return (e: Pick<AuditEvent, "kind" | "from" | "to" | "detail" | "reviewer">): string => {
    const d = e.detail as { via?: string; reason?: string; op?: string; item?: string; label?: Label; fields?: string[]; rows?: number; name?: string };
    const reviewer = e.reviewer ?? t("decide.audit.unknownPerson");
    switch (e.kind) {
      case "assigned":
        return t("decide.audit.assignment", { reviewer, via: t(`decide.audit.via.${d.via === "automatic" ? "automatic" : "manual"}`) });
      case "unassigned":
        return reviewer;
      case "recused":
      case "abstained":
        return t("decide.audit.reason", { reviewer, reason: d.reason ?? "" });
      case "form_edited":
      case "rubric_edited":
      case "template_edited":
      case "settings_edited": {
        const label = d.label?.decision ? t(`decide.decisions.${d.label.decision}`) : (d.label?.[locale] ?? "");
        const line = t("decide.audit.setup", {
          item: t(`decide.audit.items.${d.item ?? "calls"}`),
          label: label ? `«${label}»` : "",
          op: t(`decide.audit.ops.${d.op ?? "changed"}`),
        }).replace(/\s+/g, " ");
        return d.fields && d.fields.length > 0 ? `${line} (${t("decide.audit.fields", { fields: d.fields.map((f) => t(`decide.audit.fieldNames.${f}`, { defaultValue: f })).join(", ") })})` : line;
      }
      case "exported":
        return t("decide.audit.exportedCsv", { count: d.rows ?? 0 });
      case "file_downloaded":
        return d.name ?? "";
      default:
        return `${value(e.kind, e.from)} → ${value(e.kind, e.to)}`;
    }
  };
}
