import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { checkInBoard } from "~/modules/events/checkin/checkin.server";
import { CheckInDesk } from "~/modules/events/checkin/desk";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

// Check-in at the door, on a phone: the page; the scans themselves post to ./checkin/scan.
export const meta = titled<SerializeFrom<typeof loader>>((t, d, locale) => t("events.checkin.heading", { event: d.event.title[locale] }));

export const handle = routeStrings("events.checkin");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const board = await withOutcomes(() => checkInBoard(viewer.claims, params.eventId ?? "", viewer.locale));
  return { ...board, timeZone: viewer.timeZone };
}

export default function EventCheckIn() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, count, recent, timeZone } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <p>
        <Link to={`/manage/events/${event.id}`}>{t("events.checkin.attendees")}</Link>
      </p>
      <h1>{t("events.checkin.heading", { event: event.title[locale] })}</h1>
      <noscript>
        <p className="callout">{t("events.checkin.noScript")}</p>
      </noscript>
      <CheckInDesk eventId={event.id} count={count} recent={recent} locale={locale} timeZone={timeZone} />
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
