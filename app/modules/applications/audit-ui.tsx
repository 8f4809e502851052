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
    const d = e.detail as {
      via?: string; reason?: string; op?: string; item?: string; label?: Label; fields?: string[]; rows?: number; name?: string;
      step?: string; guest?: boolean; email?: string; renewed?: boolean;
    };
    // A label given in one language only reads in that one (the call's own fallback).
    const labelText = (l: Label | undefined) => l?.[locale] || l?.vi || l?.en || "";
    const reviewer = e.reviewer ?? t("select.audit.unknownPerson");
    switch (e.kind) {
      case "assigned":
        return t("select.audit.assignment", { reviewer, via: t(`select.audit.via.${d.via === "automatic" ? "automatic" : "manual"}`) });
      case "unassigned":
        return reviewer;
      case "recused":
      case "abstained":
        return t("select.audit.reason", { reviewer, reason: d.reason ?? "" });
      case "form_edited":
      case "rubric_edited":
      case "template_edited":
      case "settings_edited": {
        const label = d.label?.decision ? t(`select.decisions.${d.label.decision}`) : labelText(d.label);
        const line = t("select.audit.setup", {
          item: t(`select.audit.items.${d.item ?? "calls"}`, { step: d.step }),
          label: label ? `«${label}»` : "",
          op: t(`select.audit.ops.${d.op ?? "changed"}`),
        }).replace(/\s+/g, " ");
        return d.fields && d.fields.length > 0 ? `${line} (${t("select.audit.fields", { fields: d.fields.map((f) => t(`select.audit.fieldNames.${f}`, { defaultValue: f })).join(", ") })})` : line;
      }
      case "reviewer_added":
      case "invitation_accepted":
        return t("select.audit.pool", { reviewer, as: t(`select.audit.poolAs.${d.guest ? "guest" : "member"}`) });
      case "reviewer_invited":
        return d.renewed ? t("select.audit.invitedAgain", { email: d.email ?? "" }) : (d.email ?? "");
      case "cloned":
        return t("select.audit.clonedFrom", { title: labelText(d.label) });
      case "exported":
        return t("select.audit.exportedCsv", { count: d.rows ?? 0 });
      case "file_downloaded":
        return d.name ?? "";
      default:
        return `${value(e.kind, e.from)} → ${value(e.kind, e.to)}`;
    }
  };
}
