import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { setAffiliation } from "~/modules/startups/affiliation.server";
import { inviteCofounder } from "~/modules/startups/invitations.server";
import { storeLogo } from "~/modules/startups/logo.server";
import { startupPage, updateStartup } from "~/modules/startups/profile.server";
import { AffiliationSchema, CofounderInviteSchema, LOGO_MAX_BYTES, StartupSchema } from "~/modules/startups/schema";
import { StartupForm } from "~/modules/startups/startup-form";
import { requireViewer } from "~/platform/auth/guards.server";
import { getViewer } from "~/platform/auth/viewer.server";
import { invalid, oversizeFile, parseForm, readForm } from "~/platform/http/form.server";
import { formatDate } from "~/platform/i18n/format";
import { Field, FormMessage, useFlatForm } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import type { SerializeFrom } from "@remix-run/node";
import { NotFoundError } from "~/platform/db/errors.server";
import { useViewerZone } from "~/ui/locale";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((_t, d) => d.startup.name);

export const handle = routeStrings("apply.errors", "startups", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const page = await startupPage(viewer?.claims ?? null, params.slug ?? "");
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const slug = params.slug ?? "";
  const form = await readForm(request);
  if (oversizeFile(form, LOGO_MAX_BYTES)) return invalid({ logo: "validation.imageTooBig" });
  if (form.get("intent") === "invite") {
    const parsed = parseForm(form, CofounderInviteSchema);
    if (!parsed.ok) return data({ errors: null, inviteErrors: parsed.errors, done: null }, { status: 400 });
    await inviteCofounder(viewer.claims, slug, parsed.data.email, viewer.locale);
    return { errors: null, inviteErrors: null, done: { invited: parsed.data.email } };
  }
  if (form.get("intent") === "affiliation") {
    const chosen = parseForm(form, AffiliationSchema);
    if (!chosen.ok) throw new NotFoundError();
    const outcome = await setAffiliation(viewer.claims, slug, chosen.data.orgId);
    return { errors: null, inviteErrors: null, done: { affiliation: outcome } };
  }
  const parsed = parseForm(form, StartupSchema);
  if (!parsed.ok) return invalid(parsed.errors);
  const logo = await storeLogo(form.get("logo"));
  if ("error" in logo) return invalid({ logo: logo.error });
  await updateStartup(viewer.claims, slug, parsed.data, logo.path);
  return { errors: null, inviteErrors: null, done: { saved: true } };
}

export default function StartupPage() {
  const { t } = useTranslation();
  const { locale, timeZone } = useViewerZone();
  const { startup, affiliation, members, invites, organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const inviteErrors = result && "inviteErrors" in result ? (result.inviteErrors ?? undefined) : undefined;
  const invite = useFlatForm(() => import("~/modules/startups/schema").then((m) => m.CofounderInviteSchema), inviteErrors);
  const done = result && "done" in result ? result.done : null;
  const description = locale === "vi" ? startup.descriptionVi || startup.descriptionEn : startup.descriptionEn || startup.descriptionVi;
  return (
    <section className="page">
      <div className="startup-head">
        {startup.logoPath ? <img className="logo" src={`/files/startup-logos/${startup.slug}`} alt={t("startups.profile.logoAlt", { name: startup.name })} width={96} height={96} /> : null}
        <div>
          <h1>{startup.name}</h1>
          <p className="tag">
            {[startup.sector, t(`startups.stages.${startup.stage}`)].filter(Boolean).join(" · ")}
          </p>
          {startup.website ? (
            <p>
              <a href={startup.website} rel="noopener noreferrer nofollow">
                {startup.website}
              </a>
            </p>
          ) : null}
        </div>
      </div>
      {affiliation && (startup.isMember || affiliation.status === "confirmed") ? (
        <p>
          {t("startups.profile.affiliationOf", { org: locale === "vi" ? affiliation.nameVi : affiliation.nameEn })}
          {startup.isMember ? ` · ${t(`startups.profile.affiliationStatus.${affiliation.status}`)}` : null}
        </p>
      ) : null}
      {search.has("created") ? <FormMessage tone="success">{t("startups.profile.created")}</FormMessage> : null}
      {done && "saved" in done ? <FormMessage tone="success">{t("startups.profile.saved")}</FormMessage> : null}
      <p className="pre-wrap">{description}</p>
      {startup.isMember ? (
        <>
          <h2>{t("startups.profile.team")}</h2>
          <ul className="list">
            {members.map((m) => (
              <li key={m.userId}>
                {m.displayName} · {t(`startups.profile.roles.${m.role}`)}
              </li>
            ))}
          </ul>
          <h2>{t("startups.profile.inviteTitle")}</h2>
          <p>{t("startups.profile.inviteLead")}</p>
          {done && "invited" in done ? <FormMessage tone="success">{t("startups.profile.invited", { email: done.invited })}</FormMessage> : null}
          {invites.length > 0 ? (
            <ul className="list">
              {invites.map((i) => (
                <li key={i.id}>
                  {i.email} · {t("startups.profile.inviteExpires", { date: formatDate(i.expiresAt, locale, timeZone) })}
                </li>
              ))}
            </ul>
          ) : null}
          <Form method="post" noValidate onSubmit={invite.onSubmit}>
            <input type="hidden" name="intent" value="invite" />
            <Field name="email" type="email" label={t("startups.profile.inviteEmail")} register={invite.register} error={invite.errorOf("email")} required />
            <button type="submit" className="button">
              {t("startups.profile.sendInvite")}
            </button>
          </Form>
          <h2>{t("startups.profile.affiliationTitle")}</h2>
          <p>{t("startups.profile.affiliationLead")}</p>
          {done && "affiliation" in done ? (
            done.affiliation === "saved" ? (
              <FormMessage tone="success">{t("startups.profile.affiliationSaved")}</FormMessage>
            ) : (
              <FormMessage tone="error">{t("startups.profile.affiliationLocked", { org: affiliation ? (locale === "vi" ? affiliation.nameVi : affiliation.nameEn) : "" })}</FormMessage>
            )
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="affiliation" />
            <div className="field">
              <label htmlFor="field-orgId">{t("startups.profile.affiliationTitle")}</label>
              <select id="field-orgId" name="orgId" defaultValue={affiliation?.orgId ?? ""} key={affiliation?.orgId ?? ""}>
                <option value="">{t("startups.profile.affiliationNone")}</option>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {locale === "vi" ? o.nameVi : o.nameEn}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              {t("startups.profile.affiliationSave")}
            </button>
          </Form>
          <h2>{t("startups.profile.editTitle")}</h2>
          <StartupForm startup={startup} errors={result?.errors ?? undefined} submitLabel={t("startups.profile.save")} />
        </>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = RouteError;
