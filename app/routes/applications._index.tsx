import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listMyApplications } from "~/modules/applications/founder-status.server";
import { StatusBadge, useBilingual, useLocaleZone } from "~/modules/applications/founder-ui";
import { requireViewer } from "~/platform/auth/guards.server";
import { formatDateTime } from "~/platform/i18n/format";
import { RouteError } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "My applications · Hồ sơ của tôi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { applications: await listMyApplications(viewer.claims), hasStartup: viewer.startups.length > 0 };
}

export default function MyApplications() {
  const { t } = useTranslation();
  const pick = useBilingual();
  const { locale, timeZone } = useLocaleZone();
  const { applications, hasStartup } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <h1>{t("apply.list.title")}</h1>
      {!hasStartup ? (
        <p className="callout">
          <Link to="/startups/new">{t("apply.list.createStartup")}</Link>
        </p>
      ) : null}
      {applications.length === 0 ? (
        <div className="empty">
          <p>{t("apply.list.none")}</p>
          <Link to="/calls">{t("apply.list.browseCalls")}</Link>
        </div>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t("apply.list.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("apply.list.call")}</th>
              <th scope="col">{t("apply.list.startup")}</th>
              <th scope="col">{t("apply.list.status")}</th>
              <th scope="col">{t("apply.list.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={a.status === "draft" ? `/applications/${a.id}/edit` : `/applications/${a.id}`}>{pick(a.callTitle)}</Link>
                </td>
                <td>{a.startupName}</td>
                <td>
                  <StatusBadge status={a.status} decision={a.decision} />
                </td>
                <td>{formatDateTime(a.submittedAt ?? a.updatedAt, locale, timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
