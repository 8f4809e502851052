import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { zoneName } from "~/platform/i18n/format";
import { slugify } from "~/platform/slug";
import { useLocale } from "~/ui/locale";
import { BLIND_FIELDS, Z_MIN_REVIEWS_DEFAULT } from "./choices";
import { Outcome, type ActionAnswer } from "./ui";
import { Check, Input, Select, useSetupForm, type SetupForm } from "./setup-form";
import type { Bilingual } from "~/platform/i18n/i18n";

// The programme and call forms, shared by their "new" and "edit" pages.

/** The address the server makes from the title when the slug is left empty, as it is typed. */
function slugFromTitle(form: SetupForm, en: string, vi: string, values?: Bilingual) {
  const typed = (name: string, fallback = "") => String(form.watch(name) ?? form.echo(name) ?? fallback);
  return slugify(typed(en, values?.en).trim() || typed(vi, values?.vi).trim());
}

type ProgrammeValues = { slug: string; name: Bilingual; description: Bilingual };

export function ProgrammeForm({
  intent,
  answer,
  orgs,
  orgId,
  values,
  submitLabel,
}: {
  intent: string;
  answer: ActionAnswer | null;
  orgs?: { id: string; name: Bilingual }[];
  orgId?: string;
  values?: ProgrammeValues;
  submitLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const form = useSetupForm(() => import("./schema").then((m) => (orgs ? m.ProgrammeSchema : m.ProgrammeEditSchema)), answer);
  const p = "programme";
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit}>
      <Outcome answer={answer} form={form} />
      <input type="hidden" name="intent" value={intent} />
      {orgs ? (
        <Select form={form} prefix={p} name="orgId" label={t("setup.fields.organisation")} defaultValue={orgId} options={orgs.map((o) => ({ value: o.id, label: o.name[lang] }))} />
      ) : null}
      <Input form={form} prefix={p} name="nameVi" label={t("setup.fields.nameVi")} defaultValue={values?.name.vi} />
      <Input form={form} prefix={p} name="nameEn" label={t("setup.fields.nameEn")} defaultValue={values?.name.en} />
      <Input form={form} prefix={p} name="slug" label={t("setup.fields.slug")} hint={t("setup.fields.slugHint")} defaultValue={values?.slug} placeholder={slugFromTitle(form, "nameEn", "nameVi", values?.name)} />
      <Input form={form} prefix={p} name="descriptionVi" label={t("setup.fields.descriptionVi")} defaultValue={values?.description.vi} multiline />
      <Input form={form} prefix={p} name="descriptionEn" label={t("setup.fields.descriptionEn")} defaultValue={values?.description.en} multiline />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}

export type CallValues = {
  slug: string;
  title: Bilingual;
  description: Bilingual;
  opensLocal: string;
  closesLocal: string;
  published: boolean;
  reviewsPerApplication: number;
  zMinReviews: number;
  shortlistThreshold: number | null;
  offerDays: number;
  reviewDueLocal: string | null;
  blindFields: string[];
};

export function CallForm({ intent, answer, zone, values, submitLabel }: { intent: string; answer: ActionAnswer | null; zone: string; values?: CallValues; submitLabel: string }) {
  const { t } = useTranslation();
  const form = useSetupForm(() => import("./schema").then((m) => m.CallSchema), answer);
  const p = "call";
  const zone_ = zoneName(zone, useLocale());
  const zoneHint = t("setup.fields.zoneHint", { zone: zone_ });
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit}>
      <Outcome answer={answer} form={form} />
      <input type="hidden" name="intent" value={intent} />
      <Input form={form} prefix={p} name="titleVi" label={t("setup.fields.titleVi")} defaultValue={values?.title.vi} />
      <Input form={form} prefix={p} name="titleEn" label={t("setup.fields.titleEn")} defaultValue={values?.title.en} />
      <Input form={form} prefix={p} name="slug" label={t("setup.fields.slug")} hint={t("setup.fields.slugHint")} defaultValue={values?.slug} placeholder={slugFromTitle(form, "titleEn", "titleVi", values?.title)} />
      <Input form={form} prefix={p} name="descriptionVi" label={t("setup.fields.descriptionVi")} defaultValue={values?.description.vi} multiline />
      <Input form={form} prefix={p} name="descriptionEn" label={t("setup.fields.descriptionEn")} defaultValue={values?.description.en} multiline />
      <div className="field-row">
        <Input form={form} prefix={p} name="opensAt" type="datetime-local" label={`${t("setup.fields.opensAt")} (${zone_})`} hint={zoneHint} defaultValue={values?.opensLocal} required />
        <Input form={form} prefix={p} name="closesAt" type="datetime-local" label={`${t("setup.fields.closesAt")} (${zone_})`} hint={zoneHint} defaultValue={values?.closesLocal} required />
      </div>
      <Check form={form} prefix={p} name="published" label={t("setup.fields.published")} defaultChecked={values?.published ?? false} />
      <div className="field-row">
        <Input form={form} prefix={p} name="reviewsPerApplication" type="number" label={t("setup.fields.reviewsPerApplication")} defaultValue={values?.reviewsPerApplication ?? 3} required />
        <Input form={form} prefix={p} name="offerDays" type="number" label={t("setup.fields.offerDays")} defaultValue={values?.offerDays ?? 14} required />
      </div>
      <Input form={form} prefix={p} name="zMinReviews" type="number" label={t("setup.fields.zMinReviews")} hint={t("setup.fields.zMinReviewsHint")} defaultValue={values?.zMinReviews ?? Z_MIN_REVIEWS_DEFAULT} required />
      <Input form={form} prefix={p} name="reviewDueAt" type="datetime-local" label={`${t("setup.fields.reviewDueAt")} (${zone_})`} hint={t("setup.fields.reviewDueHint")} defaultValue={values?.reviewDueLocal ?? undefined} />
      <Input form={form} prefix={p} name="shortlistThreshold" type="number" step="any" label={t("setup.fields.shortlistThreshold")} hint={t("setup.fields.shortlistHint")} defaultValue={values?.shortlistThreshold} />
      <fieldset className="field">
        <legend>{t("setup.fields.blindFields")}</legend>
        {BLIND_FIELDS.map((f) => (
          <Check key={f} form={form} prefix={p} name="blindFields" value={f} label={t(`setup.fields.blind.${f}`)} defaultChecked={values?.blindFields.includes(f) ?? false} />
        ))}
      </fieldset>
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
