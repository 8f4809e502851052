import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import contentDisposition from "content-disposition";
import { applicationFile } from "~/modules/applications/drafts.server";
import { isUuid } from "~/platform/ids";
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
  return new Response(bytes, {
    headers: {
      "Content-Type": "application/pdf",
      // the founder's name, quoted and RFC 8187-encoded by a well-kept library (`=`, `;`, quotes, Vietnamese)
      "Content-Disposition": contentDisposition.create(file.originalName, { type: "inline" }),
      "Cache-Control": "private, no-store",
      // X-Content-Type-Options: nosniff comes with every response (securityHeaders); sent twice it
      // read "nosniff, nosniff". This policy adds to the site-wide one (both apply): whatever the
      // bytes hold, the document opened from them runs no script with our origin.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox allow-downloads",
    },
  });
}
