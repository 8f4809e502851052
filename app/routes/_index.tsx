import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { regionOverview } from "~/modules/identity/organisations.server";
import { EventList } from "~/modules/events/event-list";
import { nextEvents } from "~/modules/events/upcoming.server";
import { getViewer } from "~/platform/auth/viewer.server";
import { resolveLocale } from "~/platform/i18n/locale.server";
import { DEFAULT_TIME_ZONE } from "~/platform/i18n/i18n";
import { listed, OrgList } from "~/modules/identity/org-list";
import { FormMessage } from "~/ui/form";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled();

export const handle = routeStrings("auth", "events.kinds", "events.none", "events.upcoming", "home", "orgKinds", "orgs", "roles");

// A visitor sees the region; a signed-in person sees their roles and what to do next.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const locale = await resolveLocale(request, viewer);
  if (!viewer) {
    const { orgs, orgCount, events } = await regionOverview(null, locale);
    return { kind: "public" as const, orgs: listed(orgs), orgCount, events, locale, timeZone: DEFAULT_TIME_ZONE };
  }
  // a signed-in person's home shows no organisations: only the events are read
  return {
    kind: "member" as const,
    events: await nextEvents(viewer.claims, locale),
    locale,
    timeZone: viewer.timeZone,
    name: viewer.displayName,
    profileIncomplete: !viewer.avatarPath,
    isAdmin: viewer.isAdmin,
    memberships: viewer.memberships,
    startups: viewer.startups,
  };
}

export default function Home() {
  const { t } = useTranslation();
  const home = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  if (home.kind === "public") {
    return (
      <section className="page">
        <div className="hero">
          <h1>{t("home.publicTitle")}</h1>
          <p className="lead">{t("home.publicLead")}</p>
          <Link to="/auth/sign-up" className="button">
            {t("home.getStarted")}
          </Link>
        </div>
        <h2>{t("events.upcoming")}</h2>
        <EventList events={home.events} locale={home.locale} timeZone={home.timeZone} />
        <h2>{t("home.organisationsTitle")}</h2>
        <OrgList orgs={home.orgs} />
        <p>
          <Link to="/orgs">{t("orgs.all", { count: home.orgCount })}</Link>
        </p>
      </section>
    );
  }
  const noRoles = home.memberships.length === 0 && home.startups.length === 0 && !home.isAdmin;
  return (
    <section className="page">
      <h1>{t("home.welcome", { name: home.name })}</h1>
      {params.get("verified") ? <FormMessage tone="success">{t("auth.verifiedSignedIn")}</FormMessage> : null}
      {home.profileIncomplete ? (
        <p className="callout">
          <Link to="/account/profile">{t("home.completeProfile")}</Link>
        </p>
      ) : null}
      <h2>{t("home.yourRoles")}</h2>
      {noRoles ? (
        <div className="empty">
          <p>{t("home.noRoles")}</p>
          <p>{t("home.noRolesNext")}</p>
          <p>
            <Link to="/startups/new" className="button">
              {t("home.createStartup")}
            </Link>
          </p>
        </div>
      ) : (
        <ul className="cards">
          {home.isAdmin ? <li className="card">{t("roles.admin")}</li> : null}
          {home.memberships.map((m) => {
            const org = home.locale === "vi" ? m.nameVi : m.nameEn;
            return (
              <li key={`${m.orgId}-${m.role}`} className="card">
                <Link to={`/orgs/${m.slug}`}>
                  {m.role === "manager" ? t("home.asManager", { org }) : t("home.asMember", { role: t(`roles.${m.role}`), org })}
                </Link>
              </li>
            );
          })}
          {home.startups.map((s) => (
            <li key={s.startupId} className="card">
              {t("home.asFounder", { startup: s.name })}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("events.upcoming")}</h2>
      <EventList events={home.events} locale={home.locale} timeZone={home.timeZone} />
    </section>
  );
}
