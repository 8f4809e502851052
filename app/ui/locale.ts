import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isLocale, DEFAULT_LOCALE, DEFAULT_TIME_ZONE, type Locale } from "~/platform/i18n/i18n";
import type { RootData } from "~/root";

/** The viewer's language, as the page is rendered in it. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** The viewer's language and time zone, for dates shown to them. */
export function useViewerZone(): { locale: Locale; timeZone: string } {
  const root = useRouteLoaderData<RootData>("root");
  return { locale: root?.locale ?? DEFAULT_LOCALE, timeZone: root?.timeZone ?? DEFAULT_TIME_ZONE };
}
