import { createHash } from "node:crypto";
import { isLocale, registeredStrings, type Locale } from "./i18n";

// One language's strings as a file for the browser, named by its content so it is cached for a
// year and fetched again only when a string changes: a page loads the viewer's language only,
// once, instead of both languages inside every page's JavaScript (issue 17).
type StringsFile = { url: string; json: string; version: string };
const files = new Map<Locale, StringsFile>();

export function stringsFile(locale: Locale): StringsFile {
  let file = files.get(locale);
  if (!file) {
    const json = JSON.stringify(registeredStrings(locale));
    const version = createHash("sha256").update(json).digest("base64url").slice(0, 12);
    file = { url: `/strings/${locale}.${version}.js`, json, version };
    // In development strings change under the running server: computed again on each request.
    if (process.env.NODE_ENV === "production") files.set(locale, file);
  }
  return file;
}

/** The file a path names ("vi.<version>.js" or ".json"), whether its version is the current one. */
export function stringsFileAt(name: string): { locale: Locale; format: "js" | "json"; current: boolean; file: StringsFile } | null {
  const [, locale, version, format] = /^([a-z]{2})\.([\w-]+)\.(js|json)$/.exec(name) ?? [];
  if (!isLocale(locale) || (format !== "js" && format !== "json")) return null;
  const file = stringsFile(locale);
  return { locale, format, current: version === file.version, file };
}
