import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormMessage, useFlatForm } from "~/ui/form";
import { STAGES } from "./choices";
import type { StartupProfile } from "./profile.server";

/** The startup profile form, for creating and for editing (multipart: it may carry a logo). */
export function StartupForm({ startup, errors, submitLabel, redirectTo }: { startup?: StartupProfile; errors?: Record<string, string>; submitLabel: string; redirectTo?: string }) {
  const { t } = useTranslation();
  const form = useFlatForm(() => import("./schema").then((m) => m.StartupSchema), errors);
  const area = (name: "descriptionVi" | "descriptionEn", lang: "vi" | "en") => (
    <div className="field">
      <label htmlFor={`field-${name}`}>{t(`startups.profile.${name}`)}</label>
      <textarea
        id={`field-${name}`}
        lang={lang}
        rows={4}
        maxLength={4000}
        defaultValue={startup?.[name] ?? ""}
        aria-invalid={form.errorOf(name) ? true : undefined}
        {...form.register(name)}
      />
      {form.errorOf(name) ? <p className="field-error">{t(form.errorOf(name)!)}</p> : null}
    </div>
  );
  return (
    <Form method="post" encType="multipart/form-data" noValidate onSubmit={form.onSubmit}>
      {errors ? <FormMessage tone="error">{t("validation.formErrors")}</FormMessage> : null}
      <input type="hidden" name="intent" value="profile" />
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      <Field name="name" label={t("startups.profile.name")} defaultValue={startup?.name} register={form.register} error={form.errorOf("name")} required maxLength={200} />
      <Field name="sector" label={t("startups.profile.sector")} hint={t("startups.profile.sectorHint")} defaultValue={startup?.sector} register={form.register} error={form.errorOf("sector")} maxLength={80} />
      <div className="field">
        <label htmlFor="field-stage">{t("startups.profile.stage")}</label>
        <select id="field-stage" defaultValue={startup?.stage ?? "idea"} {...form.register("stage")}>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {t(`startups.stages.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <Field name="website" type="url" label={t("startups.profile.website")} hint="https://…" defaultValue={startup?.website ?? ""} register={form.register} error={form.errorOf("website")} />
      {area("descriptionVi", "vi")}
      {area("descriptionEn", "en")}
      <Field name="logo" type="file" accept="image/jpeg,image/png,image/webp" label={t("startups.profile.logo")} hint={t("startups.profile.logoHint")} error={form.errorOf("logo")} />
      <button type="submit" className="button" disabled={form.isSubmitting}>
        {submitLabel}
      </button>
    </Form>
  );
}
