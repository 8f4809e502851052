import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { managerOverview, type CallSummary } from "~/modules/applications/setup/overview.server";
import { When } from "~/modules/applications/manage-ui";
import { requireViewer } from "~/platform/auth/guards.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";

export const meta = titled("manage.overviewTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { orgs: await managerOverview(viewer.claims) };
}

function CallRow({ call }: { call: CallSummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  return (
    <li>
      <Link to={`/manage/calls/${call.id}`}>{call.title[lang]}</Link> · <span className={`status status-${call.status}`}>{t(`manage.status.${call.status}`)}</span>
      <br />
      <span className="tag">
        {t("manage.opens")} <When at={call.opensAt} zone={call.timeZone} /> · {t("manage.closes")} <When at={call.closesAt} zone={call.timeZone} /> ·{" "}
        {t("manage.counts", { drafts: call.drafts, submitted: call.submitted })}
      </span>
    </li>
  );
}

export default function ManageOverview() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { orgs } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <h1>{t("manage.overviewTitle")}</h1>
      <p className="lead">{t("manage.overviewLead")}</p>
      {orgs.length === 0 ? (
        <div className="empty">
          <p>{t("manage.noOrgs")}</p>
          <p>{t("manage.noOrgsNext")}</p>
        </div>
      ) : null}
      {orgs.map((org) => (
        <section key={org.id} aria-labelledby={`org-${org.id}`} className="setup-org">
          <h2 id={`org-${org.id}`}>{org.name[lang]}</h2>
          <p>
            <Link to={`/manage/programmes/new?org=${org.id}`} className="button">
              {t("manage.newProgramme")}
            </Link>
          </p>
          {org.programmes.length === 0 ? <p className="empty">{t("manage.noProgrammes")}</p> : null}
          <ul className="cards">
            {org.programmes.map((p) => (
              <li key={p.id} className="card">
                <h3>
                  <Link to={`/manage/programmes/${p.id}`}>{p.name[lang]}</Link>
                </h3>
                {p.calls.length === 0 ? (
                  <p className="empty">{t("manage.noCalls")}</p>
                ) : (
                  <ul className="list">
                    {p.calls.map((c) => (
                      <CallRow key={c.id} call={c} />
                    ))}
                  </ul>
                )}
                <p>
                  <Link to={`/manage/programmes/${p.id}/calls/new`}>{t("manage.newCall")}</Link>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

export const ErrorBoundary = RouteError;
