import type { ServerBuild } from "@remix-run/node";
import { BusyError, errorIs, isDatabaseUnavailable } from "~/platform/db/errors.server";
import { resolveLocale } from "~/platform/i18n/locale.server";
import { logger } from "~/platform/log.server";
import { FileStoreUnavailable } from "~/platform/storage/store.server";

/** How long a client should wait before trying again after a 503. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Every loader and action of the build, guarded: when the database is unavailable or one of its
 * timeouts fired, the request answers 503 with Retry-After and the app's own error page, in the
 * language of the language cookie or Accept-Language (the signed-in person's saved choice needs
 * the database). Remix 2 has no middleware, so the guard wraps the route modules once.
 * See app/platform/decisions/003-database-outage.md.
 */
export function answerOutages(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module;
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader && { loader: (args) => guarded(args.request, () => loader(args)) }),
        ...(action && { action: (args) => guarded(args.request, () => action(args)) }),
      },
    };
  }
  return { ...build, routes };
}

async function guarded<T>(request: Request, work: () => T): Promise<Awaited<T>> {
  try {
    return await work();
  } catch (error) {
    // By name too (errorIs): the guard and the routes may hold two copies of these classes.
    const busy = errorIs(error, BusyError);
    // Supabase Storage down is an outage like the database's: try again later, not a bug.
    const files = errorIs(error, FileStoreUnavailable);
    if (!busy && !files && !isDatabaseUnavailable(error)) throw error;
    logger.warn({ err: error, method: request.method, url: request.url }, busy ? "database busy" : files ? "file storage unavailable" : "database unavailable");
    const locale = await resolveLocale(request, null);
    // A Response, not `data()`: Remix answers a resource route's (a deck's) thrown `data()` without
    // its headers, and Retry-After is the point. Pages read the same JSON as their error's data.
    throw Response.json(
      { message: busy ? "errors.busy" : "errors.unavailable", locale },
      { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
    );
  }
}
