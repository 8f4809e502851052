import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage, useZodForm } from "~/ui/form";
import { AnswerField } from "./answer-fields";
import { fieldName, type AnswerValue } from "./fields";
import type { Draft } from "./drafts.server";

const AUTOSAVE_MS = 1500;

/**
 * One step of the application form. "Save and continue" posts the step (with the deck, if any);
 * while the person types, the answers are also saved quietly through a fetcher, so a draft
 * resumes on any device even if they never press the button.
 */
export function StepForm(props: {
  draft: Draft;
  step: number;
  serverErrors?: Record<string, string>;
  message: string | null;
  posted?: Record<string, unknown>;
}) {
  const { t, i18n } = useTranslation();
  const { draft, step } = props;
  const stepTitle = draft.call.stepTitles[String(step)];
  const questions = useMemo(() => draft.questions.filter((q) => q.step === step), [draft.questions, step]);
  const form = useZodForm(() => import("./schema").then((m) => m.stepSchema(questions)), props.serverErrors);
  const hasFile = questions.some((q) => q.kind === "file");
  const fetcher = useFetcher<{ saved: boolean }>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [dirty, setDirty] = useState(false);
  useEffect(() => () => clearTimeout(timer.current), []);

  const autosave = (el: HTMLFormElement) => {
    setDirty(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const data = new FormData(el);
      for (const [key, value] of [...data.entries()]) if (value instanceof File) data.delete(key);
      data.set("intent", "autosave");
      fetcher.submit(data, { method: "post" });
      setDirty(false);
    }, AUTOSAVE_MS);
  };
  const status =
    fetcher.state !== "idle" ? t("apply.form.saving") : dirty ? "" : fetcher.data?.saved ? t("apply.form.autosaved") : fetcher.data ? t("apply.form.autosaveFailed") : "";

  return (
    <>
      <h2>{stepTitle ? t("apply.form.namedStep", { n: step, title: stepTitle[i18n.language === "en" ? "en" : "vi"] }) : t("apply.form.step", { n: step })}</h2>
      {props.message ? <FormMessage tone="error">{t(props.message)}</FormMessage> : null}
      <Form
        method="post"
        encType={hasFile ? "multipart/form-data" : undefined}
        noValidate
        onSubmit={(e) => {
          clearTimeout(timer.current);
          form.onSubmit(e);
        }}
        onChange={(e) => {
          if (!(e.target instanceof HTMLInputElement && e.target.type === "file")) autosave(e.currentTarget);
        }}
      >
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="step" value={step} />
        {questions.map((q) => {
          const file = draft.files.find((f) => f.questionId === q.id);
          return (
            <AnswerField
              key={q.id}
              question={q}
              value={props.posted ? (props.posted[fieldName(q)] as AnswerValue | undefined) : draft.answers[q.id]}
              error={form.errorOf(fieldName(q))}
              register={form.register}
              file={file ? { id: file.id, originalName: file.originalName, href: `/applications/${draft.application.id}/files/${file.id}` } : null}
            />
          );
        })}
        <div className="actions">
          <button type="submit" className="button" disabled={form.isSubmitting}>
            {t("apply.form.saveContinue")}
          </button>
          <p className="hint" role="status" aria-live="polite">
            {status}
          </p>
        </div>
      </Form>
    </>
  );
}
