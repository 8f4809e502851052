import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listMyApplications } from "~/modules/applications/apply/status.server";
import { StatusBadge, useBilingual } from "~/modules/applications/apply/ui";
import { requireViewer } from "~/platform/auth/guards.server";
import { formatDateTime } from "~/platform/i18n/format";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { useViewerZone } from "~/ui/locale";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("apply.list.title");

export const handle = routeStrings("apply.blind", "apply.callZone", "apply.decision", "apply.errors", "apply.list", "apply.noAnswer", "apply.status", "apply.zoned");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { applications: await listMyApplications(viewer.claims), startups: viewer.startups };
}

export default function MyApplications() {
  const { t } = useTranslation();
  const pick = useBilingual();
  const { locale, timeZone } = useViewerZone();
  const { applications, startups } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <h1>{t("apply.list.title")}</h1>
      {startups.length === 0 ? (
        <p className="callout">
          <Link to="/startups/new">{t("apply.list.createStartup")}</Link>
        </p>
      ) : (
        <p>
          {t("apply.list.yourStartups")}{" "}
          {startups.map((s, i) => (
            <span key={s.startupId}>
              {i > 0 ? ", " : null}
              <Link to={`/startups/${s.slug}`}>{s.name}</Link>
            </span>
          ))}{" "}
          · <Link to="/startups/new">{t("apply.list.newStartup")}</Link>
        </p>
      )}
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
