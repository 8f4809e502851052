import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CallHeading } from "~/modules/applications/setup/call-heading";
import { callOverviewPage } from "~/modules/applications/setup/call-settings.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import type { SerializeFrom } from "@remix-run/node";

export const meta = titled<SerializeFrom<typeof loader>>((_t, d, locale) => d.call.title[locale]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return withOutcomes(() => callOverviewPage(viewer.claims, params.callId ?? ""));
}

export default function CallOverview() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { call, tracks, questions, criteria } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <CallHeading call={call} title={t("manage.tabs.overview")} />
      <h2>{t("manage.callOverview.facts")}</h2>
      <ul className="list">
        <li>{t("manage.counts", { drafts: call.drafts, submitted: call.submitted })}</li>
        <li>
          <Link to={`/manage/calls/${call.id}/form`}>{t("manage.callOverview.questions", { count: questions })}</Link>
        </li>
        <li>
          <Link to={`/manage/calls/${call.id}/rubric`}>{t("manage.callOverview.criteria", { count: criteria })}</Link>
        </li>
      </ul>
      <h2>{t("manage.callOverview.tracks")}</h2>
      {tracks.length === 0 ? (
        <p className="empty">{t("manage.callOverview.noTracks")}</p>
      ) : (
        <ul className="list">
          {tracks.map((tr) => (
            <li key={tr.id}>{tr.name[lang]}</li>
          ))}
        </ul>
      )}
      <p>{call.description[lang]}</p>
    </section>
  );
}

export const ErrorBoundary = RouteError;
