import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatVnd } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";
import type { SetupAnswer } from "./actions.server";
import { answerFor, Input, IntentButton } from "./fields";
import type { QuotaRow, TicketTypeRow } from "./page.server";
import { TicketTypeForm } from "./type-form";

// One ticket type as the organisers see it: price, window, counts, quotas, its codes when hidden,
// and its edit form behind a disclosure.

type Wire<T> = { [K in keyof T]: T[K] extends Date ? string | Date : T[K] };

export function TicketTypeCard(props: { type: Wire<TicketTypeRow>; quotas: QuotaRow[]; result: SetupAnswer | undefined; locale: Locale; zone: string; zoneLabel: string }) {
  const { t } = useTranslation();
  const { type, quotas, result, locale, zone, zoneLabel } = props;
  const editing = answerFor(result, "saveType", type.id);
  const coding = answerFor(result, "addCode", type.id);
  const names = quotas.filter((q) => type.quotas.includes(q.id)).map((q) => q.name);
  return (
    <li className="card stack">
      <h3>
        {type.name[locale]} · {type.priceVnd === 0 ? t("events.ticketSetup.types.free") : formatVnd(type.priceVnd, locale)}
        {type.hidden ? <span className="tag"> {t("events.ticketSetup.types.hiddenTag")}</span> : null}
      </h3>
      <p>
        {t("events.ticketSetup.types.window", { start: formatDateTime(type.salesStartAt, locale, zone), end: formatDateTime(type.salesEndAt, locale, zone) })} ·{" "}
        {t("events.ticketSetup.types.perOrder", { min: type.minPerOrder, max: type.maxPerOrder })}
      </p>
      <p>{t("events.ticketSetup.types.counts", { sold: type.sold, held: type.held, left: type.left })}</p>
      <p>{names.length ? `${t("events.ticketSetup.types.quotas")}: ${names.join(", ")}` : <strong>{t("events.ticketSetup.types.noQuota")}</strong>}</p>
      {type.hidden ? (
        <div className="stack">
          <h4>{t("events.ticketSetup.types.codes")}</h4>
          {type.codes.length === 0 ? <p>{t("events.ticketSetup.types.noCodes")}</p> : null}
          <ul>
            {type.codes.map((code) => (
              <li key={code}>
                <code>{code}</code> <IntentButton intent="removeCode" id={type.id} extra={{ code }} label={t("events.ticketSetup.types.removeCode", { code })} />
              </li>
            ))}
          </ul>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="addCode" />
            <input type="hidden" name="id" value={type.id} />
            <Input
              prefix={`code-${type.id}`}
              name="code"
              label={t("events.ticketSetup.types.code")}
              hint={t("events.ticketSetup.types.codeHint")}
              required
              maxLength={40}
              pattern="[A-Za-z0-9_\-]{4,40}"
              defaultValue={typeof coding?.values?.code === "string" ? coding.values.code : ""}
              error={coding?.errors?.code}
            />
            <button type="submit" className="button secondary">
              {t("events.ticketSetup.types.addCode")}
            </button>
          </Form>
        </div>
      ) : null}
      <details open={!!editing?.errors}>
        <summary>
          {t("events.ticketSetup.types.edit")}: {type.name[locale]}
        </summary>
        <TicketTypeForm type={type as TicketTypeRow} quotas={quotas} answer={editing} zone={zoneLabel} nextPosition={type.position} />
      </details>
      {type.tickets === 0 ? (
        <IntentButton intent="removeType" id={type.id} label={`${t("events.ticketSetup.types.remove")}: ${type.name[locale]}`} />
      ) : (
        <p className="hint">{t("events.ticketSetup.types.removeHint")}</p>
      )}
    </li>
  );
}
