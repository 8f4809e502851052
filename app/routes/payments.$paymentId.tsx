import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireViewer } from "~/platform/auth/guards.server";
import { invalid, readForm } from "~/platform/http/form.server";
import { formatDateTime, formatVnd } from "~/platform/i18n/format";
import { isLocale } from "~/platform/i18n/i18n";
import { confirmBankTransfer } from "~/platform/payments/bank.server";
import { paymentPage } from "~/platform/payments/page.server";
import { FormMessage } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

// One payment: the payer sees what is owed and how to pay it (the card checkout, or the bank
// account, reference and VietQR code); the receiving organisation's staff confirm a transfer.

export const meta = titled("payments.title");

export const handle = routeStrings("payments", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { ...(await paymentPage(viewer.claims, params.paymentId ?? "")), timeZone: viewer.timeZone };
}

const ANSWERS = {
  confirmed: null,
  refund_needed: null,
  not_pending: "payments.notPending",
  forbidden: "payments.forbidden",
  not_found: "errors.notFound",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  if (form.get("intent") !== "confirm") return invalid({ form: "validation.formErrors" });
  const page = await paymentPage(viewer.claims, params.paymentId ?? ""); // 404 for whoever may not see it
  const result = await confirmBankTransfer(viewer.claims, page.payment.id);
  const refusal = ANSWERS[result];
  if (refusal) return invalid({ form: refusal });
  return data({ errors: null, message: result === "confirmed" ? "payments.confirmed" : "payments.refundNeeded" });
}

export default function PaymentRoute() {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "vi";
  const { payment, transfer, mayConfirm, back, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const formError = result?.errors?.form;
  return (
    <section className="page narrow">
      <h1>{t("payments.title")}</h1>
      <p>{payment.description}</p>
      {result?.message ? <FormMessage tone="success">{t(result.message)}</FormMessage> : null}
      {formError ? <FormMessage tone="error">{t(formError)}</FormMessage> : null}
      <dl>
        <dt>{t("payments.amount")}</dt>
        <dd>{formatVnd(payment.amountVnd, locale)}</dd>
        <dt>{t("payments.status")}</dt>
        <dd>
          {t(`payments.statuses.${payment.status}`)} · {t(`payments.methods.${payment.method}`)}
        </dd>
        {payment.status === "pending" ? (
          <>
            <dt>{t("payments.deadline")}</dt>
            <dd>{formatDateTime(payment.deadline, locale, timeZone)}</dd>
          </>
        ) : null}
      </dl>
      {payment.status === "pending" && payment.method === "card" ? (
        payment.checkoutUrl ? (
          <p>
            <a className="button" href={payment.checkoutUrl}>
              {t("payments.payByCard")}
            </a>
          </p>
        ) : (
          <p>{t("payments.cardOff")}</p>
        )
      ) : null}
      {payment.status === "pending" && payment.method === "bank_transfer" && !transfer ? <p>{t("payments.bankOff")}</p> : null}
      {transfer ? (
        <>
          <p>{t("payments.transferLead")}</p>
          <dl>
            <dt>{t("payments.bank")}</dt>
            <dd>{transfer.bin}</dd>
            <dt>{t("payments.account")}</dt>
            <dd>{transfer.account}</dd>
            <dt>{t("payments.accountName")}</dt>
            <dd>{transfer.name}</dd>
            <dt>{t("payments.reference")}</dt>
            <dd>
              <strong>{transfer.reference}</strong>
            </dd>
          </dl>
          <img src={transfer.qr} alt={t("payments.qrLabel")} width={240} height={240} />
        </>
      ) : null}
      {mayConfirm ? (
        <Form method="post">
          <input type="hidden" name="intent" value="confirm" />
          <button type="submit" className="button" aria-label={t("payments.confirmLabel", { reference: transfer?.reference ?? "" })}>
            {t("payments.confirm")}
          </button>
        </Form>
      ) : null}
      {back ? (
        <p>
          <Link to={back}>{t("payments.back")}</Link>
        </p>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = RouteError;
