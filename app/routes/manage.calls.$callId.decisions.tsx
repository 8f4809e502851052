import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DECISIONS } from "~/modules/applications/select/choices";
import { DecisionsIntent } from "~/modules/applications/select/schema";
import { undoDecision } from "~/modules/applications/select/decisions.server";
import { PendingTable } from "~/modules/applications/select/pending-table";
import { decisionsPage, saveTemplates } from "~/modules/applications/select/templates.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { formatDateTime, zoneName } from "~/platform/i18n/format";
import { FormMessage, TextArea, useZodForm } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import type { CallSection } from "./manage.calls.$callId";
import { routeStrings } from "~/platform/i18n/strings-client";

export const handle: CallSection = { section: "setup.tabs.decisions", ...routeStrings("select.common", "select.deadline", "select.decisions", "select.decisionsPage", "select.nav", "select.notify", "select.offer", "select.ranking", "select.warnings", "setup", "validation") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = await decisionsPage(viewer.claims, params.callId ?? "");
  return { ...page, locale: viewer.locale, timeZone: viewer.timeZone };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = parseForm(await readForm(request), DecisionsIntent);
  if (!form.ok) return invalid(form.errors);
  const callId = params.callId ?? "";
  if (form.data.intent === "undo") {
    const { applicationId } = form.data;
    const undone = await withOutcomes(() => undoDecision(viewer.claims, callId, applicationId));
    return { errors: null, message: undone ? "select.notify.undone" : "select.notify.notUndone" };
  }
  const templates = form.data;
  await withOutcomes(() => saveTemplates(viewer.claims, callId, templates));
  return { errors: null, saved: true };
}

export default function Decisions() {
  const { t } = useTranslation();
  const { call, templates, decided, pending, locale, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !("message" in result && result.message) ? (result.errors ?? undefined) : undefined;
  const form = useZodForm(() => import("~/modules/applications/select/schema").then((m) => m.TemplatesSchema), errors);
  const none = t("select.common.none");
  return (
    <>
      <p>
        {t("select.decisionsPage.lead", { days: call.offerDays })} <Link to={`/manage/calls/${call.id}/ranking`}>{t("select.nav.ranking")}</Link>
      </p>

      <h2>{t("select.notify.pending")}</h2>
      {result && "message" in result && result.message ? <FormMessage tone="success">{t(result.message)}</FormMessage> : null}
      <PendingTable callId={call.id} pending={pending} locale={locale} timeZone={call.timeZone} />

      <h2>{t("select.decisionsPage.decided")}</h2>
      {decided.length === 0 ? (
        <p className="empty">{t("select.decisionsPage.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("select.ranking.code")}</th>
                <th scope="col">{t("select.ranking.startup")}</th>
                <th scope="col">{t("select.ranking.decision")}</th>
                <th scope="col">{t("select.decisionsPage.decidedAt")}</th>
                <th scope="col">{t("select.decisionsPage.offerExpires")}</th>
                <th scope="col">{t("select.decisionsPage.response")}</th>
                <th scope="col">{t("select.decisionsPage.feedback")}</th>
              </tr>
            </thead>
            <tbody>
              {decided.map((d) => (
                <tr key={d.id}>
                  <td>{d.code}</td>
                  <td>{d.startup}</td>
                  <td>{t(`select.decisions.${d.decision}`)}</td>
                  <td>{formatDateTime(d.decidedAt, locale, timeZone)}</td>
                  <td>
                    {d.offerExpiresAt
                      ? t("select.common.callZone", { date: formatDateTime(d.offerExpiresAt, locale, call.timeZone), zone: zoneName(call.timeZone, locale, d.offerExpiresAt) })
                      : none}
                  </td>
                  <td>{d.offerResponse ? t(`select.offer.${d.offerResponse}`) : d.decision === "accepted" ? t("select.decisionsPage.awaiting") : none}</td>
                  <td>{t(d.feedbackReleased ? "select.common.yes" : "select.common.no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("select.decisionsPage.templates")}</h2>
      <p>{t("select.decisionsPage.templatesLead")}</p>
      {result && "saved" in result ? <FormMessage tone="success">{t("select.decisionsPage.saved")}</FormMessage> : null}
      {errors ? <FormMessage tone="error">{t("validation.formErrors")}</FormMessage> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" value="templates" {...form.register("intent")} />
        {DECISIONS.map((d) =>
          (["vi", "en"] as const).map((lang) => (
            <TextArea
              key={`${d}_${lang}`}
              name={`${d}_${lang}`}
              lang={lang}
              rows={3}
              label={t(`select.decisionsPage.${lang}`, { decision: t(`select.decisions.${d}`) })}
              defaultValue={templates[d]?.[lang] ?? ""}
              register={form.register}
              error={form.errorOf(`${d}_${lang}`)}
            />
          )),
        )}
        <button type="submit" className="button" disabled={form.isSubmitting}>
          {t("select.decisionsPage.save")}
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = RouteError;
