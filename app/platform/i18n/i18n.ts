import i18next, { type i18n as I18n } from "i18next";
import { en } from "./en";
import { vi } from "./vi";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";
export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

export const isLocale = (v: unknown): v is Locale => v === "vi" || v === "en";

const resources = { en: { translation: en }, vi: { translation: vi } };

/** One i18next instance per locale, shared by server renders, emails and the browser. */
const instances = new Map<Locale, I18n>();
export function i18nFor(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      fallbackLng: false,
      resources,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
    instances.set(locale, instance);
  }
  return instance;
}

export const tFor = (locale: Locale) => i18nFor(locale).t;
