import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { mentoringReport, type StartupRow } from "~/modules/mentoring/report/report.server";
import { resolveLocale } from "~/platform/i18n/locale.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { formatDate } from "~/platform/i18n/format";
import type { Columns } from "~/ui/columns";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import type { Locale } from "~/platform/i18n/i18n";
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
  // The columns are filled in one pass over the rows (no copy of each row); formatDate keeps its texts.
  const columns = Object.fromEntries(STARTUP_COLUMNS.map((key) => [key, new Array(startups.length)])) as Columns<ReportRow>;
  startups.forEach((s, i) => {
    columns.name[i] = s.name;
    columns.held[i] = s.held;
    columns.upcoming[i] = s.upcoming;
    columns.usedHours[i] = s.usedHours;
    columns.bookedHours[i] = s.bookedHours;
    columns.startupNoShows[i] = s.startupNoShows;
    columns.mentorNoShows[i] = s.mentorNoShows;
    columns.lastSession[i] = s.lastSessionAt === null ? null : formatDate(s.lastSessionAt, locale, viewer.timeZone);
    columns.quiet[i] = s.quiet;
  });
  return { programme, mentors, startups: columns };
}

type ReportRow = Omit<StartupRow, "startupId" | "lastSessionAt"> & { lastSession: string | null };
const STARTUP_COLUMNS: (keyof ReportRow)[] = ["name", "held", "upcoming", "usedHours", "bookedHours", "startupNoShows", "mentorNoShows", "lastSession", "quiet"];

// One number formatter per language for the life of the process, and each figure formatted once
// (hours and ratings repeat: 1, 1.5, 2…): building an Intl.NumberFormat costs more than a page's
// worth of formatting with it (a profile of this page: 0.8 ms a request under load).
const figures = new Map<Locale, (v: number) => string>();
function figureFormat(locale: Locale) {
  let format = figures.get(locale);
  if (!format) {
    const numbers = new Intl.NumberFormat(locale === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 1 });
    const done = new Map<number, string>();
    format = (v: number) => {
      if (Object.is(v, -0)) return numbers.format(v); // a Map holds -0 and 0 as one key
      let text = done.get(v);
      if (text === undefined) {
        if (done.size >= 10_000) done.clear(); // bounded: figures come from the data
        done.set(v, (text = numbers.format(v)));
      }
      return text;
    };
    figures.set(locale, format);
  }
  return format;
}

// A mark no translation contains, standing for the average in the ratings' sentence.
const AVERAGE = "\u0000";

export default function MentoringReportRoute() {
  const { t } = useTranslation();
  const { locale } = useViewerZone();
  const { programme, startups: columns, mentors } = useLoaderData<typeof loader>();
  // one formatter for the whole table: making one per cell was most of this page's render time
  const n = figureFormat(locale);
  // the same words on many rows: translated once
  const never = t("mentoring.report.never");
  const quietTag = t("mentoring.report.quiet");
  const over = t("mentoring.report.over");
  const noRatings = t("mentoring.report.noRatings");
  // "4.2 of 5 (12)" per mentor: i18next's t with options (plural forms by count, interpolation)
  // was a sixth of this page's render; the sentence depends on the count's plural form and not on
  // the average, so it is translated once per count with a mark for the average.
  const ratingsByCount = new Map<number, string>();
  const ratings = (average: number, count: number) => {
    let sentence = ratingsByCount.get(count);
    if (sentence === undefined) ratingsByCount.set(count, (sentence = t("mentoring.report.ratings", { average: AVERAGE, count })));
    return sentence.split(AVERAGE).join(n(average));
  };
  // the rows are read from their columns by index: no object per row
  const { name, quiet: isQuiet } = columns;
  const quiet = name.filter((_, i) => isQuiet[i]);
  return (
    <section className="page">
      <p>
        <Link to={`/manage/programmes/${programme.id}`}>{programme.name[locale]}</Link>
      </p>
      <h1>{t("mentoring.report.title")}</h1>
      <p>{t("mentoring.report.lead", { budget: n(programme.budgetHours) })}</p>
      <h2>{t("mentoring.report.startups")}</h2>
      {name.length === 0 ? (
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
            {name.map((startup, i) => {
              const left = programme.budgetHours - columns.usedHours[i]! - columns.bookedHours[i]!;
              return (
                <tr key={i}>
                  <th scope="row">{startup}</th>
                  <td>{columns.held[i]}</td>
                  <td>{columns.upcoming[i]}</td>
                  <td>{n(columns.usedHours[i]!)}</td>
                  <td>{n(columns.bookedHours[i]!)}</td>
                  <td>{left < 0 ? `${n(left)} (${over})` : n(left)}</td>
                  <td>{columns.startupNoShows[i]}</td>
                  <td>{columns.mentorNoShows[i]}</td>
                  <td>
                    {columns.lastSession[i] ?? never}
                    {isQuiet[i] ? (
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
          {quiet.map((startup, i) => (
            <li key={i}>{startup}</li>
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
                <td>{m.rating === null ? noRatings : ratings(m.rating, m.ratings)}</td>
                <td>{m.sessionRating === null ? noRatings : n(m.sessionRating)}</td>
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
