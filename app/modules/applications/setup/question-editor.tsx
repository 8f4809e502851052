import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CHOICE_KINDS, MAX_OPTIONS, QUESTION_KINDS } from "./choices";
import { Outcome, type ActionAnswer } from "./ui";
import { Check, Input, Select, useSetupForm } from "./setup-form";
import type { Question } from "../types";

/** The form that adds a question, or edits one: fields appear for the kind chosen. */
export function QuestionEditor({ question, answer, cancelTo }: { question: Question | null; answer: ActionAnswer | null; cancelTo: string }) {
  const { t } = useTranslation();
  const form = useSetupForm(() => import("./schema").then((m) => m.QuestionSchema), answer);
  const p = question ? `q-${question.id}` : "new-q";
  const kind = (form.watch("kind") as string | undefined) ?? (form.echo("kind") as string | undefined) ?? question?.kind ?? "text";
  const isChoice = (CHOICE_KINDS as readonly string[]).includes(kind);
  const options = question?.options ?? [];
  const eligible = new Set(question?.eligibilityValues ?? []);
  const rows = Math.min(MAX_OPTIONS, Math.max(options.length + 2, 4));
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit}>
      <Outcome answer={answer} form={form} />
      <input type="hidden" name="intent" value={question ? "updateQuestion" : "addQuestion"} />
      {question ? <input type="hidden" name="id" value={question.id} /> : null}
      <div className="field-row">
        <Select
          form={form}
          prefix={p}
          name="kind"
          label={t("setup.form.fields.kind")}
          defaultValue={question?.kind ?? "text"}
          options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`setup.form.kinds.${k}`) }))}
        />
        <Input form={form} prefix={p} name="step" type="number" label={t("setup.form.fields.step")} defaultValue={question?.step ?? 1} required />
      </div>
      <Input form={form} prefix={p} name="labelVi" label={t("setup.form.fields.labelVi")} defaultValue={question?.label.vi} />
      <Input form={form} prefix={p} name="labelEn" label={t("setup.form.fields.labelEn")} defaultValue={question?.label.en} />
      <Input form={form} prefix={p} name="helpVi" label={t("setup.form.fields.helpVi")} defaultValue={question?.help.vi} multiline />
      <Input form={form} prefix={p} name="helpEn" label={t("setup.form.fields.helpEn")} defaultValue={question?.help.en} multiline />
      <Check form={form} prefix={p} name="required" label={t("setup.form.fields.required")} defaultChecked={question?.required ?? false} />
      <Check form={form} prefix={p} name="blind" label={t("setup.form.fields.blind")} defaultChecked={question?.blind ?? false} />
      {["text", "long_text", "link"].includes(kind) ? (
        <Input form={form} prefix={p} name="maxLength" type="number" label={t("setup.form.fields.maxLength")} defaultValue={question?.maxLength} />
      ) : null}
      {kind === "number" ? (
        <>
          <div className="field-row">
            <Input form={form} prefix={p} name="minNumber" type="number" step="any" label={t("setup.form.fields.minNumber")} defaultValue={question?.minNumber} />
            <Input form={form} prefix={p} name="maxNumber" type="number" step="any" label={t("setup.form.fields.maxNumber")} defaultValue={question?.maxNumber} />
          </div>
          <Input
            form={form}
            prefix={p}
            name="eligibleMin"
            type="number"
            step="any"
            label={t("setup.form.fields.eligibleMin")}
            defaultValue={question?.kind === "number" ? question.eligibilityValues?.[0] : undefined}
          />
        </>
      ) : null}
      {isChoice ? (
        <fieldset className="field" aria-describedby={`${p}-options-hint${form.errorOf("options") ? ` ${p}-options-error` : ""}`}>
          <legend>{t("setup.form.fields.options")}</legend>
          <p id={`${p}-options-hint`} className="hint">
            {t("setup.form.fields.optionsHint")}
          </p>
          {form.errorOf("options") ? (
            <p id={`${p}-options-error`} className="field-error">
              {t(form.errorOf("options")!)}
            </p>
          ) : null}
          {Array.from({ length: rows }, (_, i) => {
            const o = options[i];
            const n = i + 1;
            return (
              <div key={i} className="option-row">
                <Input form={form} prefix={p} name={`options.${i}.value`} label={t("setup.form.fields.optionValue", { n })} defaultValue={o?.value} />
                <Input form={form} prefix={p} name={`options.${i}.vi`} label={t("setup.form.fields.optionVi", { n })} defaultValue={o?.vi} />
                <Input form={form} prefix={p} name={`options.${i}.en`} label={t("setup.form.fields.optionEn", { n })} defaultValue={o?.en} />
                {kind === "choice" ? (
                  <Check form={form} prefix={p} name={`options.${i}.eligible`} label={t("setup.form.fields.optionEligible", { n })} defaultChecked={!!o && eligible.has(o.value)} />
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <button type="submit" className="button">
        {question ? t("setup.save") : t("setup.form.add")}
      </button>{" "}
      {question ? <Link to={cancelTo}>{t("setup.cancel")}</Link> : null}
    </Form>
  );
}
