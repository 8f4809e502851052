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

export const TIME_ZONES: string[] = Intl.supportedValuesOf("timeZone");
