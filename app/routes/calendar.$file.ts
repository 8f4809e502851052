import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedFor } from "~/modules/mentoring/calendar/feed.server";
import { NotFoundError } from "~/platform/db/errors.server";

// A mentor's calendar feed at /calendar/<token>.ics, for calendar apps: no cookies, the token is
// the credential; anything but a live token is a 404 (decisions/004-calendar-feed.md).
export async function loader({ params }: LoaderFunctionArgs) {
  const ics = await feedFor(params.file ?? "");
  if (ics === null) throw new NotFoundError();
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="mentoring.ics"',
      // the address is a secret: no shared cache keeps a copy
      "cache-control": "private, max-age=300",
      "x-robots-tag": "noindex",
    },
  });
}
