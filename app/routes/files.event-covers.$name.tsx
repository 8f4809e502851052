import type { LoaderFunctionArgs } from "@remix-run/node";
import { visibleCover } from "~/modules/events/setup/cover.server";
import { getViewer } from "~/platform/auth/viewer.server";
import { NotFoundError } from "~/platform/db/errors.server";
import { contentTypeOf, readStoredFile } from "~/platform/storage/files.server";

// An event's uploaded cover image, for whoever may see the event: anyone once it is published, its
// organisers while it is a draft. Served by its stored, generated name only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const stored = await visibleCover(viewer?.claims ?? null, params.name ?? "");
  const bytes = await readStoredFile(stored);
  if (!bytes) throw new NotFoundError();
  return new Response(bytes, {
    headers: {
      "Content-Type": contentTypeOf(stored),
      "Cache-Control": "private, max-age=300",
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
