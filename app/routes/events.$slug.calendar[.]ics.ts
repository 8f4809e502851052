import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventCalendar } from "~/modules/events/page/calendar.server";
import { getViewer } from "~/platform/auth/viewer.server";
import { resolveLocale } from "~/platform/i18n/locale.server";

// The whole event as an ICS file (the event and each agenda session), in the viewer's language.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const { ics, slug } = await eventCalendar(viewer?.claims ?? null, params.slug ?? "", await resolveLocale(request, viewer));
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${slug}.ics"`,
      "cache-control": "private, max-age=300",
    },
  });
}
