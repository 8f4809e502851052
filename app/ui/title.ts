import { isRouteErrorResponse, type MetaArgs, type MetaFunction } from "@remix-run/react";
import type { TFunction } from "i18next";
import { DEFAULT_LOCALE, i18nFor, isLocale, tFor, type Locale } from "~/platform/i18n/i18n";

// One title mechanism: a route names its page with `export const meta = titled(…)` (a string key,
// or a function of its loader data); the <title> is written in the viewer's language (from the
// root loader), followed by the site's name. Error pages (404 included) are named by their status.
type TitleOf<D> = string | ((t: TFunction, data: D, locale: Locale) => string | null | undefined);

export function titled<D = unknown>(title?: TitleOf<D>): MetaFunction {
  return ({ data, matches, error }) => [{ title: pageTitle(localeOf(matches, error), title as TitleOf<unknown> | undefined, data, error) }];
}

function localeOf(matches: MetaArgs["matches"], error: unknown): Locale {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  if (isLocale(root?.locale)) return root.locale;
  const fromError = isRouteErrorResponse(error) ? (error.data as { locale?: unknown } | null)?.locale : undefined;
  return isLocale(fromError) ? fromError : DEFAULT_LOCALE;
}

// On the server, the `t` that keeps its texts (i18n.ts's keepStrings): the site's name and a page's
// title key are translated on every document otherwise (2.5 % of an empty page's CPU, decision 008).
// The browser's i18next stand-in has no getFixedT, and is cheap already.
const keptT = new Map<Locale, TFunction>();
function titleT(locale: Locale): TFunction {
  if (typeof document !== "undefined") return tFor(locale);
  let t = keptT.get(locale);
  if (!t) keptT.set(locale, (t = i18nFor(locale).getFixedT(locale)));
  return t;
}

function pageTitle(locale: Locale, title: TitleOf<unknown> | undefined, data: unknown, error: unknown): string {
  const t = titleT(locale);
  const site = t("app.name");
  if (error) {
    const status = isRouteErrorResponse(error) ? error.status : 500;
    const key = status === 404 ? "errors.notFoundTitle" : status === 403 ? "errors.forbiddenTitle" : "errors.errorTitle";
    return `${t(key)} · ${site}`;
  }
  const text = typeof title === "string" ? t(title) : title && data ? title(t, data, locale) : null;
  return text ? `${text} · ${site}` : site;
}
