import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadAvailability, saveAvailability } from "~/modules/mentoring/availability/rules.server";
import { AvailabilitySchema } from "~/modules/mentoring/availability/schema";
import { WEEKDAYS } from "~/modules/mentoring/availability/weekdays";
import { requireViewer } from "~/platform/auth/guards.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { zoneOptions } from "~/platform/i18n/format";
import { Field, FormMessage, LabelledField, TextArea, useZodForm } from "~/ui/form";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("mentoring.availability.title");

export const handle = routeStrings("mentoring.availability", "mentoring.office", "validation");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { availability: await loadAvailability(viewer.claims) };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const parsed = parseForm(await readForm(request), AvailabilitySchema);
  if (!parsed.ok) return invalid(parsed.errors);
  const outcome = await saveAvailability(viewer.claims, parsed.data);
  if (!outcome.ok) return invalid(outcome.errors);
  return data({ errors: null, saved: true });
}

const NUMBERS = ["slotMinutes", "stepMinutes", "bufferBeforeMinutes", "bufferAfterMinutes", "minNoticeHours", "horizonDays", "weeklyCap", "cancelCutoffHours"] as const;

export default function AvailabilityPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { availability: a } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  const form = useZodForm(() => import("~/modules/mentoring/availability/schema").then((m) => m.AvailabilitySchema), errors);
  if (!a) {
    return (
      <section className="page narrow">
        <h1>{t("mentoring.availability.title")}</h1>
        {errors ? <FormMessage tone="error">{t(errors.form ?? "validation.formErrors")}</FormMessage> : null}
        <p className="empty">{t("mentoring.availability.noProfile")}</p>
      </section>
    );
  }
  return (
    <section className="page narrow">
      <h1>{t("mentoring.availability.title")}</h1>
      <p>{t("mentoring.availability.lead")}</p>
      <p>
        <Link to="/mentoring/office-hours">{t("mentoring.office.open")}</Link>
      </p>
      {result && "saved" in result ? <FormMessage tone="success">{t("mentoring.availability.saved")}</FormMessage> : null}
      {errors ? <FormMessage tone="error">{t(errors.form ?? "validation.formErrors")}</FormMessage> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <fieldset>
          <legend>{t("mentoring.availability.weekly")}</legend>
          <p className="hint" id="weekly-hint">
            {t("mentoring.availability.weeklyHint")}
          </p>
          {WEEKDAYS.map((d) => (
            <Field
              key={d}
              name={`day${d}`}
              label={t(`mentoring.availability.weekday.${d}`)}
              defaultValue={a.days[d]}
              register={form.register}
              error={form.errorOf(`day${d}`)}
              placeholder="09:00-12:00, 13:30-17:00"
            />
          ))}
        </fieldset>
        <TextArea
          name="overrides"
          label={t("mentoring.availability.overrides")}
          hint={t("mentoring.availability.overridesHint")}
          defaultValue={a.overrides}
          register={form.register}
          error={form.errorOf("overrides")}
          rows={4}
        />
        <fieldset>
          <legend>{t("mentoring.availability.rules")}</legend>
          <LabelledField
            name="timeZone"
            label={t("mentoring.availability.timeZone")}
            error={form.errorOf("timeZone")}
            control={(aria) => (
              <select {...aria} defaultValue={a.timeZone} {...form.register("timeZone")}>
                {zoneOptions(locale).map((z) => (
                  <option key={z.value} value={z.value}>
                    {z.label}
                  </option>
                ))}
              </select>
            )}
          />
          {NUMBERS.map((name) => (
            <Field key={name} name={name} type="number" inputMode="numeric" label={t(`mentoring.availability.${name}`)} defaultValue={a[name]} register={form.register} error={form.errorOf(name)} />
          ))}
          <Field
            name="meetingDefault"
            label={t("mentoring.availability.meetingDefault")}
            hint={t("mentoring.availability.meetingDefaultHint")}
            defaultValue={a.meetingDefault}
            register={form.register}
            error={form.errorOf("meetingDefault")}
            maxLength={500}
          />
        </fieldset>
        <button type="submit" className="button">
          {t("mentoring.availability.save")}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
