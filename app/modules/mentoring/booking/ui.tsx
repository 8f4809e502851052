import { useTranslation } from "react-i18next";
import { useViewerZone } from "~/ui/locale";
import { formatDateTime, formatTime } from "~/platform/i18n/format";

// Small pieces the booking pages share.

/** A session's start and end in the viewer's zone and language. */
export function SessionTime({ startsAt, endsAt }: { startsAt: string | Date; endsAt: string | Date }) {
  const { locale, timeZone } = useViewerZone();
  return (
    <time dateTime={new Date(startsAt).toISOString()}>
      {formatDateTime(startsAt, locale, timeZone)} – {formatTime(endsAt, locale, timeZone)}
    </time>
  );
}

/** Hours with at most one decimal, as a person writes them. */
export const hours = (n: number) => String(Math.round(n * 10) / 10);

// One formatter per language for the life of the process: building one costs far more than using it,
// and a week of slots has up to seven headings (decision 008, seventh pass, member).
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(locale: string) {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    dayFormats.set(locale, format);
  }
  return format;
}

/** A localized, long weekday and date for a day heading ("Monday 29 March 2027"). */
export function DayHeading({ date }: { date: string }) {
  const { locale } = useViewerZone();
  const { t } = useTranslation();
  const label = dayFormat(locale).format(new Date(`${date}T12:00:00Z`));
  return <h3>{label || t("mentoring.booking.book.none")}</h3>;
}
