import type { LoaderFunctionArgs } from "@remix-run/node";
import { logoOf } from "~/modules/startups/profile.server";
import { contentTypeOf, readStoredFile } from "~/platform/storage/files.server";
import { NotFoundError } from "~/platform/db/errors.server";

// Startups are a public directory, so are their logos; served by their stored, generated name only.
export async function loader({ params }: LoaderFunctionArgs) {
  const stored = /^[a-z0-9][a-z0-9-]{1,62}$/.test(params.slug ?? "") ? await logoOf(params.slug!) : null;
  const bytes = stored ? await readStoredFile(stored) : null;
  if (!stored || !bytes) throw new NotFoundError();
  return new Response(bytes, {
    headers: {
      "Content-Type": contentTypeOf(stored),
      "Cache-Control": "public, max-age=300",
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
