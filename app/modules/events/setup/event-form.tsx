import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { zoneOptions } from "~/platform/i18n/format";
import type { Bilingual } from "~/platform/i18n/i18n";
import { useLocale } from "~/ui/locale";
import { useZodForm } from "~/ui/form";
import type { SetupAnswer } from "./actions.server";
import { Answer, Choice, Input } from "./fields";
import { EVENT_KINDS } from "./choices";
import type { EventField, EventValues } from "./schema";

// The one form of an event's details, for a new event (with its organisation) and for an edit.
// It posts multipart, for the cover image.

type OrgChoice = { id: string; name: Bilingual; timeZone: string; spaces: { id: string; name: Bilingual }[] };

export function EventForm({ values, orgs, answer, submitLabel }: { values: EventValues | null; orgs: OrgChoice[]; answer: SetupAnswer | null; submitLabel: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const isNew = values === null;
  const form = useZodForm(() => import("./schema").then((m) => (isNew ? m.NewEventSchema : m.EventSchema)), answer?.errors ?? undefined);
  const typed = (name: string) => (typeof answer?.values?.[name] === "string" ? (answer.values[name] as string) : undefined);
  const text = (value: string | number | null | undefined) => (value == null ? "" : String(value));
  // what was typed (a refused post), else the event's value, else a new event's default
  const v = (name: EventField, fallback: string | number | null = null) => typed(name) ?? text(values ? values[name] : fallback);
  const f = "event";
  const zone = orgs[0]?.timeZone ?? "Asia/Ho_Chi_Minh";
  const coverUrl = text(values?.coverUrl);
  const storedCover = coverUrl.startsWith("/");
  return (
    <Form method="post" encType="multipart/form-data" noValidate onSubmit={form.onSubmit} className="stack">
      <input type="hidden" name="intent" value={isNew ? "create" : "update"} />
      <Answer answer={answer} />
      {isNew ? (
        <Choice form={form} prefix={f} name="orgId" label={t("events.setup.fields.org")} defaultValue={typed("orgId") ?? orgs[0]?.id} options={orgs.map((o) => ({ value: o.id, label: o.name[locale] }))} />
      ) : null}
      <p className="hint">{t("events.setup.fields.languagesHint")}</p>
      <Input form={form} prefix={f} name="titleVi" label={t("events.setup.fields.titleVi")} defaultValue={v("titleVi")} />
      <Input form={form} prefix={f} name="titleEn" label={t("events.setup.fields.titleEn")} defaultValue={v("titleEn")} />
      <Input form={form} prefix={f} name="slug" label={t("events.setup.fields.slug")} hint={t("events.setup.fields.slugHint")} defaultValue={v("slug")} />
      <Choice
        form={form}
        prefix={f}
        name="kind"
        label={t("events.setup.fields.kind")}
        defaultValue={v("kind", "forum")}
        options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
      />
      <Input form={form} prefix={f} name="summaryVi" label={t("events.setup.fields.summaryVi")} defaultValue={v("summaryVi")} multiline />
      <Input form={form} prefix={f} name="summaryEn" label={t("events.setup.fields.summaryEn")} defaultValue={v("summaryEn")} multiline />
      <Input form={form} prefix={f} name="descriptionVi" label={t("events.setup.fields.descriptionVi")} defaultValue={v("descriptionVi")} multiline />
      <Input form={form} prefix={f} name="descriptionEn" label={t("events.setup.fields.descriptionEn")} defaultValue={v("descriptionEn")} multiline />
      <Choice form={form} prefix={f} name="timeZone" label={t("events.setup.fields.timeZone")} defaultValue={v("timeZone", zone)} options={zoneOptions(locale)} />
      <Input form={form} prefix={f} name="startsAt" type="datetime-local" label={t("events.setup.fields.startsAt")} hint={t("events.setup.fields.whenHint")} defaultValue={v("startsAt")} />
      <Input form={form} prefix={f} name="endsAt" type="datetime-local" label={t("events.setup.fields.endsAt")} defaultValue={v("endsAt")} />
      <fieldset>
        <legend>{t("events.setup.fields.venueKind")}</legend>
        {(["address", "space"] as const).map((k) => (
          <label key={k} className="check">
            <input type="radio" value={k} defaultChecked={(typed("venueKind") ?? (values?.spaceId ? "space" : "address")) === k} {...form.register("venueKind")} />{" "}
            {t(k === "address" ? "events.setup.fields.venueAddress" : "events.setup.fields.venueSpace")}
          </label>
        ))}
        <Input form={form} prefix={f} name="venue" label={t("events.setup.fields.venue")} defaultValue={v("venue")} />
        <Choice form={form} prefix={f} name="spaceId" label={t("events.setup.fields.spaceId")} defaultValue={v("spaceId")} options={[]}>
          <option value="">{t("events.setup.fields.chooseSpace")}</option>
          {orgs.map((o) =>
            o.spaces.length ? (
              <optgroup key={o.id} label={o.name[locale]}>
                {o.spaces.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name[locale]}
                  </option>
                ))}
              </optgroup>
            ) : null,
          )}
        </Choice>
      </fieldset>
      <fieldset>
        <legend>{t("events.setup.fields.cover")}</legend>
        {coverUrl ? <img className="cover-preview" src={coverUrl} alt={t("events.setup.fields.currentCover")} width={240} /> : null}
        <div className="field">
          <label htmlFor={`${f}-cover`}>{t("events.setup.fields.cover")}</label>
          <p id={`${f}-cover-hint`} className="hint">
            {t("events.setup.fields.coverHint")}
          </p>
          <input id={`${f}-cover`} name="cover" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby={`${f}-cover-hint${form.errorOf("cover") ? ` ${f}-cover-error` : ""}`} />
          {form.errorOf("cover") ? (
            <p id={`${f}-cover-error`} className="field-error">
              {t(form.errorOf("cover")!)}
            </p>
          ) : null}
        </div>
        <Input form={form} prefix={f} name="coverUrl" type="url" label={t("events.setup.fields.coverUrl")} hint={t("events.setup.fields.coverUrlHint")} defaultValue={typed("coverUrl") ?? (storedCover ? "" : coverUrl)} />
        {coverUrl ? (
          <label className="check">
            <input type="checkbox" {...form.register("removeCover")} /> {t("events.setup.fields.removeCover")}
          </label>
        ) : null}
      </fieldset>
      <Input form={form} prefix={f} name="cancelHours" type="number" label={t("events.setup.fields.cancelHours")} hint={t("events.setup.fields.cancelHoursHint")} defaultValue={v("cancelHours", 48)} />
      <Input form={form} prefix={f} name="offerHours" type="number" label={t("events.setup.fields.offerHours")} defaultValue={v("offerHours", 24)} />
      <p>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </p>
    </Form>
  );
}
