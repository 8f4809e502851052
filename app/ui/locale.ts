import { useTranslation } from "react-i18next";
import { isLocale, DEFAULT_LOCALE, type Locale } from "~/platform/i18n/i18n";

/** The viewer's language, as the page is rendered in it. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}
