import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { addQuestion, formBuilderPage, moveQuestion, nameStep, removeQuestion, updateQuestion } from "~/modules/applications/setup/form-builder.server";
import { runCommand } from "~/modules/applications/setup/actions.server";
import { answerFor, Outcome, RowActions, Section } from "~/modules/applications/setup/ui";
import { QuestionEditor } from "~/modules/applications/setup/question-editor";
import { StepTitleForm } from "~/modules/applications/setup/step-title-form";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { readForm } from "~/platform/http/form.server";
import { RouteError } from "~/ui/route-error";
import type { CallSection } from "./manage.calls.$callId";
import { routeStrings } from "~/platform/i18n/strings-client";

export const handle: CallSection = { section: "setup.tabs.form", ...routeStrings("setup", "validation") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = await withOutcomes(() => formBuilderPage(viewer.claims, params.callId ?? ""));
  return { ...page, editing: new URL(request.url).searchParams.get("edit") };
}

const commands = { addQuestion, updateQuestion, moveQuestion, removeQuestion, nameStep };

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const { intent, result } = await runCommand(viewer.claims, params.callId ?? "", await readForm(request), commands);
  // A saved edit goes back to the list; everything else stays to show its outcome.
  if (intent === "updateQuestion" && result.init?.status !== 400) return redirect(`/manage/calls/${params.callId}/form`);
  return result;
}

export default function FormBuilderPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { call, questions, locked, editing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const steps = [...new Set(questions.map((q) => q.step))];
  const edited = questions.find((q) => q.id === editing) ?? null;
  const here = `/manage/calls/${call.id}/form`;
  const removal = answerFor(result, "removeQuestion", (result as { id?: string } | undefined)?.id ?? null);
  return (
    <>
      <p className="hint">{t("setup.form.lead")}</p>
      {locked ? <p className="callout">{t("setup.form.lockedNote")}</p> : null}
      <Outcome answer={removal} />
      {questions.length === 0 ? <p className="empty">{t("setup.form.none")}</p> : null}
      {steps.map((step) => {
        const inStep = questions.filter((q) => q.step === step);
        const title = call.stepTitles[String(step)];
        return (
          <section key={step} aria-labelledby={`step-${step}`}>
            <h2 id={`step-${step}`}>{title ? t("setup.form.namedStep", { n: step, title: title[lang] }) : t("setup.form.step", { n: step })}</h2>
            <StepTitleForm step={step} title={title} result={result} />
            <ol className="setup-list">
              {inStep.map((q, i) => (
                <li key={q.id} className="card">
                  <h3>{q.label[lang]}</h3>
                  <p className="tag">
                    {t(`setup.form.kinds.${q.kind}`)} · {q.required ? t("setup.form.required") : t("setup.form.optional")}
                    {q.blind ? ` · ${t("setup.form.blindTag")}` : ""}
                    {q.eligibilityValues ? ` · ${t("setup.form.eligibleTag")}: ${q.eligibilityValues.join(", ")}` : ""}
                    {q.answers > 0 ? ` · ${t("setup.form.answers", { count: q.answers })}` : ""}
                  </p>
                  {q.options.length > 0 ? <p className="tag">{q.options.map((o) => `${o[lang]} (${o.value})`).join(" · ")}</p> : null}
                  <RowActions here={here} id={q.id} index={i} count={inStep.length} item="Question" />
                </li>
              ))}
            </ol>
          </section>
        );
      })}
      <div id="editor">
        <Section title={edited ? t("setup.form.editTitle") : t("setup.form.add")}>
          <QuestionEditor
            key={edited ? edited.id : `new-${questions.length}`}
            question={edited}
            answer={edited ? answerFor(result, "updateQuestion", edited.id) : answerFor(result, "addQuestion")}
            cancelTo={here}
          />
        </Section>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteError;
