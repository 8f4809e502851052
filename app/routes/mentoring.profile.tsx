import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckGroup } from "~/modules/mentoring/profiles/check-group";
import { mentorProfilePage, saveMentorProfile } from "~/modules/mentoring/profiles/profile.server";
import { LANGUAGE_CODES } from "~/modules/mentoring/profiles/languages";
import { MentorProfileSchema } from "~/modules/mentoring/profiles/schema";
import { STAGES } from "~/modules/mentoring/match/score";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { zoneOptions } from "~/platform/i18n/format";
import { Field, FormMessage, LabelledField, TextArea } from "~/ui/form";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("mentoring.profiles.title");

export const handle = routeStrings("mentoring.match", "mentoring.office", "mentoring.profiles", "validation");

// A mentor's own profile: what matching and founders read (404 for someone who is no mentor).
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return withOutcomes(() => mentorProfilePage(viewer.claims, viewer.locale));
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = parseForm(await readForm(request), MentorProfileSchema);
  if (!form.ok) return invalid(form.errors);
  const outcome = await withOutcomes(() => saveMentorProfile(viewer.claims, form.data));
  if (outcome === "unknown_org") return invalid({ orgId: "mentoring.profiles.errors.unknownOrg" });
  return { errors: null, saved: true };
}

export default function MentorProfilePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { profile, orgs, tags, programmes, load } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const p = profile ?? { bio: "", orgId: orgs[0]?.id ?? null, expertise: [], sectors: [], languages: [locale], stages: [], timeZone: "Asia/Ho_Chi_Minh", maxStartups: 3, hoursPerMonth: 8 };
  return (
    <section className="page narrow">
      <h1>{t("mentoring.profiles.title")}</h1>
      <p>{t("mentoring.profiles.lead")}</p>
      <p>
        <Link to="/mentoring/availability">{t("mentoring.profiles.availabilityLink")}</Link>
        {" · "}
        <Link to="/mentoring/requests">{t("mentoring.profiles.requestsLink")}</Link>
        {" · "}
        <Link to="/mentoring/sessions">{t("mentoring.profiles.sessionsLink")}</Link>
        {" · "}
        <Link to="/mentoring/calendar">{t("mentoring.profiles.calendarLink")}</Link>
        {" · "}
        <Link to="/mentoring/office-hours">{t("mentoring.office.link")}</Link>
      </p>
      {profile ? <p>{t("mentoring.profiles.load", { count: load, max: profile.maxStartups })}</p> : null}
      {result && "saved" in result ? <FormMessage tone="success">{t("mentoring.profiles.saved")}</FormMessage> : null}
      {Object.keys(errors).length > 0 ? <FormMessage tone="error">{t("validation.formErrors")}</FormMessage> : null}
      <Form method="post">
        <TextArea name="bio" label={t("mentoring.profiles.bio")} hint={t("mentoring.profiles.bioHint")} defaultValue={p.bio} rows={5} error={errors.bio} />
        <LabelledField
          name="orgId"
          label={t("mentoring.profiles.org")}
          hint={t("mentoring.profiles.orgHint")}
          error={errors.orgId}
          control={(aria) => (
            <select {...aria} name="orgId" defaultValue={p.orgId ?? ""}>
              <option value="">{t("mentoring.profiles.orgNone")}</option>
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name[locale]}
                </option>
              ))}
            </select>
          )}
        />
        <CheckGroup name="expertise" legend={t("mentoring.profiles.expertise")} options={tags.map((g) => ({ value: g.slug, label: g.name[locale] }))} checked={p.expertise} error={errors.expertise} />
        <Field name="sectors" label={t("mentoring.profiles.sectors")} hint={t("mentoring.profiles.sectorsHint")} defaultValue={p.sectors.join(", ")} error={errors.sectors} />
        <CheckGroup
          name="languages"
          legend={t("mentoring.profiles.languages")}
          options={LANGUAGE_CODES.map((l) => ({ value: l, label: t(`mentoring.profiles.language.${l}`) }))}
          checked={p.languages}
          error={errors.languages}
        />
        <CheckGroup
          name="stages"
          legend={t("mentoring.profiles.stages")}
          hint={t("mentoring.profiles.stagesHint")}
          options={STAGES.map((s) => ({ value: s, label: t(`mentoring.profiles.stage.${s}`) }))}
          checked={p.stages}
          error={errors.stages}
        />
        <LabelledField
          name="timeZone"
          label={t("mentoring.profiles.timeZone")}
          error={errors.timeZone}
          control={(aria) => (
            <select {...aria} name="timeZone" defaultValue={p.timeZone}>
              {zoneOptions(locale).map((z) => (
                <option key={z.value} value={z.value}>
                  {z.label}
                </option>
              ))}
            </select>
          )}
        />
        <Field name="maxStartups" type="number" min={0} max={50} label={t("mentoring.profiles.maxStartups")} defaultValue={p.maxStartups} error={errors.maxStartups} />
        <Field name="hoursPerMonth" type="number" min={0} max={200} step={0.5} label={t("mentoring.profiles.hoursPerMonth")} defaultValue={p.hoursPerMonth} error={errors.hoursPerMonth} />
        <button type="submit" className="button">
          {t("mentoring.profiles.save")}
        </button>
      </Form>
      <h2>{t("mentoring.profiles.programmes")}</h2>
      {programmes.length === 0 ? (
        <p className="empty">{t("mentoring.profiles.noProgrammes")}</p>
      ) : (
        <ul>
          {programmes.map((g) => (
            <li key={g.id}>
              {g.name[locale]} · {g.org[locale]}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
