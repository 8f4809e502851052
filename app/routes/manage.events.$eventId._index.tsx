import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { attendeeBoard } from "~/modules/events/attendees/board.server";
import { PaymentsToAct } from "~/modules/events/attendees/payments-table";
import { requireViewer } from "~/platform/auth/guards.server";
import { formatDateTime } from "~/platform/i18n/format";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((t, d, locale) => t("events.attendees.heading", { event: d.event.title[locale] }));

export const handle = routeStrings("events.attendees", "events.page", "payments");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return { ...(await attendeeBoard(viewer.claims, params.eventId ?? "", q, viewer.locale)), q, timeZone: viewer.timeZone };
}

export default function EventAttendees() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, counters, attendees, payments, q, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      {/* the layout (manage.events.$eventId.tsx) draws the event's heading, public page link and tabs */}
      <h2>{t("events.attendees.title")}</h2>
      <h3>{t("events.attendees.counters")}</h3>
      <dl className="facts" aria-live="polite">
        {(["sold", "held", "checkedIn", "waiting", "offered"] as const).map((k) => (
          <div key={k}>
            <dt>{t(`events.attendees.${k}`)}</dt>
            <dd>{counters[k]}</dd>
          </div>
        ))}
      </dl>
      <PaymentsToAct rows={payments} locale={locale} zone={timeZone} />
      <Form method="get" className="inline-form" role="search">
        <label htmlFor="field-q">{t("events.attendees.search")}</label> <input id="field-q" name="q" type="search" defaultValue={q} maxLength={100} />{" "}
        <button type="submit" className="button secondary">
          {t("events.attendees.searchAction")}
        </button>
      </Form>
      <p>
        <a href={`/manage/events/${event.id}/export`} download>
          {t("events.attendees.export")}
        </a>
      </p>
      {attendees.length === 0 ? (
        <p className="empty">{t("events.attendees.none")}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t("events.attendees.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("events.attendees.name")}</th>
              <th scope="col">{t("events.attendees.email")}</th>
              <th scope="col">{t("events.attendees.ticketType")}</th>
              <th scope="col">{t("events.attendees.order")}</th>
              <th scope="col">{t("events.attendees.status")}</th>
            </tr>
          </thead>
          <tbody>
            {attendees.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td>{a.email}</td>
                <td>{a.ticketType}</td>
                <td>
                  {a.orderCode} · <time dateTime={new Date(a.createdAt).toISOString()}>{formatDateTime(a.createdAt, locale, timeZone)}</time>
                </td>
                <td>{t(`events.page.mine.status.${a.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {attendees.length >= 500 ? <p className="hint">{t("events.attendees.capped")}</p> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
