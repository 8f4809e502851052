import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Outlet, useLoaderData, useMatches, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CallHeading } from "~/modules/applications/setup/call-heading";
import { callHeadingKey, callHeadingPage } from "~/modules/applications/setup/call-settings.server";
import { takeOffered } from "~/platform/http/request-scope.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

// The layout of every manager page of a call: the call is loaded (and the viewer's right to manage
// it checked) once here, and its heading and section tabs drawn once. Each section names itself
// with `handle = { section: "<strings key>" }`.

/** What a section tells the layout: its name (a strings key), and whether it needs the full width. */
export type CallSection = { section: string; wide?: boolean };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const callId = params.callId ?? "";
  // The ranking, the application page and call settings read the heading in their own transaction
  // when they offer to (decision 008, ninth pass); any other section, or a failed offer, reads it here.
  return { call: await withOutcomes(() => takeOffered(request, callHeadingKey(callId), () => callHeadingPage(viewer.claims, callId))) };
}

export const handle = routeStrings("setup", "validation");

const handleOf = (matches: { handle?: unknown }[]) => (matches.at(-1)?.handle as Partial<CallSection> | undefined) ?? {};
const sectionOf = (matches: { handle?: unknown }[]) => handleOf(matches).section ?? "setup.tabs.overview";

export const meta: MetaFunction = (args) => {
  const section = sectionOf(args.matches);
  return titled<SerializeFrom<typeof loader>>((t, d, locale) => `${t(section)} · ${d.call.title[locale]}`)(args);
};

export default function CallLayout() {
  const { t } = useTranslation();
  const { call } = useLoaderData<typeof loader>();
  const { section = "setup.tabs.overview", wide } = handleOf(useMatches());
  return (
    <section className={wide ? "page wide" : "page"}>
      <CallHeading call={call} title={t(section)} />
      <Outlet />
    </section>
  );
}

export const ErrorBoundary = RouteError;
