import { useMatches } from "@remix-run/react";
import { useMemo, useState } from "react";
import { addStrings, i18nFor, i18nWithParts, type Locale, type Tree } from "./i18n";
import { covers, normaliseParts, partsOfMatches } from "./string-parts";

// The browser holds the parts of a language's strings that the pages it has shown needed (each
// route names its parts: `export const handle = routeStrings(…)`), fetched from the server in one
// request per document, per navigation to a page needing more, and per switch of language, never
// in a request of each navigation (decision 008).
type Loading = { parts: string[]; done: Promise<void>; settled: boolean };
const loading: Record<Locale, Loading[]> = { vi: [], en: [] };

/** The strings file (the root loader's `strings`, /strings/vi.<hash>.json) holding only these parts. */
export const stringsUrl = (file: string, parts: string[]) => `${file}?parts=${parts.join(",")}`;

const have = (locale: Locale, settledOnly: boolean) => loading[locale].filter((l) => !settledOnly || l.settled).flatMap((l) => l.parts);
const missing = (locale: Locale, parts: string[], settledOnly: boolean) => {
  const here = have(locale, settledOnly);
  return parts.filter((p) => !covers(here, p));
};

function load(locale: Locale, file: string, parts: string[]): Promise<void> {
  const wanted = missing(locale, parts, false);
  if (wanted.length > 0) {
    const url = stringsUrl(file, wanted);
    const entry: Loading = { parts: wanted, settled: false, done: Promise.resolve() };
    entry.done = fetch(url, { credentials: "same-origin" })
      .then((res) => {
        if (!res.ok) throw new Error(`${url}: ${res.status}`);
        return res.json() as Promise<Tree>;
      })
      .then((tree) => {
        addStrings(locale, tree);
        entry.settled = true;
      });
    entry.done.catch(() => loading[locale].splice(loading[locale].indexOf(entry), 1));
    loading[locale].push(entry);
  }
  return Promise.all(loading[locale].filter((l) => l.parts.some((p) => parts.some((q) => covers([p], q) || covers([q], p)))).map((l) => l.done)).then(
    () => undefined,
  );
}

/** Before hydration: the strings file the document preloads (root.tsx), whose parts it names. */
export function loadPreloadedStrings(locale: Locale): Promise<void> {
  const link = document.querySelector<HTMLLinkElement>(`link[data-strings="${locale}"]`);
  const url = new URL(link?.href ?? `/strings/${locale}.json`, window.location.href);
  // A page without a named file (its root loader failed) gets the whole language: "" covers it all.
  const parts = url.searchParams.has("parts") ? normaliseParts(url.searchParams.get("parts")!.split(",").filter(Boolean)) : [""];
  current = { locale, file: url.pathname };
  return load(locale, url.pathname, parts);
}

// The language and strings file of the page shown, for routeStrings' early fetch.
let current: { locale: Locale; file: string } | undefined;

/**
 * A route's `handle`: the parts of the strings it renders, e.g. `routeStrings("apply.calls", "apply.errors")`
 * (tests/integration/route-strings.test.ts checks them against its source). In the browser, a route
 * module is loaded when a navigation to it starts, along with its data: its missing parts are
 * fetched then, so the page rarely waits for them.
 */
export function routeStrings(...parts: string[]) {
  if (typeof document !== "undefined" && current) load(current.locale, current.file, parts).catch(() => {});
  return { strings: parts };
}

/**
 * The root's Layout: the i18n instance its page renders with, and the strings file to preload.
 * The server renders with only the parts the page's routes name (what the browser gets); the
 * browser's renders wait (React suspends inside the router's transition, the old page stays) until
 * the page's parts in its language are here: after a navigation to a page needing more, a switch
 * of language, or a sign-in into another one. If they cannot be fetched, the document is reloaded.
 */
export function usePageStrings(locale: Locale, file: string | undefined) {
  const parts = partsOfMatches(useMatches());
  const key = parts.join(",");
  // The document's own file only: a later switch or navigation fetches what it lacks itself.
  const [preload] = useState(file && { href: stringsUrl(file, parts), locale });
  const server = typeof document === "undefined";
  // eslint-disable-next-line react-hooks/exhaustive-deps -- parts change only with their key
  const i18n = useMemo(() => (server ? i18nWithParts(locale, parts) : i18nFor(locale)), [locale, key, server]);
  if (!server) {
    const stringsFile = file ?? `/strings/${locale}.json`;
    if (missing(locale, parts, true).length > 0) {
      throw load(locale, stringsFile, parts).catch(() => {
        window.location.reload();
        return new Promise<void>(() => {});
      });
    }
    current = { locale, file: stringsFile };
  }
  return { i18n, preload };
}
