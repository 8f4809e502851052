import { useTranslation } from "react-i18next";
import type { Locale } from "~/platform/i18n/i18n";
import { formatDateTime } from "~/platform/i18n/format";
import type { Audience } from "./schema";

// The messages an event's organisers sent: what, to whom, by whom, when, and how many people.
type Row = { id: string; subject: { vi: string; en: string }; audience: Audience; recipients: number; sender: string | null; sentAt: string | Date };

export function SentMessages({ rows, locale, timeZone }: { rows: Row[]; locale: Locale; timeZone: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="empty">{t("events.messages.none")}</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">{t("events.messages.history")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("events.messages.subject")}</th>
          <th scope="col">{t("events.messages.audience")}</th>
          <th scope="col">{t("events.messages.recipients")}</th>
          <th scope="col">{t("events.messages.sender")}</th>
          <th scope="col">{t("events.messages.sentAt")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.id}>
            <td>{m.subject[locale] || m.subject[locale === "vi" ? "en" : "vi"]}</td>
            <td>{audienceText(t, m.audience)}</td>
            <td>{m.recipients}</td>
            <td>{m.sender ?? t("events.messages.formerMember")}</td>
            <td>
              <time dateTime={new Date(m.sentAt).toISOString()}>{formatDateTime(m.sentAt, locale, timeZone)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function audienceText(t: (key: string, o?: Record<string, unknown>) => string, a: Audience) {
  const parts = [t(`events.messages.audienceTo.${a.to}`)];
  if (a.ticketTypes.length > 0) parts.push(t("events.messages.someTypes", { count: a.ticketTypes.length }));
  if (a.to === "attendees" && a.checkedIn !== "any") parts.push(t(`events.messages.checkedInFilter.${a.checkedIn}`));
  return parts.join(" · ");
}
