import type { Locale } from "./i18n";

// Dates, times and money, in the viewer's language and time zone.
const tag = (locale: Locale) => (locale === "vi" ? "vi-VN" : "en-GB");

// Building an Intl formatter costs far more than using one (ICU loads the locale's data each
// time): one per language tag, style and zone, kept for the life of the process. The map is bounded
// because zones come from users. Each style is named, so the key is three short strings joined
// rather than the options serialised on every call.
const STYLES = {
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  date: { dateStyle: "long" },
  time: { timeStyle: "short" },
  shortOffset: { timeZoneName: "shortOffset" },
  longGeneric: { timeZoneName: "longGeneric" },
  long: { timeZoneName: "long" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(lang: string, style: keyof typeof STYLES, timeZone: string) {
  const key = `${lang} ${style} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { ...STYLES[style], timeZone }); // throws on an unknown zone before anything is kept
    if (formatters.size >= 500) formatters.clear();
    formatters.set(key, format);
  }
  return format;
}

// ICU's format of one instant costs 3-7 µs, and pages show the same instants on every request
// (the organisation page's 50 invitations' dates, a call's deadline, a week's slots): each text is
// kept by language, style, zone and instant (decision 008, ninth pass, pages and anon). An invalid date
// throws in `format` before anything is kept; the bound is for instants that come from data.
const texts = new Map<string, string>();
function formatted(lang: string, style: "dateTime" | "date" | "time", timeZone: string, value: Date | string) {
  const at = typeof value === "string" ? new Date(value).getTime() : value.getTime();
  const key = `${lang} ${style} ${timeZone} ${at}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = dateTimeFormat(lang, style, timeZone).format(at);
    if (texts.size >= 5000) texts.clear();
    texts.set(key, text);
  }
  return text;
}

export function formatDateTime(value: Date | string, locale: Locale, timeZone: string) {
  return formatted(tag(locale), "dateTime", timeZone, value);
}

/** The time of day only ("10:00"), as a session's end after its start. */
export function formatTime(value: Date | string, locale: Locale, timeZone: string) {
  return formatted(tag(locale), "time", timeZone, value);
}

export function formatDate(value: Date | string, locale: Locale, timeZone: string) {
  return formatted(tag(locale), "date", timeZone, value);
}

const vnd = new Map<Locale, Intl.NumberFormat>();
/** Amounts are whole đồng, stored as bigint. */
export function formatVnd(amount: number | bigint, locale: Locale) {
  let format = vnd.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(tag(locale), { style: "currency", currency: "VND", maximumFractionDigits: 0 });
    vnd.set(locale, format);
  }
  return format.format(amount);
}

// ICU lists some zones under their old CLDR names (Asia/Saigon); people know the IANA names.
const RENAMED: Record<string, string> = {
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Europe/Kiev": "Europe/Kyiv",
};

/** The zones offered in pickers, by their current IANA names. */
export const TIME_ZONES: string[] = [...new Set(Intl.supportedValuesOf("timeZone").map((z) => RENAMED[z] ?? z))].sort();

/** Any zone the runtime understands, including aliases. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * A time zone as people read it, in their language: "Indochina Time, GMT+7" ("Giờ Đông Dương,
 * GMT+7"), not "Asia/Ho_Chi_Minh". The offset is the one in force at `at` (daylight saving).
 */
export function zoneName(timeZone: string, locale: Locale, at: Date | string = thisMinute()) {
  // Kept per zone, language and instant: three formatToParts a call were most of the week of
  // slots' and the call page's own render (decision 008, eighth pass, member). A page asks about
  // the same instants (a call's deadline, this minute) on every request.
  const when = new Date(at);
  const key = `${timeZone} ${locale} ${when.getTime()}`;
  let name = zoneNames.get(key);
  if (name === undefined) {
    name = zoneNameAt(timeZone, locale, when); // throws on an unknown zone or a bad date before anything is kept
    if (zoneNames.size >= 1000) zoneNames.clear();
    zoneNames.set(key, name);
  }
  return name;
}
const zoneNames = new Map<string, string>();
// Now, to the minute: the offsets change on whole minutes, so the name is the one in force now.
const thisMinute = () => new Date(Math.floor(Date.now() / 60_000) * 60_000);

function zoneNameAt(timeZone: string, locale: Locale, at: Date) {
  const part = (style: "shortOffset" | "longGeneric" | "long") =>
    dateTimeFormat(tag(locale), style, timeZone).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
  const offset = part("shortOffset");
  // Zones without a name of their own (UTC, Etc/…) read as their offset in the generic style.
  const name = [part("longGeneric"), part("long")].find((n) => n && !/^(GMT|UTC)([+-−]|$)/.test(n));
  return name ? `${name}, ${offset}` : offset;
}

/** The city an IANA zone is named after ("Ho Chi Minh"), to tell apart zones that share a name. */
const cityOf = (timeZone: string) => timeZone.split("/").pop()!.replace(/_/g, " ");

const offsetMinutes = (timeZone: string) => {
  const [, sign, h, m] = /GMT([+-])?(\d+)?(?::(\d+))?/.exec(
    new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "shortOffset" }).formatToParts(new Date()).find((p) => p.type === "timeZoneName")?.value ?? "",
  ) ?? [];
  return (sign === "-" ? -1 : 1) * (Number(h ?? 0) * 60 + Number(m ?? 0));
};

const options = new Map<Locale, { value: string; label: string }[]>();
/** The zones for a picker, west to east, each read as a place: "Indochina Time, GMT+7 (Ho Chi Minh)". */
export function zoneOptions(locale: Locale) {
  let list = options.get(locale);
  if (!list) {
    list = TIME_ZONES.map((value) => ({ value, offset: offsetMinutes(value), label: `${zoneName(value, locale)} (${cityOf(value)})` }))
      .sort((a, b) => a.offset - b.offset || a.label.localeCompare(b.label, tag(locale)))
      .map(({ value, label }) => ({ value, label }));
    options.set(locale, list);
  }
  return list;
}

/** A moment in a zone, with the zone read as a place: "1 Dec 2026, 17:00 (Indochina Time, GMT+7)". */
export const formatInZone = (value: Date | string, locale: Locale, timeZone: string) =>
  `${formatDateTime(value, locale, timeZone)} (${zoneName(timeZone, locale, value)})`;
