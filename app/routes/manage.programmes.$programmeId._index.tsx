import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { answer, intentOf } from "~/modules/applications/setup/actions.server";
import { cloneCall } from "~/modules/applications/setup/clone.server";
import { answerFor, Outcome, When } from "~/modules/applications/setup/ui";
import { programmePage, updateProgramme } from "~/modules/applications/setup/programmes.server";
import { ProgrammeForm } from "~/modules/applications/setup/forms";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { formToObject, readForm } from "~/platform/http/form.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import type { SerializeFrom } from "@remix-run/node";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((_t, d, locale) => d.programme.name[locale]);

export const handle = routeStrings("mentoring.audit", "mentoring.profiles", "mentoring.report", "setup", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return withOutcomes(() => programmePage(viewer.claims, params.programmeId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const input = formToObject(form);
  const programmeId = params.programmeId ?? "";
  if (intentOf(form) === "cloneCall") {
    // A copy opens on its settings page, where its dates and address are checked before publishing.
    let created: string | null = null;
    const result = await answer("cloneCall", null, input, async () => {
      const outcome = await cloneCall(viewer.claims, programmeId, input);
      if (outcome.ok) created = outcome.value.id;
      return outcome;
    });
    return created ? redirect(`/manage/calls/${created}/settings`) : result;
  }
  return answer("updateProgramme", null, input, () => updateProgramme(viewer.claims, programmeId, input));
}

export default function ProgrammePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { programme, calls } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = answerFor(actionData, "updateProgramme");
  const cloned = answerFor(actionData, "cloneCall");
  return (
    <section className="page">
      <p>
        <Link to="/manage">{t("setup.backToManage")}</Link>
      </p>
      <p className="tag">{programme.orgName[lang]}</p>
      <h1>{programme.name[lang]}</h1>
      <h2>{t("setup.calls")}</h2>
      <Outcome answer={cloned} />
      {calls.length === 0 ? (
        <p className="empty">{t("setup.noCalls")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("setup.calls")}</th>
              <th scope="col">{t("setup.opens")}</th>
              <th scope="col">{t("setup.closes")}</th>
              <th scope="col">{t("setup.callOverview.applications")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("setup.copyCall")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {calls.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/manage/calls/${c.id}`}>{c.title[lang]}</Link>
                  <br />
                  <span className={`status status-${c.status}`}>{t(`setup.status.${c.status}`)}</span>
                </td>
                <td>
                  <When at={c.opensAt} zone={c.timeZone} />
                </td>
                <td>
                  <When at={c.closesAt} zone={c.timeZone} />
                </td>
                <td>{t("setup.counts", { drafts: c.drafts, submitted: c.submitted })}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="cloneCall" />
                    <input type="hidden" name="id" value={c.id} />
                    <button type="submit" className="button secondary" aria-label={t("setup.copyCallNamed", { title: c.title[lang] })}>
                      {t("setup.copyCall")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link to={`/manage/programmes/${programme.id}/calls/new`} className="button">
          {t("setup.newCall")}
        </Link>
      </p>
      <h2>{t("setup.tabs.cohort")}</h2>
      <p>
        {t("setup.cohort.lead")} <Link to={`/manage/programmes/${programme.id}/cohort`}>{t("setup.cohort.link")}</Link>
      </p>
      <h2>{t("mentoring.profiles.programme.section")}</h2>
      <p>
        {t("mentoring.profiles.programme.sectionLead")} <Link to={`/manage/programmes/${programme.id}/mentors`}>{t("mentoring.profiles.programme.link")}</Link> ·{" "}
        <Link to={`/manage/programmes/${programme.id}/matching`}>{t("mentoring.profiles.programme.matchingLink")}</Link> ·{" "}
        <Link to={`/manage/programmes/${programme.id}/mentoring`}>{t("mentoring.report.link")}</Link> ·{" "}
        <Link to={`/manage/programmes/${programme.id}/mentoring-log`}>{t("mentoring.audit.link")}</Link>
      </p>
      <h2>{t("setup.editProgrammeTitle")}</h2>
      <div className="narrow">
        <ProgrammeForm intent="updateProgramme" answer={result} values={programme} submitLabel={t("setup.save")} />
      </div>
    </section>
  );
}

export const ErrorBoundary = RouteError;
