import type { LoaderFunctionArgs } from "@remix-run/node";
import { NotFoundError } from "~/platform/db/errors.server";
import { isLocale } from "~/platform/i18n/i18n";
import { stringsFile } from "~/platform/i18n/strings-file.server";

// One language's strings for the browser (app/platform/i18n/strings-client.ts): /strings/vi.<hash>.json,
// kept for a year. Another hash (a page from before a deploy) or none gets today's strings, not cached.
export function loader({ params }: LoaderFunctionArgs) {
  const [, locale, hash] = /^([a-z]+)(?:\.([0-9a-f]+))?\.json$/.exec(params.file ?? "") ?? [];
  if (!isLocale(locale)) throw new NotFoundError();
  const file = stringsFile(locale);
  return new Response(file.body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": hash === file.hash ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
