import { useTranslation } from "react-i18next";
import { useViewerZone } from "~/ui/locale";
import { inLocale, type Bilingual } from "~/platform/i18n/i18n";
import { formatDateTime, zoneName } from "~/platform/i18n/format";
import type { AnswerValue } from "./fields";
import type { ChoiceOption } from "../types";

export function useBilingual() {
  const { locale } = useViewerZone();
  return (b: Bilingual) => inLocale(b, locale);
}

/** A deadline in the viewer's zone and, when different, in the call's own zone. */
export function Deadline({ at, callZone }: { at: string | Date; callZone: string }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useViewerZone();
  const mine = formatDateTime(at, locale, timeZone);
  const theirs = formatDateTime(at, locale, callZone);
  return (
    <>
      <time dateTime={new Date(at).toISOString()}>{t("apply.zoned", { when: mine, zone: zoneName(timeZone, locale, at) })}</time>
      {timeZone !== callZone || mine !== theirs ? <> · {t("apply.callZone", { when: theirs, zone: zoneName(callZone, locale, at) })}</> : null}
    </>
  );
}

/**
 * What the call hides from its reviewers, told to the founder before they write: blind review
 * holds only if they keep their names out of the other answers and out of the deck.
 */
export function BlindNotice({ fields }: { fields: readonly ("organisation" | "founders" | "team")[] }) {
  const { t } = useTranslation();
  if (fields.length === 0) return null;
  const hidden = fields.map((f) => t(`apply.blind.fields.${f}`)).join(", ");
  return <p className="callout">{t("apply.blind.notice", { hidden })}</p>;
}

/** An answer as the founder gave it, choices shown by their labels. */
export function AnswerText({ value, options }: { value: AnswerValue | null; options: ChoiceOption[] }) {
  const { t } = useTranslation();
  const { locale } = useViewerZone();
  if (value == null || (Array.isArray(value) && value.length === 0) || value === "") return <span className="muted">{t("apply.noAnswer")}</span>;
  const label = (v: string) => options.find((o) => o.value === v)?.[locale] ?? v;
  if (Array.isArray(value)) return <>{value.map(label).join(", ")}</>;
  if (options.length > 0 && typeof value === "string") return <>{label(value)}</>;
  return <span className="pre-wrap">{String(value)}</span>;
}

export function StatusBadge({ status, decision }: { status: string; decision?: string | null }) {
  const { t } = useTranslation();
  // The founder sees "received" for any submitted application until it is decided; never the screening result.
  const key = status === "submitted" && decision ? `apply.decision.${decision}` : `apply.status.${status}`;
  return <span className={`badge badge-${decision ?? status}`}>{t(key)}</span>;
}
