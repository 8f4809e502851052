import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { I18nextProvider } from "react-i18next";
import { getViewer } from "~/platform/auth/viewer.server";
import { isLocale, DEFAULT_LOCALE, DEFAULT_TIME_ZONE, type Locale } from "~/platform/i18n/i18n";
import { resolveLocale } from "~/platform/i18n/locale.server";
import { routeStrings, usePageStrings } from "~/platform/i18n/strings-client";
import { mailboxEnabled } from "~/platform/mail/mailbox.server";
import { useNonce } from "~/ui/nonce";
import { Shell, type ShellViewer } from "~/ui/shell";
import { RouteError } from "~/ui/route-error";
import { stringsFile } from "~/strings.server";
import { titled } from "~/ui/title";
import styles from "~/ui/styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// Every page's <title>, in the viewer's language (routes name themselves with `titled`, app/ui/title.ts).
export const meta = titled();

// The shell's strings, on every page; each route names the parts it renders (decision 008).
export const handle = routeStrings("app", "nav", "errors", "validation.required");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const locale = await resolveLocale(request, viewer);
  const shellViewer: ShellViewer | null = viewer && {
    displayName: viewer.displayName,
    isAdmin: viewer.isAdmin,
    manages: viewer.memberships.some((m) => m.role === "manager"),
    founds: viewer.startups.length > 0,
    links: viewer.links, // what capabilities registered (Review, Mentoring), found by the viewer's one statement
    hasAvatar: !!viewer.avatarPath,
    id: viewer.id,
  };
  return {
    locale,
    strings: stringsFile(locale).url, // the one language the browser gets, in the parts its pages need (decision 008)
    timeZone: viewer?.timeZone ?? DEFAULT_TIME_ZONE,
    viewer: shellViewer,
    mailbox: mailboxEnabled(),
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const error = useRouteError();
  const locale: Locale = data?.locale ?? errorLocale(error) ?? DEFAULT_LOCALE;
  const nonce = useNonce();
  const { i18n, preload } = usePageStrings(locale, data?.strings);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {preload ? <link rel="preload" href={preload.href} as="fetch" crossOrigin="anonymous" data-strings={preload.locale} /> : null}
      </head>
      <body>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** A page that failed before the root loader ran (the database is away) brings the language it found. */
function errorLocale(error: unknown): Locale | undefined {
  const locale = isRouteErrorResponse(error) ? (error.data as { locale?: unknown } | null)?.locale : undefined;
  return isLocale(locale) ? locale : undefined;
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  return (
    <Shell>
      <RouteError />
    </Shell>
  );
}
