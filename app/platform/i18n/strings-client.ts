import { addStrings, hasStrings, type Locale, type Tree } from "./i18n";

// The browser holds the strings of the languages it has shown, fetched from the server one language
// at a time (the page's own before hydration, another only when the viewer switches to it), never
// in a request of each navigation (decision 008).
const loading = new Map<Locale, Promise<void>>();

/** The page names its language's file in a preload link (root.tsx); without one, today's strings. */
export const stringsUrlOf = (locale: Locale) =>
  document.querySelector<HTMLLinkElement>(`link[data-strings="${locale}"]`)?.href ?? `/strings/${locale}.json`;

export function loadStrings(locale: Locale, url: string): Promise<void> {
  let promise = loading.get(locale);
  if (!promise) {
    promise = fetch(url, { credentials: "same-origin" })
      .then((res) => {
        if (!res.ok) throw new Error(`${url}: ${res.status}`);
        return res.json() as Promise<Tree>;
      })
      .then((tree) => addStrings(locale, tree));
    loading.set(locale, promise);
    promise.catch(() => loading.delete(locale));
  }
  return promise;
}

/**
 * Renders wait (React suspends inside the router's transition, the old page stays) until the
 * language's strings are here: after a switch of language, or a sign-in into another one. If they
 * cannot be fetched, the server renders the page in that language instead.
 */
export function useStrings(locale: Locale, url: string | undefined) {
  if (typeof document === "undefined" || hasStrings(locale)) return;
  throw loadStrings(locale, url ?? `/strings/${locale}.json`).catch(() => {
    window.location.reload();
    return new Promise<void>(() => {});
  });
}
