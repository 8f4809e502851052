import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { zoneName } from "~/platform/i18n/format";
import type { MentorWeek } from "./week.server";
import { DayHeading } from "./ui";
import { useViewerZone } from "~/ui/locale";

/**
 * A week of free slots, one submit button each (the form posts `startsAt`), with links to the
 * previous and next week. `hidden` carries the form's other fields; `label` names each button.
 */
export function WeekOfSlots({ week, hidden, label, query = "" }: { week: MentorWeek; hidden: ReactNode; label: (date: string, time: string, mentorTime: string) => string; query?: string }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useViewerZone();
  const sameZone = week.mentor.timeZone === timeZone;
  return (
    <>
      <p>
        {t("mentoring.booking.book.lead", { zone: zoneName(timeZone, locale), mentorZone: zoneName(week.mentor.timeZone, locale) })}{" "}
        {t("mentoring.booking.book.length", { minutes: week.mentor.slotMinutes })}
      </p>
      <nav className="pager" aria-label={t("mentoring.booking.book.week", { date: week.week })}>
        <Link to={`?week=${week.previous}${query}`}>{t("mentoring.booking.book.previous")}</Link>
        {" · "}
        <strong>{t("mentoring.booking.book.week", { date: week.week })}</strong>
        {" · "}
        <Link to={`?week=${week.next}${query}`}>{t("mentoring.booking.book.next")}</Link>
      </nav>
      <Form method="post">
        {hidden}
        {week.days.every((d) => d.slots.length === 0) ? <p className="empty">{t("mentoring.booking.book.none")}</p> : null}
        {week.days
          .filter((day) => day.slots.length > 0)
          .map((day) => (
            <section key={day.date} className="slot-day">
              <DayHeading date={day.date} />
              <ul className="slot-list">
                {day.slots.map((s) => (
                  <li key={s.startsAt}>
                    <button type="submit" name="startsAt" value={s.startsAt} className="button secondary" aria-label={label(day.date, s.viewer, s.mentor)}>
                      {s.viewer}
                      {sameZone ? null : <small> ({t("mentoring.booking.book.mentorTime", { time: s.mentor })})</small>}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
      </Form>
    </>
  );
}
