import type { Locale } from "./i18n";

// Dates, times and money, in the viewer's language and time zone.
const tag = (locale: Locale) => (locale === "vi" ? "vi-VN" : "en-GB");

export function formatDateTime(value: Date | string, locale: Locale, timeZone: string) {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    new Date(value),
  );
}

export function formatDate(value: Date | string, locale: Locale, timeZone: string) {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: "long", timeZone }).format(new Date(value));
}

/** Amounts are whole đồng, stored as bigint. */
export function formatVnd(amount: number | bigint, locale: Locale) {
  return new Intl.NumberFormat(tag(locale), { style: "currency", currency: "VND", maximumFractionDigits: 0 }).format(
    amount,
  );
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
