import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { programmeCohortPage } from "~/modules/applications/select/cohort.server";
import { CohortTable } from "~/modules/applications/select/cohort-table";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import type { SerializeFrom } from "@remix-run/node";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((t, d, locale) => t("setup.cohort.title", { programme: d.programme.name[locale] }));

export const handle = routeStrings("setup.cohort", "startups");

// The programme's cohort for the managers of its organisation (403 for others, 404 if unknown).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = await withOutcomes(() => programmeCohortPage(viewer.claims, params.programmeId ?? ""));
  return { ...page, locale: viewer.locale, timeZone: viewer.timeZone };
}

export default function ProgrammeCohort() {
  const { t } = useTranslation();
  const { programme, members, locale, timeZone } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <p>
        <Link to={`/manage/programmes/${programme.id}`}>{t("setup.cohort.back")}</Link>
      </p>
      <p className="tag">{programme.orgName[locale]}</p>
      <h1>{t("setup.cohort.title", { programme: programme.name[locale] })}</h1>
      <p>{t("setup.cohort.lead")}</p>
      {members.length === 0 ? (
        <p className="empty">{t("setup.cohort.none")}</p>
      ) : (
        <CohortTable members={members} locale={locale} timeZone={timeZone} />
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
