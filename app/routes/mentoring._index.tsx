import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { mentoringHome } from "~/modules/mentoring/booking/sessions.server";
import { hours, SessionTime } from "~/modules/mentoring/booking/ui";
import { requireViewer } from "~/platform/auth/guards.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { useViewerZone } from "~/ui/locale";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("mentoring.booking.home.title");

export const handle = routeStrings("mentoring.booking", "mentoring.office");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return {
    ...(await mentoringHome(viewer.claims)),
    mentors: viewer.memberships.some((m) => m.role === "mentor"),
    startups: viewer.startups.map((s) => ({ slug: s.slug, name: s.name })),
  };
}

export default function MentoringHome() {
  const { t } = useTranslation();
  const { locale } = useViewerZone();
  const { programmes, upcoming, mentors, startups } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <h1>{t("mentoring.booking.home.title")}</h1>
      <p>{t("mentoring.booking.home.lead")}</p>
      <p>
        <Link to="/mentoring/sessions">{t("mentoring.booking.home.allSessions")}</Link>
        {" · "}
        <Link to="/mentoring/office-hours">{t("mentoring.office.link")}</Link>
        {mentors ? (
          <>
            {" · "}
            <Link to="/mentoring/availability">{t("mentoring.booking.home.availability")}</Link>
            {" · "}
            <Link to="/mentoring/profile">{t("mentoring.booking.home.profile")}</Link>
          </>
        ) : null}
      </p>
      {startups.length > 0 ? (
        <ul>
          {startups.map((s) => (
            <li key={s.slug}>
              <Link to={`/startups/${s.slug}/mentors`}>{t("mentoring.booking.home.startupMentors", { startup: s.name })}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {programmes.length === 0 ? <p className="empty">{t("mentoring.booking.home.noProgrammes")}</p> : null}
      {programmes.map((p) => (
        <section key={`${p.programId}:${p.startupId}`} className="card" aria-labelledby={`prog-${p.programId}-${p.startupId}`}>
          <h2 id={`prog-${p.programId}-${p.startupId}`}>
            {t("mentoring.booking.home.programme", { programme: locale === "vi" ? p.programNameVi : p.programNameEn, startup: p.startupName })}
          </h2>
          <p>{t("mentoring.booking.home.hours", { used: hours(p.usedHours), budget: hours(p.budgetHours) })}</p>
          {p.mentors.length === 0 ? (
            <p className="empty">{t("mentoring.booking.home.noMentors")}</p>
          ) : (
            <ul>
              {p.mentors.map((m) => (
                <li key={m.id}>
                  <Link to={`/mentoring/book/${m.id}?context=${p.programId}:${p.startupId}`}>{t("mentoring.booking.home.book", { name: m.name })}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <h2>{t("mentoring.booking.home.upcoming")}</h2>
      {upcoming.length === 0 ? (
        <p className="empty">{t("mentoring.booking.home.noUpcoming")}</p>
      ) : (
        <ul>
          {upcoming.map((s) => (
            <li key={s.id}>
              <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} /> · {s.asMentor ? s.startupName : s.mentorName}
              {s.location ? <> · {s.location}</> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
