import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Readable 403/404/5xx pages in the viewer's language; never a stack trace. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // A 503 says whether the database is away or only busy (app/platform/http/outage.server.ts).
  const unavailable = status === 503 && isRouteErrorResponse(error) && (error.data as { message?: unknown } | null)?.message === "errors.unavailable";
  const key =
    status === 400
      ? "errors.badInput"
      : status === 404
      ? "errors.notFound"
      : status === 403
        ? "errors.forbidden"
        : status === 409
          ? "errors.conflict"
          : status === 503
            ? unavailable
              ? "errors.unavailable"
              : "errors.busy"
            : "errors.generic";
  return (
    <section className="page narrow">
      <h1>{t(key)}</h1>
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </section>
  );
}
