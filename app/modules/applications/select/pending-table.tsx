import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";
import type { PendingDecision } from "./templates.server";

/** The decisions not yet sent, each with its undo, and the way to the notify step. */
export function PendingTable({ callId, pending, locale, timeZone }: { callId: string; pending: PendingDecision[]; locale: Locale; timeZone: string }) {
  const { t } = useTranslation();
  if (pending.length === 0) return <p className="empty">{t("select.notify.nonePending")}</p>;
  return (
    <>
      <p>{t("select.notify.pendingLead")}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("select.ranking.code")}</th>
              <th scope="col">{t("select.ranking.startup")}</th>
              <th scope="col">{t("select.ranking.decision")}</th>
              <th scope="col">{t("select.decisionsPage.offerExpires")}</th>
              <th scope="col">{t("select.notify.undo")}</th>
            </tr>
          </thead>
          <tbody>
            {pending.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/manage/calls/${callId}/applications/${p.id}`}>{p.code}</Link>
                </td>
                <td>{p.startup}</td>
                <td>
                  {t(`select.decisions.${p.decision}`)}
                  {p.told ? ` (${t("select.notify.told", { decision: t(`select.decisions.${p.told}`) })})` : null}
                </td>
                <td>
                  {p.offerExpiresAt
                    ? t("select.common.callZone", { date: formatDateTime(p.offerExpiresAt, locale, timeZone), zone: timeZone })
                    : t("select.common.none")}
                </td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="undo" />
                    <input type="hidden" name="applicationId" value={p.id} />
                    <button type="submit" className="button secondary" aria-label={t("select.notify.undoOne", { code: p.code })}>
                      {t("select.notify.undo")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link className="button" to={`/manage/calls/${callId}/decisions/notify`}>
          {t("select.notify.review")}
        </Link>
      </p>
    </>
  );
}
