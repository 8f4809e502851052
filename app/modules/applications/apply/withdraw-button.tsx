import { Form } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";

/** Withdraw, after a confirmation in a modal dialog (focus moves into it; Escape cancels). */
export function WithdrawButton() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <section className="danger-zone" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t("apply.withdraw.title")}</h2>
      <p>{t("apply.withdraw.lead")}</p>
      <button type="button" className="button secondary" onClick={() => dialog.current?.showModal()}>
        {t("apply.withdraw.open")}
      </button>
      <dialog ref={dialog} aria-labelledby="withdraw-confirm-title" className="dialog">
        <h2 id="withdraw-confirm-title">{t("apply.withdraw.confirmTitle")}</h2>
        <p>{t("apply.withdraw.confirmLead")}</p>
        <Form method="post" onSubmit={() => dialog.current?.close()}>
          <input type="hidden" name="intent" value="withdraw" />
          <div className="actions">
            <button type="submit" className="button danger">
              {t("apply.withdraw.confirm")}
            </button>
            <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
              {t("apply.withdraw.cancel")}
            </button>
          </div>
        </Form>
      </dialog>
    </section>
  );
}
