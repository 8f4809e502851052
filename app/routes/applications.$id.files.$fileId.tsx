import type { LoaderFunctionArgs } from "@remix-run/node";
import { applicationFile } from "~/modules/applications/apply/drafts.server";
import { requireId } from "~/platform/ids.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { readStoredFile } from "~/platform/storage/files.server";
import { NotFoundError } from "~/platform/db/errors.server";

// A deck is served only to those RLS lets read it (founders, the call's managers, assigned
// reviewers unless the question is blind); anyone else gets 404, as if it did not exist.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const file = await applicationFile(viewer.claims, requireId(params.id), requireId(params.fileId));
  // the row is there but the stored bytes are gone: only the route knows
  const bytes = await readStoredFile(file.storagePath);
  if (!bytes) throw new NotFoundError();
  return new Response(bytes, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": inlineDisposition(file.originalName),
      "Cache-Control": "private, no-store",
      // X-Content-Type-Options: nosniff comes with every response (securityHeaders); sent twice it
      // read "nosniff, nosniff". This policy adds to the site-wide one (both apply): whatever the
      // bytes hold, the document opened from them runs no script with our origin.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox allow-downloads",
    },
  });
}

/**
 * `inline` with the name the founder gave: a plain-ASCII fallback without quotes, backslashes or
 * control characters, and the exact name as RFC 5987 `filename*` (whose value may not hold ' ( ) *).
 */
function inlineDisposition(name: string) {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
