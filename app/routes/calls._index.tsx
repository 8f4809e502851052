import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Deadline, useBilingual } from "~/modules/applications/apply/ui";
import { listCalls } from "~/modules/applications/apply/open-calls.server";
import { getViewer } from "~/platform/auth/viewer.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("apply.calls.title");

export const handle = routeStrings("apply.blind", "apply.callZone", "apply.calls", "apply.decision", "apply.errors", "apply.noAnswer", "apply.status", "apply.zoned");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  return { calls: await listCalls(viewer?.claims ?? null) };
}

export default function CallsPage() {
  const { t } = useTranslation();
  const pick = useBilingual();
  const { calls } = useLoaderData<typeof loader>();
  const open = calls.filter((c) => c.open);
  const upcoming = calls.filter((c) => !c.open);
  return (
    <section className="page">
      <h1>{t("apply.calls.title")}</h1>
      <p className="lead">{t("apply.calls.lead")}</p>
      <h2>{t("apply.calls.openNow")}</h2>
      {open.length === 0 ? <p className="empty">{t("apply.calls.noneOpen")}</p> : <CallCards calls={open} pick={pick} />}
      {upcoming.length > 0 ? (
        <>
          <h2>{t("apply.calls.upcoming")}</h2>
          <CallCards calls={upcoming} pick={pick} />
        </>
      ) : null}
    </section>
  );
}

function CallCards({ calls, pick }: { calls: Awaited<ReturnType<typeof loader>>["calls"]; pick: ReturnType<typeof useBilingual> }) {
  const { t } = useTranslation();
  return (
    <ul className="cards">
      {calls.map((c) => (
        <li key={c.slug} className="card">
          <h3>
            <Link to={`/calls/${c.slug}`}>{pick(c.title)}</Link>
          </h3>
          <p className="tag">
            {pick(c.programmeName)} · {pick(c.orgName)}
          </p>
          <p>
            {c.open ? t("apply.calls.closes") : t("apply.calls.opens")}{" "}
            <Deadline at={c.open ? c.closesAt : c.opensAt} callZone={c.timeZone} />
          </p>
        </li>
      ))}
    </ul>
  );
}

export const ErrorBoundary = RouteError;
