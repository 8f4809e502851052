import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { When } from "~/modules/events/page/ui";
import { organisersEvents } from "~/modules/events/setup/events.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("events.setup.listTitle");

export const handle = routeStrings("events.page", "events.setup", "validation");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { orgs: await organisersEvents(viewer.claims) };
}

export default function OrganisersEvents() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { orgs } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <h1>{t("events.setup.listTitle")}</h1>
      <p className="lead">{t("events.setup.listLead")}</p>
      {orgs.length === 0 ? <p className="empty">{t("events.setup.noOrgs")}</p> : null}
      {orgs.map((org) => (
        <section key={org.id} aria-labelledby={`org-${org.id}`}>
          <h2 id={`org-${org.id}`}>{org.name[locale]}</h2>
          <p>
            <Link to={`/manage/events/new?org=${org.id}`} className="button">
              {t("events.setup.newEvent")}
            </Link>
          </p>
          {org.events.length === 0 ? (
            <p className="empty">{t("events.setup.none")}</p>
          ) : (
            <ul className="list">
              {org.events.map((e) => (
                <li key={e.id}>
                  <Link to={`/manage/events/${e.id}/details`}>{e.title[locale]}</Link> ·{" "}
                  <span className={`status status-${e.published ? "published" : "draft"}`}>{t(`events.setup.status.${e.published ? "published" : "draft"}`)}</span>
                  <br />
                  <span className="tag">
                    <When startsAt={e.startsAt} endsAt={e.endsAt} zone={e.timeZone} locale={locale} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}

export const ErrorBoundary = RouteError;
