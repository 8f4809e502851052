import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { auditPage } from "~/modules/applications/audit.server";
import { useAuditDetails } from "~/modules/applications/audit-ui";
import { AuditQuerySchema } from "~/modules/applications/select/schema";
import { Pager } from "~/ui/pager";
import { requireViewer } from "~/platform/auth/guards.server";
import { formatDateTime } from "~/platform/i18n/format";
import { RouteError } from "~/ui/route-error";
import type { CallSection } from "./manage.calls.$callId";

export const handle: CallSection = { section: "setup.tabs.audit" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const { page } = AuditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const audit = await auditPage(viewer.claims, params.callId ?? "", page);
  return { ...audit, locale: viewer.locale, timeZone: viewer.timeZone };
}

export default function Audit() {
  const { t } = useTranslation();
  const { events, total, page, pageSize, locale, timeZone } = useLoaderData<typeof loader>();
  const details = useAuditDetails(locale);
  const location = useLocation();
  return (
    <>
      <p>{t("select.audit.lead")}</p>
      {events.length === 0 ? (
        <p className="empty">{t("select.audit.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("select.audit.when")}</th>
                <th scope="col">{t("select.audit.application")}</th>
                <th scope="col">{t("select.audit.who")}</th>
                <th scope="col">{t("select.audit.what")}</th>
                <th scope="col">{t("select.audit.change")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at, locale, timeZone)}</td>
                  <td>{e.application ? `${e.application.code} · ${e.application.startup}` : t("select.audit.theCall")}</td>
                  <td>{e.actor ?? t("select.audit.system")}</td>
                  <td>{t(`select.audit.kinds.${e.kind}`)}</td>
                  <td>{details(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pageSize={pageSize} total={total} search={location.search} />
    </>
  );
}

export const ErrorBoundary = RouteError;
