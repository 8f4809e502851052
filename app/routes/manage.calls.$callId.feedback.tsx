import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FeedbackIntentSchema } from "~/modules/applications/select/feedback-schema";
import { applyFeedback, feedbackPage } from "~/modules/applications/select/feedback.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { badInput, withOutcomes } from "~/platform/http/errors.server";
import { parseForm, readForm } from "~/platform/http/form.server";
import { FormMessage } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import type { CallSection } from "./manage.calls.$callId";
import { routeStrings } from "~/platform/i18n/strings-client";

// Reviewers' feedback released to founders apart from deciding: per application, or for every
// decided application at once. The audit log records each release.
export const handle: CallSection = { section: "setup.tabs.feedback", ...routeStrings("select.audit", "select.common", "select.decisions", "select.feedback", "setup", "validation") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = await feedbackPage(viewer.claims, params.callId ?? "");
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = parseForm(await readForm(request), FeedbackIntentSchema);
  // the page's buttons send one of three intents with a well-formed id: anything else was not sent from it
  if (!form.ok) throw badInput();
  const changed = await withOutcomes(() => applyFeedback(viewer.claims, params.callId ?? "", form.data));
  return { changed, intent: form.data.intent };
}

export default function Feedback() {
  const { t } = useTranslation();
  const { call, applications } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = applications.filter((a) => a.decision && !a.released).length;
  return (
    <>
      <p>{t("select.feedback.lead")}</p>
      {result ? <FormMessage tone="success">{t(`select.feedback.done.${result.intent}`, { count: result.changed })}</FormMessage> : null}
      <Form method="post">
        <button type="submit" name="intent" value="releaseDecided" className="button" disabled={pending === 0}>
          {t("select.feedback.releaseDecided", { count: pending })}
        </button>
      </Form>
      {applications.length === 0 ? (
        <p className="empty">{t("select.feedback.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("select.audit.application")}</th>
                <th scope="col">{t("select.feedback.decision")}</th>
                <th scope="col">{t("select.feedback.reviews")}</th>
                <th scope="col">{t("select.feedback.state")}</th>
                <th scope="col">{t("select.feedback.action")}</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/manage/calls/${call.id}/applications/${a.id}`}>
                      {a.code} · {a.startup}
                    </Link>
                  </td>
                  <td>{a.decision ? t(`select.decisions.${a.decision}`) : t("select.common.none")}</td>
                  <td>{a.reviews}</td>
                  <td>{t(a.released ? "select.feedback.released" : "select.feedback.notReleased")}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="applicationId" value={a.id} />
                      <button type="submit" name="intent" value={a.released ? "withdraw" : "release"} className="button secondary">
                        {t(a.released ? "select.feedback.withdraw" : "select.feedback.release")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
