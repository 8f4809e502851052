import { useTranslation } from "react-i18next";

// How a paid order is paid: card (only when Stripe's keys are configured; otherwise the choice says
// card payment is off) or bank transfer with a VietQR code. One radio group, its error tied to it.
export function PaymentMethodChoice({ methods, error }: { methods: { card: boolean; bankTransfer: boolean }; error?: string }) {
  const { t } = useTranslation();
  const first = methods.card ? "card" : methods.bankTransfer ? "bank_transfer" : null;
  return (
    <fieldset className="field" aria-describedby={error ? "method-error" : undefined}>
      <legend>{t("events.register.method.legend")}</legend>
      <label>
        <input type="radio" name="method" value="card" disabled={!methods.card} defaultChecked={first === "card"} /> {t("events.register.method.card")}
      </label>
      {methods.card ? null : <p className="hint">{t("events.register.method.cardOff")}</p>}
      <label>
        <input type="radio" name="method" value="bank_transfer" disabled={!methods.bankTransfer} defaultChecked={first === "bank_transfer"} />{" "}
        {t("events.register.method.bankTransfer")}
      </label>
      {methods.bankTransfer ? <p className="hint">{t("events.register.method.bankHint")}</p> : <p className="hint">{t("events.register.method.bankOff")}</p>}
      {error ? (
        <p id="method-error" className="field-error">
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  );
}
