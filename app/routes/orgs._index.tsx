import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listOrganisations } from "~/modules/identity/organisations.server";
import { OrgList } from "~/modules/identity/org-list";
import { getViewer } from "~/platform/auth/viewer.server";
import { resolveLocale } from "~/platform/i18n/locale.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  return { orgs: await listOrganisations(viewer?.claims ?? null), locale: await resolveLocale(request, viewer) };
}

export default function Organisations() {
  const { t } = useTranslation();
  const { orgs, locale } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <h1>{t("orgs.title")}</h1>
      <OrgList orgs={orgs} locale={locale} />
    </section>
  );
}
