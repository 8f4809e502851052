import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SetupAnswer } from "./actions.server";
import { Check, Checks, Input, Text, valueOf } from "./fields";
import type { QuotaRow, TicketTypeRow } from "./page.server";

// The form of a ticket type, to add one (no `type`) or change one. Times are typed in the event's
// zone; the price in whole đồng.

type Props = {
  type: TicketTypeRow | null;
  quotas: QuotaRow[];
  answer: SetupAnswer | null;
  zone: string;
  nextPosition: number;
  /** a new type's sale window, as wall-clock values */
  defaults?: { salesStart: string; salesEnd: string };
};

export function TicketTypeForm({ type, quotas, answer, zone, nextPosition, defaults }: Props) {
  const { t } = useTranslation();
  const prefix = type ? `type-${type.id}` : "type-new";
  const err = (name: string) => answer?.errors?.[name];
  const v = (name: string, stored: string | number | undefined) => valueOf(answer, name, stored);
  const typedQuotas = answer?.values?.quotas;
  const checkedQuotas = typedQuotas === undefined ? (type?.quotas ?? []) : Array.isArray(typedQuotas) ? (typedQuotas as string[]) : [String(typedQuotas)];
  const hidden = answer?.values ? answer.values.hidden === "on" : (type?.hidden ?? false);
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="saveType" />
      {type ? <input type="hidden" name="id" value={type.id} /> : null}
      <Input prefix={prefix} name="nameVi" label={t("events.ticketSetup.types.nameVi")} defaultValue={v("nameVi", type?.name.vi)} required maxLength={200} error={err("nameVi")} />
      <Input prefix={prefix} name="nameEn" label={t("events.ticketSetup.types.nameEn")} defaultValue={v("nameEn", type?.name.en)} required maxLength={200} error={err("nameEn")} />
      <Text prefix={prefix} name="descriptionVi" label={t("events.ticketSetup.types.descriptionVi")} defaultValue={v("descriptionVi", type?.description.vi)} maxLength={2000} error={err("descriptionVi")} />
      <Text prefix={prefix} name="descriptionEn" label={t("events.ticketSetup.types.descriptionEn")} defaultValue={v("descriptionEn", type?.description.en)} maxLength={2000} error={err("descriptionEn")} />
      <Input
        prefix={prefix}
        name="priceVnd"
        label={t("events.ticketSetup.types.price")}
        inputMode="numeric"
        defaultValue={v("priceVnd", type?.priceVnd ?? 0)}
        required
        maxLength={16}
        hint={t("events.ticketSetup.types.priceHint")}
        error={err("priceVnd")}
      />
      <Input
        prefix={prefix}
        name="salesStart"
        label={t("events.ticketSetup.types.salesStart")}
        type="datetime-local"
        defaultValue={v("salesStart", type?.salesStart ?? defaults?.salesStart)}
        required
        hint={t("events.ticketSetup.types.zoneHint", { zone })}
        error={err("salesStart")}
      />
      <Input
        prefix={prefix}
        name="salesEnd"
        label={t("events.ticketSetup.types.salesEnd")}
        type="datetime-local"
        defaultValue={v("salesEnd", type?.salesEnd ?? defaults?.salesEnd)}
        required
        hint={t("events.ticketSetup.types.zoneHint", { zone })}
        error={err("salesEnd")}
      />
      <Input prefix={prefix} name="minPerOrder" label={t("events.ticketSetup.types.minPerOrder")} type="number" min={1} max={50} defaultValue={v("minPerOrder", type?.minPerOrder ?? 1)} required error={err("minPerOrder")} />
      <Input prefix={prefix} name="maxPerOrder" label={t("events.ticketSetup.types.maxPerOrder")} type="number" min={1} max={50} defaultValue={v("maxPerOrder", type?.maxPerOrder ?? 10)} required error={err("maxPerOrder")} />
      <Input
        prefix={prefix}
        name="position"
        label={t("events.ticketSetup.types.position")}
        type="number"
        min={0}
        max={1000}
        defaultValue={v("position", type?.position ?? nextPosition)}
        required
        hint={t("events.ticketSetup.types.positionHint")}
        error={err("position")}
      />
      <Check prefix={prefix} name="hidden" label={t("events.ticketSetup.types.hidden")} defaultChecked={hidden} />
      <Checks
        prefix={prefix}
        name="quotas"
        legend={t("events.ticketSetup.types.quotas")}
        hint={quotas.length ? t("events.ticketSetup.types.quotasHint") : t("events.ticketSetup.quotas.none")}
        error={err("quotas")}
        options={quotas.map((q) => ({ value: q.id, label: `${q.name} (${q.left}/${q.size})` }))}
        checked={checkedQuotas}
      />
      <button type="submit" className="button">
        {type ? t("events.ticketSetup.types.save") : t("events.ticketSetup.types.add")}
      </button>
    </Form>
  );
}
