import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { NotFoundError } from "~/platform/db/errors.server";

// Any address no other route takes: a 404 inside the shell, in the viewer's language (the root
// loader runs for a matched route, so the page and its title know the language).
export const meta = titled();

export function loader(): never {
  throw new NotFoundError();
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = RouteError;
