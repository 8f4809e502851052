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
        const label = d.label?.decision ? t(`decide.decisions.${d.label.decision}`) : labelText(d.label);
        const line = t("decide.audit.setup", {
          item: t(`decide.audit.items.${d.item ?? "calls"}`, { step: d.step }),
          label: label ? `«${label}»` : "",
          op: t(`decide.audit.ops.${d.op ?? "changed"}`),
        }).replace(/\s+/g, " ");
        return d.fields && d.fields.length > 0 ? `${line} (${t("decide.audit.fields", { fields: d.fields.map((f) => t(`decide.audit.fieldNames.${f}`, { defaultValue: f })).join(", ") })})` : line;
      }
      case "reviewer_added":
      case "invitation_accepted":
        return t("decide.audit.pool", { reviewer, as: t(`decide.audit.poolAs.${d.guest ? "guest" : "member"}`) });
      case "reviewer_invited":
        return d.renewed ? t("decide.audit.invitedAgain", { email: d.email ?? "" }) : (d.email ?? "");
      case "cloned":
        return t("decide.audit.clonedFrom", { title: labelText(d.label) });
      case "exported":
        return t("decide.audit.exportedCsv", { count: d.rows ?? 0 });
      case "file_downloaded":
        return d.name ?? "";
      default:
        return `${value(e.kind, e.from)} → ${value(e.kind, e.to)}`;
    }
  };
}
