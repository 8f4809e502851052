import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";
import type { ManagedCall } from "../managed-call.server";
import type { Counts, PendingItem, PreviewMail } from "./notify.server";

/** Where one mail's preview is served (a route of its own, for the call's managers). */
const mailUrl = (call: ManagedCall, item: PendingItem, mail: PreviewMail) => `/manage/calls/${call.id}/decisions/notify/${item.id}/${mail.founderId}`;

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
 * will hold, served on its own and loaded into a sandboxed frame when it comes into view (no script,
 * no same origin: the mail cannot touch this page), with a link to the plain-text version.
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
          <iframe className="mail-frame" title={t("select.notify.mailFrame", { to: m.to })} sandbox="" src={mailUrl(call, item, m)} loading="lazy" lang={m.locale} />
          <p>
            <a href={`${mailUrl(call, item, m)}?format=text`} hrefLang={m.locale}>
              {t("select.notify.plainText")}
            </a>
          </p>
        </section>
      ))}
    </article>
  );
}
