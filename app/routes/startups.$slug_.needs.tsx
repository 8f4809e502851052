import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { STAGES } from "~/modules/mentoring/match/score";
import { needsPage, saveNeeds } from "~/modules/mentoring/needs/needs.server";
import { NeedsSchema } from "~/modules/mentoring/needs/schema";
import { CheckGroup } from "~/modules/mentoring/profiles/check-group";
import { LANGUAGE_CODES } from "~/modules/mentoring/profiles/languages";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { Field, FormMessage, LabelledField, TextArea } from "~/ui/form";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((t, d) => t("mentoring.needs.title", { startup: d.startup.name }));

export const handle = routeStrings("mentoring.match", "mentoring.needs", "mentoring.profiles", "validation");

// A startup's mentoring needs, for its founders (404 for anyone else): prefilled until first saved.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return withOutcomes(() => needsPage(viewer.claims, params.slug ?? "", viewer.locale));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = parseForm(await readForm(request), NeedsSchema);
  if (!form.ok) return invalid(form.errors);
  await withOutcomes(() => saveNeeds(viewer.claims, params.slug ?? "", form.data));
  return { errors: null, saved: true };
}

export default function NeedsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { startup, needs, prefilled, tags } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  return (
    <section className="page narrow">
      <p>
        <Link to={`/startups/${startup.slug}/mentors`}>{t("mentoring.needs.mentorsLink")}</Link>
      </p>
      <h1>{t("mentoring.needs.title", { startup: startup.name })}</h1>
      <p>{t("mentoring.needs.lead")}</p>
      {result && "saved" in result ? <FormMessage tone="success">{t("mentoring.needs.saved")}</FormMessage> : prefilled ? <FormMessage tone="info">{t("mentoring.needs.prefilled")}</FormMessage> : null}
      {Object.keys(errors).length > 0 ? <FormMessage tone="error">{t("validation.formErrors")}</FormMessage> : null}
      <Form method="post">
        <CheckGroup name="expertise" legend={t("mentoring.needs.expertise")} options={tags.map((g) => ({ value: g.slug, label: g.name[locale] }))} checked={needs.expertise} error={errors.expertise} />
        <CheckGroup
          name="languages"
          legend={t("mentoring.needs.languages")}
          options={LANGUAGE_CODES.map((l) => ({ value: l, label: t(`mentoring.profiles.language.${l}`) }))}
          checked={needs.languages}
          error={errors.languages}
        />
        <Field name="sector" label={t("mentoring.needs.sector")} defaultValue={needs.sector} error={errors.sector} />
        <LabelledField
          name="stage"
          label={t("mentoring.needs.stage")}
          error={errors.stage}
          control={(aria) => (
            <select {...aria} name="stage" defaultValue={needs.stage}>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`mentoring.profiles.stage.${s}`)}
                </option>
              ))}
            </select>
          )}
        />
        <TextArea name="note" label={t("mentoring.needs.note")} defaultValue={needs.note} rows={4} error={errors.note} />
        <button type="submit" className="button">
          {t("mentoring.needs.save")}
        </button>
      </Form>
    </section>
  );
}

export const ErrorBoundary = RouteError;
