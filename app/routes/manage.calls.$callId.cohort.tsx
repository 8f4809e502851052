import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { cohortPage } from "~/modules/applications/select/cohort.server";
import { CohortTable } from "~/modules/applications/select/cohort-table";
import { requireViewer } from "~/platform/auth/guards.server";
import { RouteError } from "~/ui/route-error";
import type { CallSection } from "./manage.calls.$callId";
import { routeStrings } from "~/platform/i18n/strings-client";

export const handle: CallSection = { section: "setup.tabs.cohort", ...routeStrings("select.cohort", "setup", "startups", "validation") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = await cohortPage(viewer.claims, params.callId ?? "");
  return { ...page, locale: viewer.locale, timeZone: viewer.timeZone };
}

export default function Cohort() {
  const { t } = useTranslation();
  const { members, locale, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      <p>{t("select.cohort.lead")}</p>
      {members.length === 0 ? (
        <p className="empty">{t("select.cohort.none")}</p>
      ) : (
        <CohortTable members={members} locale={locale} timeZone={timeZone} />
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
