import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatVnd } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";
import type { OwedRow } from "./payments.server";

type Wire<T> = { [K in keyof T]: T[K] extends Date ? string | Date : T[K] };

/** Transfers awaiting staff, and payments to refund; nothing when there are none. */
export function PaymentsToAct({ rows, locale, zone }: { rows: Wire<OwedRow>[]; locale: Locale; zone: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="payments-heading">
      <h2 id="payments-heading">{t("events.attendees.payments.heading")}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("events.attendees.order")}</th>
            <th scope="col">{t("events.attendees.email")}</th>
            <th scope="col">{t("events.attendees.payments.amount")}</th>
            <th scope="col">{t("events.attendees.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.paymentId}>
              <td>{r.orderCode}</td>
              <td>{r.email}</td>
              <td>{formatVnd(r.amountVnd, locale)}</td>
              <td>
                {r.status === "refund_needed" ? (
                  <strong>{t("events.attendees.payments.refund", { method: t(`payments.methods.${r.method}`) })}</strong>
                ) : (
                  t("events.attendees.payments.awaiting", { reference: r.bankReference ?? "", deadline: formatDateTime(r.deadline, locale, zone) })
                )}{" "}
                <Link to={`/payments/${r.paymentId}`}>
                  {r.status === "refund_needed" ? t("events.attendees.payments.open", { code: r.orderCode }) : t("events.attendees.payments.check", { code: r.orderCode })}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
