import type { LoaderFunctionArgs } from "@remix-run/node";
import { logoOf } from "~/modules/startups/profile.server";
import { contentTypeOf, readStoredFile } from "~/platform/storage/files.server";
import { NotFoundError } from "~/platform/db/errors.server";

// Startups are a public directory, so are their logos; served by their stored, generated name only.
export async function loader({ params }: LoaderFunctionArgs) {
  const stored = await logoOf(params.slug ?? "");
  // the row names a file the store no longer has: only the route knows
  const bytes = await readStoredFile(stored);
  if (!bytes) throw new NotFoundError();
  return new Response(bytes, {
    headers: {
      "Content-Type": contentTypeOf(stored),
      "Cache-Control": "public, max-age=300",
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
