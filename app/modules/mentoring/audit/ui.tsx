import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";
import type { MentoringAuditEvent } from "./log.server";

// How each kind of the mentoring log reads, in the viewer's language and time zone: the "about" column.
export function useMentoringAuditDetails(locale: Locale, timeZone: string) {
  const { t } = useTranslation();
  return (e: Pick<MentoringAuditEvent, "kind" | "from" | "to" | "detail" | "startup" | "mentor">): string => {
    const d = e.detail as { via?: string; rank?: number; reason?: string; absent?: string; email?: string; pairs?: number };
    const who = { startup: e.startup ?? t("mentoring.audit.unknown"), mentor: e.mentor ?? t("mentoring.audit.unknown") };
    const at = (iso: string | null) => (iso ? formatDateTime(iso, locale, timeZone) : "—");
    switch (e.kind) {
      case "mentor_approved":
      case "mentor_withdrawn":
        return who.mentor;
      case "mentor_invited":
        return d.email ?? "";
      case "mentors_published":
        return t("mentoring.audit.published", { count: d.pairs ?? 0 });
      case "mentor_assigned":
        return t("mentoring.audit.assigned", { ...who, via: t(`mentoring.audit.via.${d.via ?? "other"}`) });
      case "mentoring_ended":
        return t("mentoring.audit.pair", who);
      case "request_sent":
      case "request_accepted":
      case "request_declined":
      case "request_expired":
        return t("mentoring.audit.request", { ...who, rank: d.rank ?? 1 });
      case "session_rescheduled":
        return t("mentoring.audit.moved", { ...who, from: at(e.from), to: at(e.to) });
      case "session_cancelled":
        return t(d.reason === "ended" ? "mentoring.audit.cancelledByEnd" : "mentoring.audit.session", { ...who, when: at(e.to) });
      case "no_show_marked":
        return t(`mentoring.audit.absent.${d.absent === "mentor" ? "mentor" : "startup"}`, who);
      case "location_changed":
        return t("mentoring.audit.place", { from: e.from || t("mentoring.audit.nowhere"), to: e.to || t("mentoring.audit.nowhere") });
      default:
        return t("mentoring.audit.session", { ...who, when: at(e.to) });
    }
  };
}
