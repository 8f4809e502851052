import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { offeringCallHeading } from "~/modules/applications/setup/call-settings.server";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DossierAnswers, DossierReviews, DossierTimeline } from "~/modules/applications/select/dossier";
import { addNote, applicationDossier } from "~/modules/applications/select/dossier.server";
import { decide, undoDecision } from "~/modules/applications/select/decisions.server";
import { deadlineField, decideRefusal, type DecideRefusal } from "~/modules/applications/select/decision-answer";
import { DecideFields, WarnedList, WarningList } from "~/modules/applications/select/decision-fields";
import { DECISIONS } from "~/modules/applications/select/choices";
import { DossierIntent, RankingQuerySchema } from "~/modules/applications/select/schema";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { formatDateTime } from "~/platform/i18n/format";
import { requireId } from "~/platform/ids.server";
import { FormMessage } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import type { CallSection } from "./manage.calls.$callId";
import { routeStrings } from "~/platform/i18n/strings-client";

export const handle: CallSection = { section: "setup.tabs.application", ...routeStrings("review", "select", "setup", "startups", "validation") };

export const meta = titled<SerializeFrom<typeof loader>>((_t, d) => `${d.dossier.application.code} · ${d.dossier.application.startup}`);

export function loader({ request, params }: LoaderFunctionArgs) {
  return offeringCallHeading(request, params.callId ?? "", async (alongside) => {
    const viewer = await requireViewer(request);
    // Previous and next follow the ranking page the manager came from: its sort and filters ride along in the query string.
    const { page: _page, ...order } = RankingQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const dossier = await applicationDossier(viewer.claims, params.callId ?? "", params.applicationId ?? "", order, alongside);
    return { dossier, locale: viewer.locale, deadline: deadlineField(dossier.call.timeZone, dossier.call.offerDays) };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = parseForm(await readForm(request), DossierIntent);
  if (!form.ok) return invalid(form.errors);
  const [callId, id] = [params.callId ?? "", requireId(params.applicationId)];
  if (form.data.intent === "note") {
    await addNote(viewer.claims, callId, id, form.data.body);
    return { errors: null, message: "select.dossier.noted" };
  }
  if (form.data.intent === "undo") {
    const undone = await withOutcomes(() => undoDecision(viewer.claims, callId, id));
    return { errors: null, message: undone ? "select.notify.undone" : "select.notify.notUndone" };
  }
  const { decision, ...options } = form.data;
  const outcome = await withOutcomes(() => decide(viewer.claims, callId, [id], decision, options));
  const refusal = decideRefusal(outcome);
  if (refusal) return data({ ...refusal, message: null }, { status: 400 });
  return { errors: null, message: outcome.kind === "done" && outcome.changed > 0 ? "select.dossier.decided" : "select.dossier.unchanged" };
}

export default function ApplicationDossier() {
  const { t } = useTranslation();
  const { dossier, locale, deadline } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { application: a, call, neighbours, totals, decide: controls } = dossier;
  const errors = result?.errors ?? null;
  const warned = (result as { warned?: DecideRefusal["warned"] } | undefined)?.warned;
  const base = `/manage/calls/${call.id}`;
  const { search } = useLocation();
  return (
    <>
      <p>
        <Link to={`${base}/ranking${search}`}>{t("select.dossier.back")}</Link>
      </p>
      <h2>{t("select.dossier.title", { code: a.code, startup: a.startup })}</h2>
      <nav aria-label={t("select.ranking.caption")} className="pager">
        {neighbours.prev ? <Link to={`${base}/applications/${neighbours.prev}${search}`}>{t("select.dossier.prev")}</Link> : null}{" "}
        {neighbours.next ? <Link to={`${base}/applications/${neighbours.next}${search}`}>{t("select.dossier.next")}</Link> : null}
      </nav>
      {result?.message ? <FormMessage tone="success">{t(result.message)}</FormMessage> : null}
      {errors ? (
        <FormMessage tone="error">
          {errors.confirmWarnings ? t(errors.confirmWarnings) : t("validation.formErrors")}
          {warned ? <WarnedList warned={warned} required={call.reviewsPerApplication} threshold={call.shortlistThreshold} /> : null}
        </FormMessage>
      ) : null}

      <h2>{t("select.dossier.facts")}</h2>
      <ul className="facts">
        <li>{`${t("select.ranking.stage")}: ${t(`select.stages.${a.stage}`)}`}</li>
        <li>{`${t("select.ranking.decision")}: ${a.decision ? t(`select.decisions.${a.decision}`) : t("select.common.none")}${a.offerResponse ? ` · ${t(`select.offer.${a.offerResponse}`)}` : ""}`}</li>
        {controls.pending ? <li>{t("select.dossier.pending", { decision: t(`select.decisions.${controls.pending.decision}`) })}</li> : null}
        {a.submittedAt ? <li>{`${t("select.dossier.submitted")}: ${formatDateTime(a.submittedAt, locale, call.timeZone)}`}</li> : null}
        {a.track ? <li>{`${t("select.dossier.track")}: ${a.track[locale]}`}</li> : null}
        <li>
          {totals
            ? t("select.dossier.totals", { raw: totals.raw.toFixed(2), z: totals.z == null ? t("select.common.none") : totals.z.toFixed(3), count: totals.reviews })
            : t("select.dossier.noTotals")}
        </li>
      </ul>

      <h2>{t("select.dossier.decide")}</h2>
      <WarningList warnings={controls.warnings} required={call.reviewsPerApplication} threshold={call.shortlistThreshold} />
      <Form method="post" className="actions-bar">
        <input type="hidden" name="intent" value="decide" />
        <p className="hint">{t("select.dossier.decideLead")}</p>
        <DecideFields
          idPrefix="decide"
          zone={call.timeZone}
          offerDays={call.offerDays}
          deadline={deadline}
          errors={errors}
          includeMessageDefault
        />
        {DECISIONS.map((d) => (
          <button key={d} type="submit" name="decision" value={d} className="button secondary">
            {t(`select.decisions.${d}`)}
          </button>
        ))}
      </Form>
      {controls.pending ? (
        <Form method="post">
          <input type="hidden" name="intent" value="undo" />
          <input type="hidden" name="applicationId" value={a.id} />
          <button type="submit" className="button secondary">
            {t("select.dossier.undo")}
          </button>
        </Form>
      ) : null}

      <h2>{t("select.dossier.reviews")}</h2>
      <DossierReviews dossier={dossier} locale={locale} />
      <h2>{t("select.dossier.answers")}</h2>
      <DossierAnswers dossier={dossier} locale={locale} />
      <h2>{t("select.dossier.timeline")}</h2>
      <DossierTimeline dossier={dossier} locale={locale} />

      <h2>{t("select.dossier.notes")}</h2>
      <p className="hint">{t("select.dossier.notesLead")}</p>
      {dossier.notes.length === 0 ? <p>{t("select.dossier.noNotes")}</p> : null}
      <ul className="notes">
        {dossier.notes.map((n) => (
          <li key={n.id}>
            <strong>{n.author}</strong> · <time dateTime={n.at}>{formatDateTime(n.at, locale, call.timeZone)}</time>
            <p className="answer-text">{n.body}</p>
          </li>
        ))}
      </ul>
      <Form method="post">
        <input type="hidden" name="intent" value="note" />
        <div className="field">
          <label htmlFor="note-body">{t("select.dossier.note")}</label>
          <textarea id="note-body" name="body" rows={3} maxLength={4000} required aria-invalid={result?.errors?.body ? true : undefined} />
          {result?.errors?.body ? <p className="field-error">{t(result.errors.body)}</p> : null}
        </div>
        <button type="submit" className="button">
          {t("select.dossier.save")}
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
