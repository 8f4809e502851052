import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatInZone, formatVnd } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";

// What became of a paid order's payment, as its buyer reads it on the event's page: awaiting
// payment (with the way to pay), paid, expired, or paid too late and due a refund.
type Order = {
  code: string;
  status: string;
  totalVnd: number;
  holdUntil: string | Date | null;
  needsRefund: boolean;
  payment: { id: string; status: string; method: "card" | "bank_transfer"; deadline: string | Date } | null;
};

export function PaymentState({ order, zone, locale }: { order: Order; zone: string; locale: Locale }) {
  const { t } = useTranslation();
  const p = order.payment;
  const method = p ? t(`events.register.pay.methods.${p.method}`) : "";
  if (order.needsRefund || p?.status === "refund_needed") {
    return <p className="callout">{t("events.register.pay.refund", { amount: formatVnd(order.totalVnd, locale) })}</p>;
  }
  if (order.status === "held") {
    if (!p || p.status !== "pending") {
      return order.holdUntil ? <p className="callout">{t("events.register.pay.noPayment", { until: formatInZone(order.holdUntil, locale, zone) })}</p> : null;
    }
    return (
      <p className="callout">
        {t("events.register.pay.awaiting", { method, until: formatInZone(p.deadline, locale, zone) })}{" "}
        <Link className="button" to={`/payments/${p.id}`}>
          {t("events.register.pay.payNow", { code: order.code })}
        </Link>
      </p>
    );
  }
  if (!p) return null;
  if (order.status === "confirmed" && p.status === "paid") return <p>{t("events.register.pay.paid", { method })}</p>;
  if (order.status === "expired") return <p>{t("events.register.pay.expired")}</p>;
  return null;
}
