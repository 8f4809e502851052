import type { LoaderFunctionArgs } from "@remix-run/node";
import { NotFoundError } from "~/platform/db/errors.server";
import { stringsFileAt } from "~/platform/i18n/strings-file.server";

// The viewer's language for the browser: a script the root layout loads before the app starts
// (.js), or the same strings as data when the viewer switches language in the page (.json).
export function loader({ params }: LoaderFunctionArgs) {
  const at = stringsFileAt(params.file ?? "");
  if (!at) throw new NotFoundError();
  const { locale, format, current, file } = at;
  const body = format === "json" ? file.json : `window.__strings=${JSON.stringify({ locale })};window.__strings.tree=JSON.parse(${JSON.stringify(file.json)});`;
  return new Response(body, {
    headers: {
      "Content-Type": format === "json" ? "application/json; charset=utf-8" : "text/javascript; charset=utf-8",
      // An old version (a page open across a deployment) gets today's strings, not kept.
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
