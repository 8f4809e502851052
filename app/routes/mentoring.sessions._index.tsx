import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { cancelSession } from "~/modules/mentoring/booking/change.server";
import { CancelSchema } from "~/modules/mentoring/booking/schema";
import { changeable, mySessions } from "~/modules/mentoring/booking/sessions.server";
import { SessionTime } from "~/modules/mentoring/booking/ui";
import { requireViewer } from "~/platform/auth/guards.server";
import { formatDateTime } from "~/platform/i18n/format";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { FormMessage } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { useViewerZone } from "~/ui/locale";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("mentoring.booking.sessions.title");

export const handle = routeStrings("mentoring.booking", "validation");

const DONE = { booked: "mentoring.booking.sessions.booked", moved: "mentoring.booking.sessions.moved" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const done = new URL(request.url).searchParams.get("done");
  const sessions = (await mySessions(viewer.claims)).map((s) => ({ ...s, canChange: changeable(s) }));
  return { sessions, done: done === "booked" || done === "moved" ? DONE[done] : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const parsed = parseForm(await readForm(request), CancelSchema);
  if (!parsed.ok) return invalid(parsed.errors);
  const outcome = await cancelSession(viewer.claims, parsed.data.sessionId);
  if (!outcome.ok) return invalid(outcome.errors);
  return data({ errors: null, cancelled: true });
}

export default function MySessions() {
  const { t } = useTranslation();
  const { locale, timeZone } = useViewerZone();
  const { sessions, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result?.errors ? (result.errors.form ?? result.errors.sessionId ?? "validation.formErrors") : null;
  return (
    <section className="page">
      <h1>{t("mentoring.booking.sessions.title")}</h1>
      {done ? <FormMessage tone="success">{t(done)}</FormMessage> : null}
      {result && "cancelled" in result ? <FormMessage tone="success">{t("mentoring.booking.sessions.cancelled")}</FormMessage> : null}
      {error ? <FormMessage tone="error">{t(error)}</FormMessage> : null}
      {sessions.length === 0 ? (
        <p className="empty">{t("mentoring.booking.sessions.none")}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t("mentoring.booking.sessions.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("mentoring.booking.sessions.when")}</th>
              <th scope="col">{t("mentoring.booking.sessions.with")}</th>
              <th scope="col">{t("mentoring.booking.sessions.programme")}</th>
              <th scope="col">{t("mentoring.booking.sessions.where")}</th>
              <th scope="col">{t("mentoring.booking.sessions.status")}</th>
              <th scope="col">{t("mentoring.booking.sessions.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} />
                </td>
                <td>{s.asMentor ? s.startupName : s.mentorName}</td>
                <td>{locale === "vi" ? s.programNameVi : s.programNameEn}</td>
                <td>{s.location}</td>
                <td>{t(`mentoring.booking.sessions.state.${s.status}`)}</td>
                <td>
                  {s.canChange ? (
                    <>
                      <Link to={`/mentoring/sessions/${s.id}/reschedule`}>{t("mentoring.booking.sessions.reschedule")}</Link>{" "}
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="cancel" />
                        <input type="hidden" name="sessionId" value={s.id} />
                        <button
                          type="submit"
                          className="button secondary"
                          aria-label={t("mentoring.booking.sessions.cancelLabel", { when: formatDateTime(s.startsAt, locale, timeZone) })}
                        >
                          {t("mentoring.booking.sessions.cancel")}
                        </button>
                      </Form>
                    </>
                  ) : s.status === "booked" ? (
                    t("mentoring.booking.sessions.closed")
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
