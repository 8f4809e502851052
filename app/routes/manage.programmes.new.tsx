import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { answer } from "~/modules/applications/setup/actions.server";
import { answerFor } from "~/modules/applications/setup/ui";
import { createProgramme, programmeOrgChoices } from "~/modules/applications/setup/programmes.server";
import { ProgrammeForm } from "~/modules/applications/setup/forms";
import { requireViewer } from "~/platform/auth/guards.server";
import { formToObject, readForm } from "~/platform/http/form.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("setup.createProgrammeTitle");

export const handle = routeStrings("setup", "validation");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const orgs = await programmeOrgChoices(viewer.claims);
  const wanted = new URL(request.url).searchParams.get("org");
  return { orgs, orgId: orgs.find((o) => o.id === wanted)?.id ?? orgs[0]?.id };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const input = formToObject(await readForm(request));
  let created: string | null = null;
  const result = await answer("createProgramme", null, input, async () => {
    const outcome = await createProgramme(viewer.claims, input);
    if (outcome.ok) created = outcome.value.id;
    return outcome;
  });
  return created ? redirect(`/manage/programmes/${created}`) : result;
}

export default function NewProgramme() {
  const { t } = useTranslation();
  const { orgs, orgId } = useLoaderData<typeof loader>();
  const result = answerFor(useActionData<typeof action>(), "createProgramme");
  return (
    <section className="page narrow">
      <p>
        <Link to="/manage">{t("setup.backToManage")}</Link>
      </p>
      <h1>{t("setup.createProgrammeTitle")}</h1>
      {orgs.length === 0 ? (
        <div className="empty">
          <p>{t("setup.noOrgs")}</p>
          <p>{t("setup.noOrgsNext")}</p>
        </div>
      ) : (
        <ProgrammeForm intent="createProgramme" answer={result} orgs={orgs} orgId={orgId} submitLabel={t("setup.create")} />
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
