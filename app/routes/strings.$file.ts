import type { LoaderFunctionArgs } from "@remix-run/node";
import { NotFoundError } from "~/platform/db/errors.server";
import { isLocale } from "~/platform/i18n/i18n";
import { stringsFile } from "~/platform/i18n/strings-file.server";

// One language's strings for the browser (app/platform/i18n/strings-client.ts): /strings/vi.<hash>.json,
// kept for a year, with `?parts=app,nav,apply.calls` only the parts a page's routes name (decision 008).
// Another hash (a page from before a deploy) or none gets today's strings, not cached.
export function loader({ params, request }: LoaderFunctionArgs) {
  const [, locale, hash] = /^([a-z]+)(?:\.([0-9a-f]+))?\.json$/.exec(params.file ?? "") ?? [];
  if (!isLocale(locale)) throw new NotFoundError();
  const parts = new URL(request.url).searchParams.get("parts");
  const file = stringsFile(locale, parts === null ? undefined : parts.split(","));
  if (!file) throw new NotFoundError();
  return new Response(file.body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": hash === file.hash ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
