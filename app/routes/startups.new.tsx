import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { storeLogo } from "~/modules/startups/logo.server";
import { createStartup } from "~/modules/startups/profile.server";
import { LOGO_MAX_BYTES, StartupSchema } from "~/modules/startups/schema";
import { StartupForm } from "~/modules/startups/startup-form";
import { requireViewer, safeRedirect } from "~/platform/auth/guards.server";
import { invalid, oversizeFile, parseForm, readForm } from "~/platform/http/form.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("startups.profile.newTitle");

export const handle = routeStrings("apply.errors", "startups", "validation");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  if (oversizeFile(form, LOGO_MAX_BYTES)) return invalid({ logo: "validation.imageTooBig" });
  const parsed = parseForm(form, StartupSchema);
  if (!parsed.ok) return invalid(parsed.errors);
  const logo = await storeLogo(form.get("logo"));
  if ("error" in logo) return invalid({ logo: logo.error });
  const created = await createStartup(viewer.claims, parsed.data, logo.path);
  const next = safeRedirect(form.get("redirectTo"), "");
  throw redirect(next || `/startups/${created.slug}?created=1`);
}

export default function NewStartup() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const redirectTo = search.get("redirectTo") ?? undefined;
  return (
    <section className="page narrow">
      <h1>{t("startups.profile.newTitle")}</h1>
      <p>{t("startups.profile.newLead")}</p>
      <StartupForm errors={result?.errors ?? undefined} submitLabel={t("startups.profile.create")} redirectTo={redirectTo} />
    </section>
  );
}

export const ErrorBoundary = RouteError;
