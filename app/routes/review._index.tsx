import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { myAssignments } from "~/modules/applications/review/list.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { formatDate, formatDateTime, zoneName } from "~/platform/i18n/format";
import { FormMessage } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("review.listTitle");

export const handle = routeStrings("review");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const recused = new URL(request.url).searchParams.get("recused");
  return {
    calls: await myAssignments(viewer.claims),
    // Only a code-shaped value is echoed back into the page.
    recused: recused && /^[A-Z0-9]{4,16}$/.test(recused) ? recused : null,
    locale: viewer.locale,
    timeZone: viewer.timeZone,
  };
}

export default function ReviewList() {
  const { t } = useTranslation();
  const { calls, recused, locale, timeZone } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <h1>{t("review.listTitle")}</h1>
      {recused ? <FormMessage tone="info">{t("review.recusedNotice", { code: recused })}</FormMessage> : null}
      <p className="lead">{t("review.listLead")}</p>
      {calls.length === 0 ? (
        <div className="empty">
          <p>{t("review.empty")}</p>
          <p>{t("review.emptyNext")}</p>
        </div>
      ) : (
        calls.map((call) => (
          <section key={call.callId} className="card review-call" aria-labelledby={`call-${call.callId}`}>
            <h2 id={`call-${call.callId}`}>{call.title ? call.title[locale] : t("review.unknownCall")}</h2>
            {call.programmeName ? <p className="tag">{call.programmeName[locale]}</p> : null}
            {call.closesAt && call.timeZone ? (
              <p>{t("review.callCloses", { date: formatDateTime(call.closesAt, locale, timeZone), zone: zoneName(timeZone, locale, call.closesAt) })}</p>
            ) : null}
            <p>
              <progress max={call.total} value={call.done} aria-label={t("review.progress", { done: call.done, total: call.total })} />{" "}
              {t("review.progress", { done: call.done, total: call.total })}
            </p>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("review.application")}</th>
                  <th scope="col">{t("review.track")}</th>
                  <th scope="col">{t("review.yourStatus")}</th>
                </tr>
              </thead>
              <tbody>
                {call.items.map((item) => (
                  <tr key={`${item.applicationId}-${item.round}`}>
                    <td>
                      {item.status === "recused" ? (
                        item.code
                      ) : (
                        <Link to={`/review/${item.applicationId}?round=${item.round}`} aria-label={t("review.open", { code: item.code })}>
                          {item.code}
                        </Link>
                      )}{" "}
                      <span className="tag">
                        {t(`review.rounds.${item.round}`)} · {t("review.assignedAt", { date: formatDate(item.assignedAt, locale, timeZone) })}
                      </span>
                    </td>
                    <td>{item.track ? item.track[locale] : t("review.noTrack")}</td>
                    <td>
                      <span className={`status status-${item.status}`}>{t(`review.status.${item.status}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
