import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { auditPage } from "~/modules/applications/audit.server";
import { useEventValue } from "~/modules/applications/select/ui";
import { AuditQuerySchema } from "~/modules/applications/select/schema";
import { Pager } from "~/ui/pager";
import { CallTabs } from "~/modules/applications/manage-ui";
import { requireViewer } from "~/platform/auth/guards.server";
import { formatDateTime } from "~/platform/i18n/format";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";

export const meta = titled("manage.tabs.audit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const { page } = AuditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const audit = await auditPage(viewer.claims, params.callId ?? "", page);
  if (!audit) throw data(null, { status: 404 });
  return { ...audit, locale: viewer.locale, timeZone: viewer.timeZone };
}

export default function Audit() {
  const { t } = useTranslation();
  const value = useEventValue();
  const { call, events, total, page, pageSize, locale, timeZone } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <section className="page">
      <h1>{t("decide.audit.title", { call: call.title[locale] })}</h1>
      <CallTabs callId={call.id} />
      <p>{t("decide.audit.lead")}</p>
      {events.length === 0 ? (
        <p className="empty">{t("decide.audit.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("decide.audit.when")}</th>
                <th scope="col">{t("decide.audit.application")}</th>
                <th scope="col">{t("decide.audit.who")}</th>
                <th scope="col">{t("decide.audit.what")}</th>
                <th scope="col">{t("decide.audit.change")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at, locale, timeZone)}</td>
                  <td>
                    {e.code} · {e.startup}
                  </td>
                  <td>{e.actor ?? t("decide.audit.system")}</td>
                  <td>{t(`decide.audit.kinds.${e.kind}`)}</td>
                  <td>
                    {value(e.kind, e.from)} → {value(e.kind, e.to)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pageSize={pageSize} total={total} search={location.search} />
    </section>
  );
}

export const ErrorBoundary = RouteError;
