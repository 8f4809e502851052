import type { ActionFunctionArgs, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";
import { NotFoundError } from "~/platform/db/errors.server";
import { tFor } from "~/platform/i18n/i18n";
import { resolveLocale } from "~/platform/i18n/locale.server";
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
        loader: loader && guarded(loader as Handler, checksUrl, !route.module.default),
        action: action && guarded(action as Handler, checksUrl, !route.module.default),
      },
    };
  }
  return { ...build, routes };
}

function guarded(handler: Handler, checksUrl: boolean, resource: boolean) {
  return async (args: LoaderFunctionArgs | ActionFunctionArgs) => {
    try {
      return await withOutcomes(async () => {
        if (checksUrl) checkUrl(args);
        return handler(args);
      });
    } catch (error) {
      // A page's error boundary translates the answer; a resource route (a script's endpoint) has
      // none, so its refusal carries the message itself, in the request's language.
      // (503s keep their way through the outage guard, which adds Retry-After)
      if (resource && isMessageAnswer(error) && error.init?.status !== 503) {
        const locale = await resolveLocale(args.request, null);
        return Response.json({ message: tFor(locale)(error.data.message) }, { status: error.init?.status ?? 400, headers: error.init?.headers });
      }
      throw error;
    }
  };
}

type MessageAnswer = { type: "DataWithResponseInit"; data: { message: string }; init: ResponseInit | null };
const isMessageAnswer = (e: unknown): e is MessageAnswer =>
  typeof e === "object" && e !== null && (e as MessageAnswer).type === "DataWithResponseInit" && typeof (e as MessageAnswer).data?.message === "string";

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
