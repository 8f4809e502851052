import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { applicationFile } from "~/modules/applications/drafts.server";
import { isUuid } from "~/modules/applications/outcomes.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { readStoredFile } from "~/platform/storage/files.server";

// A deck is served only to those RLS lets read it (founders, the call's managers, assigned
// reviewers unless the question is blind); anyone else gets 404, as if it did not exist.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!isUuid(params.id) || !isUuid(params.fileId)) throw data(null, { status: 404 });
  const file = await applicationFile(viewer.claims, params.id, params.fileId);
  const bytes = file ? await readStoredFile(file.storagePath) : null;
  if (!file || !bytes) throw data(null, { status: 404 });
  const ascii = file.originalName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(bytes, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
