import type { ActionFunctionArgs, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";
import { NotFoundError } from "~/platform/db/errors.server";
import { isUuid } from "~/platform/ids";
import { badInput, withOutcomes } from "./errors.server";
import { storable } from "./form.server";

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

/**
 * The input boundary of the URL, for every loader and action of the build, so no route can forget
 * it: a route parameter or a query value holding text PostgreSQL cannot store is a 400; a
 * parameter named `id` or `…Id` that is not a UUID is a 404. The work then runs under
 * withOutcomes, so a domain error (a database error caused by input among them) is an answer a
 * person can read, never a 500.
 */
export function guardBuild(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module;
    // The root's loader gives the error page its language: it must not fail on the URL itself.
    const checksUrl = route.parentId !== undefined;
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        loader: loader && guarded(loader as Handler, checksUrl),
        action: action && guarded(action as Handler, checksUrl),
      },
    };
  }
  return { ...build, routes };
}

function guarded(handler: Handler, checksUrl: boolean) {
  return async (args: LoaderFunctionArgs | ActionFunctionArgs) => {
    return withOutcomes(async () => {
      if (checksUrl) checkUrl(args);
      return handler(args);
    });
  };
}

function checkUrl({ params, request }: LoaderFunctionArgs) {
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (!storable(value)) throw badInput();
    if ((name === "id" || name.endsWith("Id")) && !isUuid(value)) throw new NotFoundError();
  }
  for (const [name, value] of new URL(request.url).searchParams) {
    if (!storable(name) || !storable(value)) throw badInput();
  }
}
