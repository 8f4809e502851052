import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { eventHeading } from "~/modules/events/setup/events.server";
import { EventHeading } from "~/modules/events/setup/tabs";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

// The layout of an event's organiser pages: the event is loaded, and the viewer's right to run it
// checked (others get 404), once here; its heading and tabs (EVENT_TABS) are drawn once.

export const meta = titled<{ event: { title: { vi: string; en: string } } }>((_t, d, locale) => d.event.title[locale]);

export const handle = routeStrings("events.page", "events.setup", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { event: await withOutcomes(() => eventHeading(viewer.claims, params.eventId ?? "")) };
}

export default function EventLayout() {
  const { event } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <EventHeading event={event} />
      <Outlet />
    </section>
  );
}

export const ErrorBoundary = RouteError;
