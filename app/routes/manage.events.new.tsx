import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { refusal } from "~/modules/events/setup/actions.server";
import { EventForm } from "~/modules/events/setup/event-form";
import { createEvent, newEventPage } from "~/modules/events/setup/events.server";
import { COVER_MAX_BYTES } from "~/modules/events/setup/choices";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { formToObject, oversizeFile, readForm, refused } from "~/platform/http/form.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("events.setup.newTitle");

export const handle = routeStrings("events.kinds", "events.setup", "validation");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const orgs = await newEventPage(viewer.claims);
  // the organisation whose "new event" was followed comes first
  const chosen = new URL(request.url).searchParams.get("org");
  return { orgs: [...orgs.filter((o) => o.id === chosen), ...orgs.filter((o) => o.id !== chosen)] };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const input = formToObject(form);
  const cover = form.get("cover");
  const outcome = oversizeFile(form, COVER_MAX_BYTES)
    ? refused({ cover: "validation.imageTooBig" })
    : await withOutcomes(() => createEvent(viewer.claims, input, cover instanceof File ? cover : null));
  if (!outcome.ok) return refusal("create", null, outcome.errors, input);
  return redirect(`/manage/events/${outcome.value.id}/details?created=1`);
}

export default function NewEvent() {
  const { t } = useTranslation();
  const { orgs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="page narrow">
      <h1>{t("events.setup.newTitle")}</h1>
      {orgs.length === 0 ? <p className="empty">{t("events.setup.noOrgs")}</p> : <EventForm values={null} orgs={orgs} answer={result ?? null} submitLabel={t("events.setup.create")} />}
    </section>
  );
}

export const ErrorBoundary = RouteError;
