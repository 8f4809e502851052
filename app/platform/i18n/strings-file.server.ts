import { createHash } from "node:crypto";
import { registeredStrings, type Locale } from "./i18n";

export type StringsFile = { body: string; hash: string; url: string };

// One language's strings as the browser gets them: a JSON file named by its content, so a browser
// keeps it for a year and fetches it again only when the strings change (decision 008). Built on
// first use, once every capability has registered its strings.
const files = new Map<Locale, StringsFile>();

export function stringsFile(locale: Locale): StringsFile {
  let file = files.get(locale);
  if (!file) {
    const body = JSON.stringify(registeredStrings(locale));
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
    file = { body, hash, url: `/strings/${locale}.${hash}.json` };
    files.set(locale, file);
  }
  return file;
}
