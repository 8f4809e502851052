import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportCsv } from "~/modules/applications/select/csv-export.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";

// The call's applications, answers and scores as a CSV download, headers in the viewer's language.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const { filename, csv } = await withOutcomes(() => exportCsv(viewer.claims, params.callId ?? "", viewer.locale));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
