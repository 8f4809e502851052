import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReviewersIntent } from "~/modules/applications/select/schema";
import { remindReviewers } from "~/modules/applications/review/reminders.server";
import { assignByTrack, autoAssign, reviewersPage } from "~/modules/applications/review/assignment.server";
import { addMemberReviewer, inviteReviewer } from "~/modules/applications/review/invitations.server";
import { InviteReviewers } from "~/modules/applications/review/invite-reviewers";
import { requireViewer } from "~/platform/auth/guards.server";
import { badInput, withOutcomes } from "~/platform/http/errors.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { formatDateTime } from "~/platform/i18n/format";
import { FormMessage, useZodForm } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import type { CallSection } from "./manage.calls.$callId";
import { routeStrings } from "~/platform/i18n/strings-client";

export const handle: CallSection = { section: "setup.tabs.reviewers", ...routeStrings("select.common", "select.deadline", "select.notify", "select.reviewers", "setup", "validation") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = await reviewersPage(viewer.claims, params.callId ?? "");
  return { ...page, locale: viewer.locale, timeZone: viewer.timeZone };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = parseForm(await readForm(request), ReviewersIntent);
  // only the track form has fields a person chooses; any other error (an intent or a reviewer the
  // page's buttons do not send) has no field to show it on
  if (!form.ok && Object.keys(form.errors).some((field) => !["trackId", "reviewerIds", "email", "userId"].includes(field))) throw badInput();
  if (!form.ok) return invalid(form.errors);
  const callId = params.callId ?? "";
  const input = form.data;
  if (input.intent === "addMember") {
    const added = await withOutcomes(() => addMemberReviewer(viewer.claims, callId, input.userId));
    if (added === "not_member") return invalid({ userId: "select.reviewers.invite.notMember" });
    return { errors: null, reminded: null, assigned: null, invited: { key: added === "added" ? "added" : "already", email: "" } };
  }
  if (input.intent === "invite") {
    const sent = await withOutcomes(() => inviteReviewer(viewer.claims, callId, input.email, viewer.locale));
    const key = { invited: "invited", already_invited: "alreadyInvited", already_reviewer: "alreadyReviewer" }[sent];
    return { errors: null, reminded: null, assigned: null, invited: { key, email: input.email } };
  }
  if (input.intent === "remind") {
    const reminded = await withOutcomes(() => remindReviewers(viewer.claims, callId, input.reviewerId));
    return { errors: null, reminded, assigned: null, invited: null };
  }
  const outcome = await withOutcomes(() =>
    input.intent === "auto" ? autoAssign(viewer.claims, callId) : assignByTrack(viewer.claims, callId, input.trackId, input.reviewerIds),
  );
  if (outcome === "unknown_track") return invalid({ trackId: "validation.required" });
  return { errors: null, reminded: null, assigned: outcome, invited: null };
}

export default function Reviewers() {
  const { t } = useTranslation();
  const { call, reviewers, assignable, underReviewed, withdrawn, invite, locale, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  const done = result && "assigned" in result ? result : null;
  const trackForm = useZodForm(() => import("~/modules/applications/select/schema").then((m) => m.TrackAssignSchema), errors);
  return (
    <>
      {done?.assigned ? (
        <FormMessage tone="success">
          {t("select.reviewers.assigned_result", { assigned: done.assigned.assigned, conflicts: done.assigned.skippedConflicts })}
          {done.assigned.short > 0 ? ` ${t("select.reviewers.short", { count: done.assigned.short })}` : null}
        </FormMessage>
      ) : null}
      {done?.reminded != null ? <FormMessage tone="success">{t("select.reviewers.reminded", { count: done.reminded })}</FormMessage> : null}
      {done?.invited ? <FormMessage tone="success">{t(`select.reviewers.invite.${done.invited.key}`, { email: done.invited.email })}</FormMessage> : null}
      <p>{t("select.reviewers.lead", { count: assignable, under: underReviewed, n: call.reviewsPerApplication })}</p>
      {withdrawn.recused + withdrawn.abstained > 0 ? <p>{t("select.reviewers.withdrawn", withdrawn)}</p> : null}

      <h2>{t("select.reviewers.progress")}</h2>
      {reviewers.length === 0 ? (
        <p className="empty">{t("select.reviewers.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("select.reviewers.name")}</th>
                {(["assigned", "pending", "submitted", "abstained", "recused"] as const).map((k) => (
                  <th scope="col" className="num" key={k}>
                    {t(`select.reviewers.${k}`)}
                  </th>
                ))}
                <th scope="col">{t("select.reviewers.remindedAt")}</th>
                <th scope="col">{t("select.reviewers.remind")}</th>
              </tr>
            </thead>
            <tbody>
              {reviewers.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.name}
                    {r.guest ? ` (${t("select.reviewers.guest")})` : null}
                  </th>
                  <td className="num">{r.assigned}</td>
                  <td className="num">{r.pending}</td>
                  <td className="num">{r.submitted}</td>
                  <td className="num">{r.abstained}</td>
                  <td className="num">{r.recused}</td>
                  <td>{r.remindedAt ? formatDateTime(r.remindedAt, locale, timeZone) : t("select.common.none")}</td>
                  <td>
                    {r.pending > 0 ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="remind" />
                        <input type="hidden" name="reviewerId" value={r.id} />
                        <button type="submit" className="button secondary" aria-label={t("select.reviewers.remindOne", { name: r.name })}>
                          {t("select.reviewers.remind")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {reviewers.some((r) => r.pending > 0) ? (
        <Form method="post">
          <input type="hidden" name="intent" value="remind" />
          <p>
            <button type="submit" className="button secondary">
              {t("select.reviewers.remindAll")}
            </button>
          </p>
        </Form>
      ) : null}

      <InviteReviewers panel={invite} errors={errors} locale={locale} timeZone={timeZone} />

      <h2>{t("select.reviewers.autoTitle")}</h2>
      <p>{t("select.reviewers.autoLead", { n: call.reviewsPerApplication })}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="auto" />
        <button type="submit" className="button" disabled={reviewers.length === 0}>
          {t("select.reviewers.autoRun")}
        </button>
      </Form>

      {call.tracks.length > 0 && reviewers.length > 0 ? (
        <>
          <h2>{t("select.reviewers.trackTitle")}</h2>
          <p>{t("select.reviewers.trackLead")}</p>
          <Form method="post" noValidate onSubmit={trackForm.onSubmit}>
            <input type="hidden" value="track" {...trackForm.register("intent")} />
            <div className="field">
              <label htmlFor="field-trackId">{t("select.reviewers.track")}</label>
              <select
                id="field-trackId"
                {...trackForm.register("trackId")}
                aria-invalid={trackForm.errorOf("trackId") ? true : undefined}
                aria-describedby={trackForm.errorOf("trackId") ? "trackId-error" : undefined}
              >
                {call.tracks.map((tr) => (
                  <option key={tr.id} value={tr.id}>
                    {tr.name[locale]}
                  </option>
                ))}
              </select>
              {trackForm.errorOf("trackId") ? (
                <p id="trackId-error" className="field-error">
                  {t(trackForm.errorOf("trackId")!)}
                </p>
              ) : null}
            </div>
            <fieldset className="field" aria-describedby={trackForm.errorOf("reviewerIds") ? "reviewerIds-error" : undefined}>
              <legend>{t("select.reviewers.chooseReviewers")}</legend>
              {reviewers.map((r) => (
                <label key={r.id} className="check">
                  <input type="checkbox" value={r.id} {...trackForm.register("reviewerIds")} /> {r.name}
                </label>
              ))}
              {trackForm.errorOf("reviewerIds") ? (
                <p id="reviewerIds-error" className="field-error">
                  {t(trackForm.errorOf("reviewerIds")!)}
                </p>
              ) : null}
            </fieldset>
            <button type="submit" className="button">
              {t("select.reviewers.trackRun")}
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteError;
