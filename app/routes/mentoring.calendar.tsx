import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { calendarPage, renewFeed, revokeFeed } from "~/modules/mentoring/calendar/feed.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { badInput } from "~/platform/http/errors.server";
import { readForm } from "~/platform/http/form.server";
import { formatDateTime } from "~/platform/i18n/format";
import { FormMessage } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { useViewerZone } from "~/ui/locale";
import { routeStrings } from "~/platform/i18n/strings-client";

// The mentor's private calendar feed: make, renew or revoke its secret address. The address is
// shown once, in the answer to the post that made it (decisions/004-calendar-feed.md).

export const meta = titled((t) => t("mentoring.calendar.title"));

export const handle = routeStrings("mentoring.calendar", "mentoring.sessions");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return calendarPage(viewer.claims);
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const intent = String((await readForm(request)).get("intent") ?? "");
  if (intent === "revoke") {
    await revokeFeed(viewer.claims);
    return { url: null, revoked: true, errors: null };
  }
  if (intent !== "renew") throw badInput();
  const made = await renewFeed(viewer.claims);
  if (!made.ok) return data({ url: null, revoked: false, errors: made.errors, message: null }, { status: 400 });
  return { url: made.value.url, revoked: false, errors: null };
}

export default function CalendarRoute() {
  const { t } = useTranslation();
  const { locale, timeZone } = useViewerZone();
  const { mentor, since } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <section className="page narrow">
      <p>
        <Link to="/mentoring">{t("mentoring.sessions.back")}</Link>
      </p>
      <h1>{t("mentoring.calendar.title")}</h1>
      <p>{t("mentoring.calendar.lead")}</p>
      {answer?.errors?.form ? <FormMessage tone="error">{t(answer.errors.form)}</FormMessage> : null}
      {answer?.revoked ? <FormMessage tone="success">{t("mentoring.calendar.revoked")}</FormMessage> : null}
      {answer?.url ? (
        <div className="field">
          <label htmlFor="feed-url">{t("mentoring.calendar.url")}</label>
          <p id="feed-url-hint" className="hint">
            {t("mentoring.calendar.copyHint")}
          </p>
          <input id="feed-url" type="text" readOnly value={answer.url} aria-describedby="feed-url-hint" />
        </div>
      ) : null}
      {!mentor ? (
        <p className="empty">{t("mentoring.calendar.errors.notMentor")}</p>
      ) : since ? (
        <>
          {answer?.url ? null : <p>{t("mentoring.calendar.since", { when: formatDateTime(since, locale, timeZone) })}</p>}
          <Form method="post">
            <p className="hint">{t("mentoring.calendar.renewHint")}</p>
            <button type="submit" name="intent" value="renew" className="button secondary">
              {t("mentoring.calendar.renew")}
            </button>{" "}
            <button type="submit" name="intent" value="revoke" className="button secondary">
              {t("mentoring.calendar.revoke")}
            </button>
          </Form>
        </>
      ) : (
        <Form method="post">
          <p>{t("mentoring.calendar.none")}</p>
          <button type="submit" name="intent" value="renew" className="button">
            {t("mentoring.calendar.create")}
          </button>
        </Form>
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
