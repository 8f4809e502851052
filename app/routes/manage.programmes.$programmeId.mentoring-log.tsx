import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditQuerySchema } from "~/modules/applications/select/schema";

import { mentoringAuditPage } from "~/modules/mentoring/audit/log.server";
import { useMentoringAuditDetails } from "~/modules/mentoring/audit/ui";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { formatDateTime } from "~/platform/i18n/format";
import { Pager } from "~/ui/pager";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { useViewerZone } from "~/ui/locale";

// A programme's mentoring log, for its managers (403 for anyone else): the call's audit page, for mentoring.

export const meta = titled<SerializeFrom<typeof loader>>((t, d, locale) => `${t("mentoring.audit.title")} · ${d.programme.name[locale]}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const { page } = AuditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return withOutcomes(() => mentoringAuditPage(viewer.claims, params.programmeId ?? "", page));
}

export default function MentoringLog() {
  const { t } = useTranslation();
  const { locale, timeZone } = useViewerZone();
  const { programme, events, total, page, pageSize } = useLoaderData<typeof loader>();
  const details = useMentoringAuditDetails(locale, timeZone);
  const location = useLocation();
  return (
    <section className="page">
      <p>
        <Link to={`/manage/programmes/${programme.id}`}>{programme.name[locale]}</Link>
      </p>
      <h1>{t("mentoring.audit.title")}</h1>
      <p>{t("mentoring.audit.lead")}</p>
      {events.length === 0 ? (
        <p className="empty">{t("mentoring.audit.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("mentoring.audit.when")}</th>
                <th scope="col">{t("mentoring.audit.who")}</th>
                <th scope="col">{t("mentoring.audit.what")}</th>
                <th scope="col">{t("mentoring.audit.about")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at, locale, timeZone)}</td>
                  <td>{e.actor ?? t("mentoring.audit.system")}</td>
                  <td>{t(`mentoring.audit.kinds.${e.kind}`, { defaultValue: e.kind })}</td>
                  <td>{details(e)}</td>
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
