import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Outcome, answerFor } from "./ui";
import { Input, useSetupForm } from "./setup-form";
import type { Bilingual } from "~/platform/i18n/i18n";

/** A step's title, in one or both languages; emptied, the step reads "Step n" again. */
export function StepTitleForm({ step, title, result }: { step: number; title: Bilingual | undefined; result: unknown }) {
  const { t } = useTranslation();
  const answer = answerFor(result, "nameStep", `step-${step}`);
  const form = useSetupForm(() => import("./schema").then((m) => m.StepTitleSchema), answer);
  const p = `step-title-${step}`;
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="field-row">
      <Outcome answer={answer} form={form} />
      <input type="hidden" name="intent" value="nameStep" />
      <input type="hidden" name="id" value={`step-${step}`} />
      <input type="hidden" name="step" value={step} />
      <Input form={form} prefix={p} name="titleVi" label={t("setup.form.stepTitleVi", { n: step })} defaultValue={title?.vi} />
      <Input form={form} prefix={p} name="titleEn" label={t("setup.form.stepTitleEn", { n: step })} defaultValue={title?.en} />
      <button type="submit" className="button secondary small">
        {t("setup.form.nameStep")}
      </button>
    </Form>
  );
}
