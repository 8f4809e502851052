import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { cohortPage } from "~/modules/applications/cohort.server";
import { CallTabs } from "~/modules/applications/manage-ui";
import { requireViewer } from "~/platform/auth/guards.server";
import { formatDate } from "~/platform/i18n/format";
import { RouteError } from "~/ui/route-error";

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
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("decide.cohort.startup")}</th>
                <th scope="col">{t("decide.cohort.founders")}</th>
                <th scope="col">{t("decide.cohort.stage")}</th>
                <th scope="col">{t("decide.cohort.sector")}</th>
                <th scope="col">{t("decide.cohort.joined")}</th>
                <th scope="col">{t("decide.cohort.application")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.startupId}>
                  <th scope="row">{m.website ? <a href={m.website}>{m.name}</a> : m.name}</th>
                  <td>{m.founders.join(", ") || t("decide.common.none")}</td>
                  <td>{t(`decide.startupStages.${m.stage}`)}</td>
                  <td>{m.sector || t("decide.common.none")}</td>
                  <td>{formatDate(m.joinedAt, locale, timeZone)}</td>
                  <td>{m.code ?? t("decide.common.none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
