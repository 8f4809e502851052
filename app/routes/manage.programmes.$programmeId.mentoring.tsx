import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

import { mentoringReport, type StartupRow } from "~/modules/mentoring/report/report.server";
import { resolveLocale } from "~/platform/i18n/locale.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { formatDate } from "~/platform/i18n/format";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { fromColumns, toColumns } from "~/ui/columns";
import { useViewerZone } from "~/ui/locale";
import { routeStrings } from "~/platform/i18n/strings-client";

// The programme's mentoring report, for its managers: sessions, hours against the budget,
// ratings, no-shows, and the startups nobody has met in 30 days.

export const meta = titled<SerializeFrom<typeof loader>>((t, d, locale) => `${t("mentoring.report.title")} · ${d.programme.name[locale]}`);

export const handle = routeStrings("mentoring.report");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const [{ programme, startups, mentors }, locale] = await Promise.all([
    withOutcomes(() => mentoringReport(viewer.claims, params.programmeId ?? "")),
    resolveLocale(request, viewer),
  ]);
  // One array per column: a cohort of 500 would otherwise repeat ten keys 500 times in the page.
  // The last session's day is sent as the viewer reads it (days repeat, an instant does not, and
  // the page shows no more), and no startup ids (the page shows none; rows are keyed by position).
  const rows = startups.map(({ startupId: _, lastSessionAt, ...s }) => ({
    ...s,
    lastSession: lastSessionAt ? formatDate(lastSessionAt, locale, viewer.timeZone) : null,
  }));
  return { programme, mentors, startups: toColumns<ReportRow>(rows, STARTUP_COLUMNS) };
}

type ReportRow = Omit<StartupRow, "startupId" | "lastSessionAt"> & { lastSession: string | null };
const STARTUP_COLUMNS: (keyof ReportRow)[] = ["name", "held", "upcoming", "usedHours", "bookedHours", "startupNoShows", "mentorNoShows", "lastSession", "quiet"];

export default function MentoringReportRoute() {
  const { t } = useTranslation();
  const { locale } = useViewerZone();
  const { programme, startups: columns, mentors } = useLoaderData<typeof loader>();
  const startups = useMemo(() => fromColumns(columns), [columns]);
  // one formatter for the whole table: making one per cell was most of this page's render time;
  // and each figure formatted once (hours repeat: 1, 1.5, 2…)
  const n = useMemo(() => {
    const numbers = new Intl.NumberFormat(locale === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 1 });
    const done = new Map<number, string>();
    return (v: number) => {
      if (Object.is(v, -0)) return numbers.format(v); // a Map holds -0 and 0 as one key
      let text = done.get(v);
      if (text === undefined) done.set(v, (text = numbers.format(v)));
      return text;
    };
  }, [locale]);
  // the same words on many rows: translated once
  const never = t("mentoring.report.never");
  const quietTag = t("mentoring.report.quiet");
  const over = t("mentoring.report.over");
  const quiet = startups.filter((s) => s.quiet);
  return (
    <section className="page">
      <p>
        <Link to={`/manage/programmes/${programme.id}`}>{programme.name[locale]}</Link>
      </p>
      <h1>{t("mentoring.report.title")}</h1>
      <p>{t("mentoring.report.lead", { budget: n(programme.budgetHours) })}</p>
      <h2>{t("mentoring.report.startups")}</h2>
      {startups.length === 0 ? (
        <p className="empty">{t("mentoring.report.noStartups")}</p>
      ) : (
        <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("mentoring.report.startup")}</th>
              <th scope="col">{t("mentoring.report.held")}</th>
              <th scope="col">{t("mentoring.report.upcoming")}</th>
              <th scope="col">{t("mentoring.report.used")}</th>
              <th scope="col">{t("mentoring.report.booked")}</th>
              <th scope="col">{t("mentoring.report.left")}</th>
              <th scope="col">{t("mentoring.report.startupNoShows")}</th>
              <th scope="col">{t("mentoring.report.mentorNoShows")}</th>
              <th scope="col">{t("mentoring.report.lastSession")}</th>
            </tr>
          </thead>
          <tbody>
            {startups.map((s, i) => {
              const left = programme.budgetHours - s.usedHours - s.bookedHours;
              return (
                <tr key={i}>
                  <th scope="row">{s.name}</th>
                  <td>{s.held}</td>
                  <td>{s.upcoming}</td>
                  <td>{n(s.usedHours)}</td>
                  <td>{n(s.bookedHours)}</td>
                  <td>{left < 0 ? `${n(left)} (${over})` : n(left)}</td>
                  <td>{s.startupNoShows}</td>
                  <td>{s.mentorNoShows}</td>
                  <td>
                    {s.lastSession ?? never}
                    {s.quiet ? (
                      <>
                        <br />
                        <span className="status status-quiet">{quietTag}</span>
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}
      <h2>{t("mentoring.report.quietList")}</h2>
      {quiet.length === 0 ? (
        <p>{t("mentoring.report.quietNone")}</p>
      ) : (
        <ul>
          {quiet.map((s, i) => (
            <li key={i}>{s.name}</li>
          ))}
        </ul>
      )}
      <h2>{t("mentoring.report.mentors")}</h2>
      {mentors.length === 0 ? (
        <p className="empty">{t("mentoring.report.noMentors")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("mentoring.report.mentor")}</th>
              <th scope="col">{t("mentoring.report.held")}</th>
              <th scope="col">{t("mentoring.report.rating")}</th>
              <th scope="col">{t("mentoring.report.sessionRating")}</th>
              <th scope="col">{t("mentoring.report.mentorNoShows")}</th>
            </tr>
          </thead>
          <tbody>
            {mentors.map((m) => (
              <tr key={m.mentorId}>
                <th scope="row">{m.name}</th>
                <td>{m.held}</td>
                <td>{m.rating === null ? t("mentoring.report.noRatings") : t("mentoring.report.ratings", { average: n(m.rating), count: m.ratings })}</td>
                <td>{m.sessionRating === null ? t("mentoring.report.noRatings") : n(m.sessionRating)}</td>
                <td>{m.noShows}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
