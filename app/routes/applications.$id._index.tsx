import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OfferSchema } from "~/modules/applications/apply/schema";
import { ApplicationDetails } from "~/modules/applications/apply/application-details";
import { respondToOffer, withdrawApplication } from "~/modules/applications/apply/actions.server";
import { applicationForFounder } from "~/modules/applications/apply/status.server";
import { Deadline, StatusBadge, useBilingual } from "~/modules/applications/apply/ui";
import { WithdrawButton } from "~/modules/applications/apply/withdraw-button";
import { requireViewer } from "~/platform/auth/guards.server";
import { badInput } from "~/platform/http/errors.server";
import { parseForm, readForm } from "~/platform/http/form.server";
import { FormMessage } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import type { SerializeFrom } from "@remix-run/node";
import { requireId } from "~/platform/ids.server";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((t, d) => t("apply.view.title", { startup: d.application.startupName }));

export const handle = routeStrings("apply.blind", "apply.callZone", "apply.decision", "apply.errors", "apply.feedback", "apply.noAnswer", "apply.offer", "apply.outcomes", "apply.reference", "apply.stages", "apply.start", "apply.status", "apply.timeline", "apply.view", "apply.withdraw", "apply.zoned");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const application = await applicationForFounder(viewer.claims, requireId(params.id));
  return { application, now: new Date().toISOString() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const id = requireId(params.id);
  const form = parseForm(await readForm(request), OfferSchema);
  // the page's buttons post one of three intents: anything else was not sent from it
  if (!form.ok) throw badInput();
  if (form.data.intent === "withdraw") {
    const outcome = await withdrawApplication(viewer.claims, id);
    return { errors: null, message: outcome === "withdrawn" ? "apply.outcomes.withdrawn" : "apply.errors.cannotWithdraw", ok: outcome === "withdrawn" };
  }
  const outcome = await respondToOffer(viewer.claims, id, form.data.intent === "confirm");
  return { errors: null, message: `apply.outcomes.${outcome}`, ok: outcome === "confirmed" || outcome === "declined" };
}

export default function ApplicationStatus() {
  const { t } = useTranslation();
  const pick = useBilingual();
  const { application: a, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const offerOpen = a.status === "submitted" && a.decision === "accepted" && !a.offerResponse;
  const offerExpired = offerOpen && !!a.offerExpiresAt && Date.parse(a.offerExpiresAt) <= Date.parse(now);
  return (
    <section className="page">
      <p className="tag">
        <Link to={`/calls/${a.call.slug}`}>{pick(a.call.title)}</Link> · {pick(a.call.programmeName)}
      </p>
      <h1>{t("apply.view.title", { startup: a.startupName })}</h1>
      <p>
        {t("apply.reference", { code: a.code })} · <StatusBadge status={a.status} decision={a.decision} />
      </p>
      {search.has("submitted") ? <FormMessage tone="success">{t("apply.outcomes.submitted")}</FormMessage> : null}
      {search.has("already_submitted") ? <FormMessage tone="info">{t("apply.outcomes.alreadySubmitted")}</FormMessage> : null}
      {result?.message ? <FormMessage tone={"ok" in result && result.ok ? "success" : "error"}>{t(result.message)}</FormMessage> : null}
      {a.status === "draft" ? (
        <p className="callout">
          {t("apply.view.draftNote")} <Link to={`/applications/${a.id}/edit`}>{t("apply.view.continue")}</Link>
        </p>
      ) : null}
      {offerOpen ? (
        <section className="card offer" aria-labelledby="offer-title">
          <h2 id="offer-title">{t("apply.offer.title")}</h2>
          <p>{t("apply.offer.lead", { programme: pick(a.call.programmeName) })}</p>
          {a.offerExpiresAt ? (
            <p>
              {t("apply.offer.deadline")}: <Deadline at={a.offerExpiresAt} callZone={a.call.timeZone} />
            </p>
          ) : null}
          {offerExpired ? (
            <FormMessage tone="error">{t("apply.outcomes.offer_expired")}</FormMessage>
          ) : (
            <div className="actions">
              <Form method="post">
                <input type="hidden" name="intent" value="confirm" />
                <button type="submit" className="button">
                  {t("apply.offer.confirm")}
                </button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="decline" />
                <button type="submit" className="button secondary">
                  {t("apply.offer.decline")}
                </button>
              </Form>
            </div>
          )}
        </section>
      ) : null}
      <ApplicationDetails application={a} />
      {(a.status === "draft" || a.status === "submitted") && !a.decision ? <WithdrawButton /> : null}
    </section>
  );
}

export const ErrorBoundary = RouteError;
