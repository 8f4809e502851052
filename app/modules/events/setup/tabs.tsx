import { Link, NavLink, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Bilingual } from "~/platform/i18n/i18n";
import { useLocale } from "~/ui/locale";
import { titled } from "~/ui/title";
import { When } from "../page/ui";

/**
 * The tabs of an event's organiser pages, in order: the path under /manage/events/:eventId and the
 * strings key of the label. Adding a page to the event is one line here.
 */
export const EVENT_TABS: { to: string; label: string }[] = [
  { to: "details", label: "events.setup.tabs.details" },
  { to: "agenda", label: "events.setup.tabs.agenda" },
  { to: "tickets", label: "events.setup.tabs.tickets" },
  { to: "questions", label: "events.setup.tabs.questions" },
  { to: "", label: "events.setup.tabs.attendees" },
  // the door's page stands alone, full width on a phone (routes/manage.events.$eventId_.checkin.tsx)
  { to: "checkin", label: "events.setup.tabs.checkin" },
  { to: "messages", label: "events.setup.tabs.messages" },
];

export const LAYOUT_ROUTE = "routes/manage.events.$eventId";

type Heading = { id: string; slug: string; title: Bilingual; published: boolean; startsAt: string | Date; endsAt: string | Date; timeZone: string; orgName: Bilingual };

/** The top of every organiser page of an event: organisation, title, status, days, public page, tabs. */
export function EventHeading({ event }: { event: Heading }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const base = `/manage/events/${event.id}`;
  return (
    <header>
      <p>
        <Link to="/manage/events">{t("events.setup.listTitle")}</Link> · {event.orgName[locale]}
      </p>
      <h1>{event.title[locale]}</h1>
      <p className="tag">
        <span className={`status status-${event.published ? "published" : "draft"}`}>{t(`events.setup.status.${event.published ? "published" : "draft"}`)}</span> ·{" "}
        <When startsAt={event.startsAt} endsAt={event.endsAt} zone={event.timeZone} locale={locale} /> ·{" "}
        <Link to={`/events/${event.slug}`}>{t("events.setup.publicPage")}</Link>
      </p>
      <nav aria-label={t("events.setup.tabs.label")} className="tabs">
        <ul>
          {EVENT_TABS.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to ? `${base}/${tab.to}` : base} end>
                {t(tab.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

/** A tab's page title: the tab's name, then the event's title (from the layout's data). */
export function tabMeta(label: string): MetaFunction {
  return (args) => {
    const layout = args.matches.find((m) => m.id === LAYOUT_ROUTE)?.data as { event?: { title: Bilingual } } | undefined;
    return titled<unknown>((t, _d, locale) => (layout?.event ? `${t(label)} · ${layout.event.title[locale]}` : t(label)))({ ...args, data: args.data ?? {} });
  };
}
