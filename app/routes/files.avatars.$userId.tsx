import type { LoaderFunctionArgs } from "@remix-run/node";
import { avatarOf } from "~/modules/identity/profile.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { requireId } from "~/platform/ids.server";
import { contentTypeOf, readStoredFile } from "~/platform/storage/files.server";
import { NotFoundError } from "~/platform/db/errors.server";

// Photos are shown only to people RLS lets see the profile; anyone else gets 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const stored = await avatarOf(viewer.claims, requireId(params.userId));
  // the row names a file the store no longer has: only the route knows
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
