import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { managerOverview, type CallSummary } from "~/modules/applications/setup/overview.server";
import { When } from "~/modules/applications/setup/ui";
import { requireViewer } from "~/platform/auth/guards.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("setup.overviewTitle");

export const handle = routeStrings("events.setup", "setup", "validation");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { orgs: await managerOverview(viewer.claims) };
}

function CallRow({ call }: { call: CallSummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  return (
    <li>
      <Link to={`/manage/calls/${call.id}`}>{call.title[lang]}</Link> · <span className={`status status-${call.status}`}>{t(`setup.status.${call.status}`)}</span>
      <br />
      <span className="tag">
        {t("setup.opens")} <When at={call.opensAt} zone={call.timeZone} /> · {t("setup.closes")} <When at={call.closesAt} zone={call.timeZone} /> ·{" "}
        {t("setup.counts", { drafts: call.drafts, submitted: call.submitted })}
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
      <h1>{t("setup.overviewTitle")}</h1>
      <p className="lead">{t("setup.overviewLead")}</p>
      <p>
        <Link to="/manage/events">{t("events.setup.listTitle")}</Link>
      </p>
      {orgs.length === 0 ? (
        <div className="empty">
          <p>{t("setup.noOrgs")}</p>
          <p>{t("setup.noOrgsNext")}</p>
        </div>
      ) : null}
      {orgs.map((org) => (
        <section key={org.id} aria-labelledby={`org-${org.id}`} className="setup-org">
          <h2 id={`org-${org.id}`}>{org.name[lang]}</h2>
          <p>
            <Link to={`/manage/programmes/new?org=${org.id}`} className="button">
              {t("setup.newProgramme")}
            </Link>
          </p>
          {org.programmes.length === 0 ? <p className="empty">{t("setup.noProgrammes")}</p> : null}
          <ul className="cards">
            {org.programmes.map((p) => (
              <li key={p.id} className="card">
                <h3>
                  <Link to={`/manage/programmes/${p.id}`}>{p.name[lang]}</Link>
                </h3>
                {p.calls.length === 0 ? (
                  <p className="empty">{t("setup.noCalls")}</p>
                ) : (
                  <ul className="list">
                    {p.calls.map((c) => (
                      <CallRow key={c.id} call={c} />
                    ))}
                  </ul>
                )}
                <p>
                  <Link to={`/manage/programmes/${p.id}/calls/new`}>{t("setup.newCall")}</Link>
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
