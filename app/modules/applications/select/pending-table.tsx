import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";
import type { PendingDecision } from "./templates.server";

/** The decisions not yet sent, each with its undo, and the way to the notify step. */
export function PendingTable({ callId, pending, locale, timeZone }: { callId: string; pending: PendingDecision[]; locale: Locale; timeZone: string }) {
  const { t } = useTranslation();
  if (pending.length === 0) return <p className="empty">{t("decide.notify.nonePending")}</p>;
  return (
    <>
      <p>{t("decide.notify.pendingLead")}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("decide.ranking.code")}</th>
              <th scope="col">{t("decide.ranking.startup")}</th>
              <th scope="col">{t("decide.ranking.decision")}</th>
              <th scope="col">{t("decide.decisionsPage.offerExpires")}</th>
              <th scope="col">{t("decide.notify.undo")}</th>
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
                  {t(`decide.decisions.${p.decision}`)}
                  {p.told ? ` (${t("decide.notify.told", { decision: t(`decide.decisions.${p.told}`) })})` : null}
                </td>
                <td>
                  {p.offerExpiresAt
                    ? t("decide.common.callZone", { date: formatDateTime(p.offerExpiresAt, locale, timeZone), zone: timeZone })
                    : t("decide.common.none")}
                </td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="undo" />
                    <input type="hidden" name="applicationId" value={p.id} />
                    <button type="submit" className="button secondary" aria-label={t("decide.notify.undoOne", { code: p.code })}>
                      {t("decide.notify.undo")}
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
          {t("decide.notify.review")}
        </Link>
      </p>
    </>
  );
}
