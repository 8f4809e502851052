import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { cohortPage } from "~/modules/applications/select/cohort.server";
import { CohortTable } from "~/modules/applications/select/cohort-table";
import { CallTabs } from "~/modules/applications/manage-ui";
import { requireViewer } from "~/platform/auth/guards.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";

export const meta = titled("manage.tabs.cohort");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = await cohortPage(viewer.claims, params.callId ?? "");
  if (!page) throw data(null, { status: 404 });
  return { ...page, locale: viewer.locale, timeZone: viewer.timeZone };
}

export default function Cohort() {
  const { t } = useTranslation();
  const { call, members, locale, timeZone } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <h1>{t("decide.cohort.title", { program: call.programName[locale] })}</h1>
      <CallTabs callId={call.id} />
      <p>{t("decide.cohort.lead")}</p>
      {members.length === 0 ? (
        <p className="empty">{t("decide.cohort.none")}</p>
      ) : (
        <CohortTable members={members} locale={locale} timeZone={timeZone} />
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
