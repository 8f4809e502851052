import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAttendees } from "~/modules/events/attendees/board.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";

// The event's attendees and their answers as a CSV download, headers in the viewer's language.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const { filename, csv } = await withOutcomes(() => exportAttendees(viewer.claims, params.eventId ?? "", viewer.locale));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
