import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";
import type { UpcomingEvent } from "./upcoming.server";

type Serialized<T> = { [K in keyof T]: T[K] extends Date ? string | Date : T[K] };

export function EventList({ events, locale, timeZone }: { events: Serialized<UpcomingEvent>[]; locale: Locale; timeZone: string }) {
  const { t } = useTranslation();
  if (events.length === 0) return <p className="empty">{t("events.none")}</p>;
  return (
    <ul className="cards">
      {events.map((e) => (
        <li key={e.id} className="card">
          <h3>
            <Link to={`/events/${e.slug}`}>{e.title}</Link>
          </h3>
          <p className="tag">
            {t(`events.kinds.${e.kind}`)} · <time dateTime={new Date(e.startsAt).toISOString()}>{formatDateTime(e.startsAt, locale, timeZone)}</time>
          </p>
          {e.venue ? <p>{e.venue}</p> : null}
          <p>{e.summary}</p>
        </li>
      ))}
    </ul>
  );
}
