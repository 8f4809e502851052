import i18next, { type i18n as I18n } from "i18next";
// The platform's own strings on the server; the browser's copy is empty and gets them with the
// rest of one language's strings from the server (strings-client.ts), see package.json "imports".
import { platformStrings } from "#platform-strings";
import { mergeInto, pickParts } from "./string-parts";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";
export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** A text in both languages, as stored (title_vi, title_en). */
export type Bilingual = Record<Locale, string>;

/** A bilingual text in the reader's language, or in the other one when it was given in one language only. */
export const inLocale = (b: Bilingual, locale: Locale): string => b[locale] || b[locale === "vi" ? "en" : "vi"];

export const isLocale = (v: unknown): v is Locale => v === "vi" || v === "en";

/** One i18next instance per locale, shared by server renders, emails and the browser. */
const instances = new Map<Locale, I18n>();

export type Tree = { [key: string]: string | Tree };
type Bundle = Record<Locale, Tree>;

// The platform's own strings; each capability adds its own with registerStrings, so the platform
// never imports a capability (app/strings.ts imports them all, once, for every entry point).
const resources: Record<Locale, { translation: Tree }> = {
  en: { translation: { ...platformStrings.en } },
  vi: { translation: { ...platformStrings.vi } },
};

/**
 * Mount a capability's strings (same keys in both languages) at the top level, e.g. { en: { apply: … } }.
 * Top-level names are unique across the app: a second capability claiming one is a programming error.
 */
export function registerStrings(bundle: Bundle) {
  for (const locale of LOCALES) {
    const tree = resources[locale].translation;
    for (const [name, value] of Object.entries(bundle[locale])) {
      if (Object.hasOwn(tree, name) && tree[name] !== value) throw new Error(`Strings "${name}" are registered twice`);
      tree[name] = value;
    }
    instances.get(locale)?.addResourceBundle(locale, "translation", bundle[locale], true, true);
  }
}

/** The browser: parts of one language's tree, as the server sends them (strings-client.ts). */
export function addStrings(locale: Locale, tree: Tree) {
  mergeInto(resources[locale].translation, tree);
  instances.get(locale)?.addResourceBundle(locale, "translation", tree, true, true);
}

/** Every registered string of a language (tests compare messages against them). */
export const registeredStrings = (locale: Locale): Tree => resources[locale].translation;

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
    // The server renders the same strings again for every page; the browser's stand-in is cheap already.
    if (typeof document === "undefined") keepStrings(instance, locale);
    instances.set(locale, instance);
  }
  return instance;
}

/**
 * A page's `t("key")` without values always gives the same text in one language, yet i18next
 * resolves it again each time (about 12 % of a server render, decision 008). The `t` that
 * components get (`useTranslation`, which asks `getFixedT` on each render) keeps those texts until
 * strings are added; calls with values or options go to i18next as before.
 */
function keepStrings(instance: I18n, locale: Locale) {
  const texts = new Map<string, string>();
  const withValues = new Map<string, string>();
  instance.store.on("added", () => {
    texts.clear();
    withValues.clear();
  });
  const fixedT = instance.getFixedT.bind(instance) as (lng: string | null, ns?: string | string[] | null, keyPrefix?: string) => unknown;
  instance.getFixedT = ((lng: string | null, ns?: string | string[] | null, keyPrefix?: string) => {
    const t = fixedT(lng, ns, keyPrefix) as unknown as ((...args: unknown[]) => string) & { lng?: string; ns?: string; keyPrefix?: string };
    if ((lng && lng !== locale) || (ns && ns !== "translation") || keyPrefix) return t;
    const kept = (key: unknown, ...rest: unknown[]) => {
      if (typeof key !== "string") return t(key, ...rest);
      if (rest.length > 0) return keptWith(key, rest);
      let text = texts.get(key);
      if (text === undefined) {
        text = t(key);
        // Keys are the app's own; the bound only guards against one built from input.
        if (texts.size > 10_000) texts.clear();
        texts.set(key, text);
      }
      return text;
    };
    // A call with values (`t("spaces.capacity", { count })`) costs i18next 10-30 µs (plurals,
    // interpolation), and pages ask for the same values on every request (decision 008, ninth pass,
    // pages). Kept by key and values when the one argument is an object of strings, numbers and
    // booleans only: the text then depends on nothing else until strings are added.
    const keptWith = (key: string, rest: unknown[]) => {
      const options = rest[0];
      if (rest.length !== 1 || !plainValues(options)) return t(key, ...rest);
      const id = `${key}\u0000${JSON.stringify(options)}`;
      let text = withValues.get(id);
      if (text === undefined) {
        const answer = t(key, options);
        if (typeof answer !== "string") return answer;
        text = answer;
        // values come from data (names, counts): a bound, as the formatters' caches have
        if (withValues.size >= 2_000) withValues.clear();
        withValues.set(id, text);
      }
      return text;
    };
    return Object.assign(kept, { lng: t.lng, ns: t.ns, keyPrefix: t.keyPrefix });
  }) as unknown as I18n["getFixedT"];
}

/** An options object whose every value is a string, a finite number or a boolean (and not `returnObjects`). */
function plainValues(options: unknown): options is Record<string, string | number | boolean> {
  if (typeof options !== "object" || options === null || Object.getPrototypeOf(options) !== Object.prototype) return false;
  for (const name in options) {
    const value = (options as Record<string, unknown>)[name];
    const kind = typeof value;
    if (!(kind === "string" || kind === "boolean" || (kind === "number" && Number.isFinite(value)))) return false;
    if (name === "returnObjects" || name === "returnDetails") return false;
  }
  return true;
}

export const tFor = (locale: Locale) => i18nFor(locale).t;

/**
 * The server's render of a page: only the strings its routes name (`handle.strings`), as the
 * browser will have them, so a route that forgets a part shows its keys at once, in every test of
 * its page, not only after hydration (decision 008). One instance per language and set of parts.
 */
const partial = new Map<string, I18n>();
export function i18nWithParts(locale: Locale, parts: string[]): I18n {
  const key = `${locale} ${parts.join(" ")}`;
  let instance = partial.get(key);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      fallbackLng: false,
      resources: { [locale]: { translation: pickParts(resources[locale].translation, parts) } },
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
    // the same reason as i18nFor's: these are the instances pages render with
    if (typeof document === "undefined") keepStrings(instance, locale);
    if (partial.size >= 500) partial.clear();
    partial.set(key, instance);
  }
  return instance;
}
