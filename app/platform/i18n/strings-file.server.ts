import { createHash } from "node:crypto";
import { registeredStrings, type Locale } from "./i18n";
import { normaliseParts, pickParts } from "./string-parts";

export type StringsFile = { body: string; hash: string; url: string };

// One language's strings as the browser gets them: a JSON file named by the content of the whole
// language, so a browser keeps it for a year and fetches it again only when the strings change
// (decision 008); with parts, only those parts of the tree. Built on first use, once every
// capability has registered its strings; the parts' files are kept too (bounded: parts come from URLs).
const files = new Map<Locale, StringsFile>();
const partFiles = new Map<string, string>();

export function stringsFile(locale: Locale): StringsFile;
export function stringsFile(locale: Locale, parts: string[] | undefined): StringsFile | undefined;
export function stringsFile(locale: Locale, parts?: string[]): StringsFile | undefined {
  let file = files.get(locale);
  if (!file) {
    const body = JSON.stringify(registeredStrings(locale));
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
    file = { body, hash, url: `/strings/${locale}.${hash}.json` };
    files.set(locale, file);
  }
  if (!parts) return file;
  const wanted = normaliseParts(parts);
  // Parts are key paths of one or two names ("nav", "apply.calls"), each of them existing.
  if (wanted.length === 0 || wanted.length > 100 || !wanted.every((p) => /^[\w-]+(\.[\w-]+)?$/.test(p))) return undefined;
  const key = `${locale} ${wanted.join(",")}`;
  let body = partFiles.get(key);
  if (body === undefined) {
    const tree = pickParts(registeredStrings(locale), wanted);
    if (!wanted.every((p) => p.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree) !== undefined)) return undefined;
    body = JSON.stringify(tree);
    if (partFiles.size >= 1000) partFiles.clear();
    partFiles.set(key, body);
  }
  return { body, hash: file.hash, url: `${file.url}?parts=${wanted.join(",")}` };
}
