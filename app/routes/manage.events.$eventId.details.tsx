import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { refusal, runCommand } from "~/modules/events/setup/actions.server";
import { EventForm } from "~/modules/events/setup/event-form";
import { eventDetails, setPublished, updateEvent } from "~/modules/events/setup/events.server";
import { answerFor } from "~/modules/events/setup/fields";
import { COVER_MAX_BYTES } from "~/modules/events/setup/choices";
import { tabMeta } from "~/modules/events/setup/tabs";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { formToObject, oversizeFile, readForm } from "~/platform/http/form.server";
import { FormMessage } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = tabMeta("events.setup.tabs.details");

export const handle = routeStrings("events.kinds", "events.page", "events.setup", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return withOutcomes(() => eventDetails(viewer.claims, params.eventId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const cover = form.get("cover");
  if (form.get("intent") === "update" && oversizeFile(form, COVER_MAX_BYTES)) return refusal("update", null, { cover: "validation.imageTooBig" }, formToObject(form));
  return runCommand(viewer.claims, params.eventId ?? "", form, {
    update: (claims, eventId, input) => updateEvent(claims, eventId, input, cover instanceof File ? cover : null),
    publish: setPublished,
  });
}

export default function EventDetailsPage() {
  const { t } = useTranslation();
  const details = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const publish = answerFor(result, "publish");
  return (
    <>
      {search.get("created") ? <FormMessage tone="info">{t("events.setup.created")}</FormMessage> : null}
      {result?.errors && !answerFor(result, "update") && !publish ? <FormMessage tone="error">{t("validation.formErrors")}</FormMessage> : null}
      <div className="setup-columns">
        <section className="card setup-section" aria-labelledby="details-heading">
          <h2 id="details-heading">{t("events.setup.tabs.details")}</h2>
          <EventForm
            key={`${details.values.slug}-${details.values.startsAt}-${details.values.coverUrl}`}
            values={details.values}
            orgs={[{ id: details.orgId, name: { vi: "", en: "" }, timeZone: String(details.values.timeZone), spaces: details.spaces }]}
            answer={answerFor(result, "update")}
            submitLabel={t("events.setup.save")}
          />
        </section>
        <section className="card setup-section" aria-labelledby="publish-heading">
          <h2 id="publish-heading">{t("events.setup.publish.heading")}</h2>
          <p>{t(details.published ? "events.setup.publish.published" : "events.setup.publish.draft")}</p>
          <p className="hint">{t("events.setup.publish.rule")}</p>
          {publish?.errors ? (
            <FormMessage tone="error">{t(Object.values(publish.errors)[0] ?? "validation.formErrors")}</FormMessage>
          ) : publish ? (
            <FormMessage tone="success">{t(details.published ? "events.setup.publish.done" : "events.setup.publish.undone")}</FormMessage>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="published" value={details.published ? "false" : "true"} />
            <button type="submit" className={details.published ? "button secondary" : "button"}>
              {t(details.published ? "events.setup.publish.unpublish" : "events.setup.publish.publish")}
            </button>
          </Form>
        </section>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteError;
