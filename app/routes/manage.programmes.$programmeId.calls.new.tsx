import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createCall, newCallPage } from "~/modules/applications/setup/call-settings.server";
import { answer } from "~/modules/applications/setup/actions.server";
import { answerFor } from "~/modules/applications/setup/ui";
import { CallForm } from "~/modules/applications/setup/forms";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { formToObject, readForm } from "~/platform/http/form.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import type { SerializeFrom } from "@remix-run/node";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((t, d, locale) => t("setup.createCallTitle", { programme: d.name[locale] }));

export const handle = routeStrings("setup", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return withOutcomes(() => newCallPage(viewer.claims, params.programmeId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const input = formToObject(await readForm(request));
  let created: string | null = null;
  const result = await answer("createCall", null, input, async () => {
    const outcome = await createCall(viewer.claims, params.programmeId ?? "", input);
    if (outcome.ok) created = outcome.value.id;
    return outcome;
  });
  return created ? redirect(`/manage/calls/${created}/settings`) : result;
}

export default function NewCall() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const programme = useLoaderData<typeof loader>();
  const result = answerFor(useActionData<typeof action>(), "createCall");
  return (
    <section className="page narrow">
      <p>
        <Link to={`/manage/programmes/${programme.id}`}>{programme.name[lang]}</Link>
      </p>
      <h1>{t("setup.createCallTitle", { programme: programme.name[lang] })}</h1>
      <p className="lead">{t("setup.createCallLead")}</p>
      <CallForm intent="createCall" answer={result} zone={programme.timeZone} submitLabel={t("setup.create")} />
    </section>
  );
}

export const ErrorBoundary = RouteError;
