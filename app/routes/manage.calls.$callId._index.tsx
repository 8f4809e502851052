import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { callOverviewPage } from "~/modules/applications/setup/call-settings.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { RouteError } from "~/ui/route-error";
import type { CallSection } from "./manage.calls.$callId";
import { routeStrings } from "~/platform/i18n/strings-client";

export const handle: CallSection = { section: "setup.tabs.overview", ...routeStrings("setup", "validation") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return withOutcomes(() => callOverviewPage(viewer.claims, params.callId ?? ""));
}

export default function CallOverview() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { call, tracks, questions, criteria } = useLoaderData<typeof loader>();
  return (
    <>
      <h2>{t("setup.callOverview.facts")}</h2>
      <ul className="list">
        <li>{t("setup.counts", { drafts: call.drafts, submitted: call.submitted })}</li>
        <li>
          <Link to={`/manage/calls/${call.id}/form`}>{t("setup.callOverview.questions", { count: questions })}</Link>
        </li>
        <li>
          <Link to={`/manage/calls/${call.id}/rubric`}>{t("setup.callOverview.criteria", { count: criteria })}</Link>
        </li>
      </ul>
      <h2>{t("setup.callOverview.tracks")}</h2>
      {tracks.length === 0 ? (
        <p className="empty">{t("setup.callOverview.noTracks")}</p>
      ) : (
        <ul className="list">
          {tracks.map((tr) => (
            <li key={tr.id}>{tr.name[lang]}</li>
          ))}
        </ul>
      )}
      <p>{call.description[lang]}</p>
    </>
  );
}

export const ErrorBoundary = RouteError;
