import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { programmeCohortPage } from "~/modules/applications/cohort.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { formatDate } from "~/platform/i18n/format";
import { RouteError } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Cohort · Khóa ươm tạo" }];

// The programme's cohort for the managers of its organisation (403 for others, 404 if unknown).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = await withOutcomes(() => programmeCohortPage(viewer.claims, params.programmeId ?? ""));
  return { ...page, locale: viewer.locale, timeZone: viewer.timeZone };
}

export default function ProgrammeCohort() {
  const { t } = useTranslation();
  const { programme, members, locale, timeZone } = useLoaderData<typeof loader>();
  const missing = t("manage.cohort.missing");
  return (
    <section className="page">
      <p>
        <Link to={`/manage/programmes/${programme.id}`}>{t("manage.cohort.back")}</Link>
      </p>
      <p className="tag">{programme.orgName[locale]}</p>
      <h1>{t("manage.cohort.title", { programme: programme.name[locale] })}</h1>
      <p>{t("manage.cohort.lead")}</p>
      {members.length === 0 ? (
        <p className="empty">{t("manage.cohort.none")}</p>
      ) : (
        <>
          <p>{t("manage.cohort.count", { count: members.length })}</p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("manage.cohort.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("manage.cohort.startup")}</th>
                  <th scope="col">{t("manage.cohort.founders")}</th>
                  <th scope="col">{t("manage.cohort.stage")}</th>
                  <th scope="col">{t("manage.cohort.sector")}</th>
                  <th scope="col">{t("manage.cohort.call")}</th>
                  <th scope="col">{t("manage.cohort.joined")}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.startupId}>
                    <th scope="row">
                      <Link to={`/startups/${m.slug}`}>{m.name}</Link>
                    </th>
                    <td>{m.founders.join(", ") || missing}</td>
                    <td>{t(`manage.startupStages.${m.stage}`)}</td>
                    <td>{m.sector || missing}</td>
                    <td>
                      {m.call ? (
                        <>
                          <Link to={`/manage/calls/${m.call.id}`}>{m.call.title[locale]}</Link>
                          {m.code ? ` · ${t("manage.cohort.reference", { code: m.code })}` : null}
                        </>
                      ) : (
                        missing
                      )}
                    </td>
                    <td>{formatDate(m.joinedAt, locale, timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
