import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SetupAnswer } from "./actions.server";
import { answerFor, Input, IntentButton, Section, valueOf } from "./fields";
import type { QuotaRow } from "./page.server";

// The event's quotas: a table of what each holds, a small form per quota to rename or resize it,
// and a form to add one.

export function QuotaList({ quotas, result }: { quotas: QuotaRow[]; result: SetupAnswer | undefined }) {
  const { t } = useTranslation();
  const added = answerFor(result, "saveQuota");
  return (
    <Section id="quotas" title={t("events.ticketSetup.quotas.heading")}>
      <p className="hint">{t("events.ticketSetup.quotas.lead")}</p>
      {quotas.length === 0 ? (
        <p className="empty">{t("events.ticketSetup.quotas.none")}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t("events.ticketSetup.quotas.heading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("events.ticketSetup.quotas.name")}</th>
              <th scope="col">{t("events.ticketSetup.quotas.size")}</th>
              <th scope="col">{t("events.ticketSetup.quotas.taken")}</th>
              <th scope="col">
                <abbr title={t("events.ticketSetup.quotas.heldHint")}>{t("events.ticketSetup.quotas.held")}</abbr>
              </th>
              <th scope="col">{t("events.ticketSetup.quotas.left")}</th>
              <th scope="col">{t("events.ticketSetup.quotas.types")}</th>
            </tr>
          </thead>
          <tbody>
            {quotas.map((q) => (
              <tr key={q.id}>
                <th scope="row">{q.name}</th>
                <td>{q.size}</td>
                <td>{q.taken}</td>
                <td>{q.held}</td>
                <td>{q.left}</td>
                <td>{q.types}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {quotas.map((q) => {
        const answer = answerFor(result, "saveQuota", q.id);
        const prefix = `quota-${q.id}`;
        return (
          <div key={q.id} className="card stack">
            <Form method="post" className="inline-form" aria-label={`${t("events.ticketSetup.quotas.save")}: ${q.name}`}>
              <input type="hidden" name="intent" value="saveQuota" />
              <input type="hidden" name="id" value={q.id} />
              <Input prefix={prefix} name="name" label={t("events.ticketSetup.quotas.name")} defaultValue={valueOf(answer, "name", q.name)} required maxLength={200} error={answer?.errors?.name} />
              <Input
                prefix={prefix}
                name="size"
                label={t("events.ticketSetup.quotas.size")}
                type="number"
                min={0}
                max={1000000}
                step={1}
                defaultValue={valueOf(answer, "size", q.size)}
                required
                hint={t("events.ticketSetup.quotas.sizeHint")}
                error={answer?.errors?.size}
              />
              <button type="submit" className="button">
                {t("events.ticketSetup.quotas.save")}
              </button>
            </Form>
            {q.taken === 0 ? (
              <IntentButton intent="removeQuota" id={q.id} label={`${t("events.ticketSetup.quotas.remove")}: ${q.name}`} />
            ) : (
              <p className="hint">{t("events.ticketSetup.quotas.removeHint")}</p>
            )}
          </div>
        );
      })}
      <Form method="post" className="card stack" key={`new-${quotas.length}`}>
        <h3>{t("events.ticketSetup.quotas.add")}</h3>
        <input type="hidden" name="intent" value="saveQuota" />
        <Input prefix="quota-new" name="name" label={t("events.ticketSetup.quotas.name")} defaultValue={valueOf(added, "name", "")} required maxLength={200} error={added?.errors?.name} />
        <Input
          prefix="quota-new"
          name="size"
          label={t("events.ticketSetup.quotas.size")}
          type="number"
          min={0}
          max={1000000}
          step={1}
          defaultValue={valueOf(added, "size", "")}
          required
          error={added?.errors?.size}
        />
        <button type="submit" className="button">
          {t("events.ticketSetup.quotas.add")}
        </button>
      </Form>
    </Section>
  );
}
