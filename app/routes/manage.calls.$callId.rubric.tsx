import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CriterionEditor } from "~/modules/applications/setup/criterion-editor";
import { runCommand } from "~/modules/applications/setup/actions.server";
import { answerFor, Outcome, RowActions, Section } from "~/modules/applications/setup/ui";
import { addCriterion, moveCriterion, removeCriterion, rubricBuilderPage, updateCriterion } from "~/modules/applications/setup/rubric-builder.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { readForm } from "~/platform/http/form.server";
import { RouteError } from "~/ui/route-error";
import type { CallSection } from "./manage.calls.$callId";
import { routeStrings } from "~/platform/i18n/strings-client";

export const handle: CallSection = { section: "setup.tabs.rubric", ...routeStrings("setup", "validation") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = await withOutcomes(() => rubricBuilderPage(viewer.claims, params.callId ?? ""));
  return { ...page, editing: new URL(request.url).searchParams.get("edit") };
}

const commands = { addCriterion, updateCriterion, moveCriterion, removeCriterion };

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const { intent, result } = await runCommand(viewer.claims, params.callId ?? "", await readForm(request), commands);
  if (intent === "updateCriterion" && result.init?.status !== 400) return redirect(`/manage/calls/${params.callId}/rubric`);
  return result;
}

export default function RubricBuilderPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { call, criteria, editing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  const edited = criteria.find((c) => c.id === editing) ?? null;
  const here = `/manage/calls/${call.id}/rubric`;
  const removal = answerFor(result, "removeCriterion", (result as { id?: string } | undefined)?.id ?? null);
  return (
    <>
      <p className="hint">{t("setup.rubric.lead")}</p>
      <Outcome answer={removal} />
      {criteria.length === 0 ? <p className="empty">{t("setup.rubric.none")}</p> : null}
      <ol className="setup-list">
        {criteria.map((c, i) => (
          <li key={c.id} className="card">
            <h2 className="h3">{c.name[lang]}</h2>
            <p className="tag">
              {t("setup.rubric.weightShare", { weight: c.weight, percent: total > 0 ? Math.round((1000 * c.weight) / total) / 10 : 0 })} ·{" "}
              {t("setup.rubric.levels", { max: c.maxLevel })} · {c.commentRequired ? t("setup.rubric.commentRequired") : t("setup.rubric.commentOptional")}
              {c.scores > 0 ? ` · ${t("setup.rubric.scores", { count: c.scores })}` : ""}
            </p>
            {c.description[lang] ? <p>{c.description[lang]}</p> : null}
            {c.levels.length > 0 ? (
              <dl className="levels">
                {c.levels.map((l) => (
                  <div key={l.level}>
                    <dt>{l.level}</dt>
                    <dd>{l.description[lang]}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            <RowActions here={here} id={c.id} index={i} count={criteria.length} item="Criterion" />
          </li>
        ))}
      </ol>
      <div id="editor">
        <Section title={edited ? t("setup.rubric.editTitle") : t("setup.rubric.add")}>
          <CriterionEditor
            key={edited ? edited.id : `new-${criteria.length}`}
            criterion={edited}
            answer={edited ? answerFor(result, "updateCriterion", edited.id) : answerFor(result, "addCriterion")}
            cancelTo={here}
          />
        </Section>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteError;
