import { Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

// The heading of the ticket set-up pages with links between them, for as long as they stand
// alone (the event's layout route, when it exists, draws the tabs instead).

export function SetupHeading({ event, title }: { event: { id: string; slug: string }; title: string }) {
  const { t } = useTranslation();
  const base = `/manage/events/${event.id}`;
  return (
    <>
      <nav aria-label={title} className="tabs">
        <Link to={base}>{t("events.ticketSetup.backToAttendees")}</Link> · <NavLink to={`${base}/tickets`}>{t("events.ticketSetup.tabs.tickets")}</NavLink> ·{" "}
        <NavLink to={`${base}/questions`}>{t("events.ticketSetup.tabs.questions")}</NavLink> · <Link to={`/events/${event.slug}`}>{t("events.ticketSetup.publicPage")}</Link>
      </nav>
      <h1>{title}</h1>
    </>
  );
}
