import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";
import type { ManagedCall } from "../managed-call.server";
import type { Counts, PendingItem } from "./notify.server";

/** "2 acceptances and 1 rejection", in the viewer's language (zero counts left out). */
export function useCountList() {
  const { t, i18n } = useTranslation();
  return (counts: Counts) => {
    const parts = [
      counts.accepted ? t("select.notify.acceptances", { count: counts.accepted }) : null,
      counts.waitlisted ? t("select.notify.waitlistings", { count: counts.waitlisted }) : null,
      counts.rejected ? t("select.notify.rejections", { count: counts.rejected }) : null,
    ].filter((p): p is string => p !== null);
    return new Intl.ListFormat(i18n.language === "vi" ? "vi" : "en-GB", { type: "conjunction" }).format(parts);
  };
}

/**
 * One pending decision and each mail it will send, as its founder will read it: the HTML the outbox
 * will hold, in a sandboxed frame (no script, no same origin: the mail cannot touch this page), and
 * the plain-text version under it.
 */
export function MailPreview({ item, call, locale }: { item: PendingItem; call: ManagedCall; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <article className="card" aria-labelledby={`pending-${item.id}`}>
      <h2 id={`pending-${item.id}`}>
        {`${item.code} · ${item.startup} · ${t(`select.decisions.${item.decision}`)}`}
        {item.told ? ` (${t("select.notify.told", { decision: t(`select.decisions.${item.told}`) })})` : null}
      </h2>
      {item.decision === "accepted" ? (
        <p>
          {item.offerExpiresAt
            ? t("select.notify.deadline", {
                date: t("select.common.callZone", { date: formatDateTime(item.offerExpiresAt, locale, call.timeZone), zone: call.timeZone }),
              })
            : t("select.notify.deadlineDefault", { days: call.offerDays })}
        </p>
      ) : null}
      {item.deadlinePassed ? <p className="field-error">{t("select.notify.deadlinePassed")}</p> : null}
      {item.mails.length === 0 ? <p>{t("select.notify.noFounder")}</p> : null}
      {item.mails.map((m) => (
        <section key={m.to} className="mail-preview" aria-label={t("select.notify.to", { to: m.to, language: t(`select.notify.languages.${m.locale}`) })}>
          <h3>{m.subject}</h3>
          <p className="hint">{t("select.notify.to", { to: m.to, language: t(`select.notify.languages.${m.locale}`) })}</p>
          <iframe className="mail-frame" title={t("select.notify.mailFrame", { to: m.to })} sandbox="" srcDoc={m.html} lang={m.locale} />
          <details>
            <summary>{t("select.notify.plainText")}</summary>
            <pre className="answer-text" lang={m.locale}>
              {m.text}
            </pre>
          </details>
        </section>
      ))}
    </article>
  );
}
