import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Outcome, type ActionAnswer } from "./ui";
import { Check, Input, useSetupForm } from "./setup-form";
import type { Criterion } from "../types";

/** Adds or edits a rubric criterion; one pair of level descriptions per level up to the highest. */
export function CriterionEditor({ criterion, answer, cancelTo }: { criterion: Criterion | null; answer: ActionAnswer | null; cancelTo: string }) {
  const { t } = useTranslation();
  const form = useSetupForm(() => import("./schema").then((m) => m.CriterionSchema), answer);
  const p = criterion ? `c-${criterion.id}` : "new-c";
  const watched = Number(form.watch("maxLevel") ?? form.echo("maxLevel") ?? criterion?.maxLevel ?? 5);
  const levels = Number.isInteger(watched) ? Math.min(10, Math.max(2, watched)) : (criterion?.maxLevel ?? 5);
  const described = new Map((criterion?.levels ?? []).map((l) => [l.level, l.description]));
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit}>
      <Outcome answer={answer} form={form} />
      <input type="hidden" name="intent" value={criterion ? "updateCriterion" : "addCriterion"} />
      {criterion ? <input type="hidden" name="id" value={criterion.id} /> : null}
      <Input form={form} prefix={p} name="nameVi" label={t("setup.rubric.fields.nameVi")} defaultValue={criterion?.name.vi} />
      <Input form={form} prefix={p} name="nameEn" label={t("setup.rubric.fields.nameEn")} defaultValue={criterion?.name.en} />
      <Input form={form} prefix={p} name="descriptionVi" label={t("setup.rubric.fields.descriptionVi")} defaultValue={criterion?.description.vi} multiline />
      <Input form={form} prefix={p} name="descriptionEn" label={t("setup.rubric.fields.descriptionEn")} defaultValue={criterion?.description.en} multiline />
      <div className="field-row">
        <Input form={form} prefix={p} name="weight" type="number" step="any" label={t("setup.rubric.fields.weight")} defaultValue={criterion?.weight ?? 1} required />
        <Input form={form} prefix={p} name="maxLevel" type="number" label={t("setup.rubric.fields.maxLevel")} defaultValue={criterion?.maxLevel ?? 5} required />
      </div>
      <Check form={form} prefix={p} name="commentRequired" label={t("setup.rubric.fields.commentRequired")} defaultChecked={criterion?.commentRequired ?? false} />
      <fieldset className="field" aria-describedby={`${p}-levels-hint`}>
        <legend>{t("setup.rubric.fields.levels")}</legend>
        <p id={`${p}-levels-hint`} className="hint">
          {t("setup.rubric.fields.levelsHint")}
        </p>
        {Array.from({ length: levels }, (_, i) => (
          <div key={i} className="field-row">
            <Input form={form} prefix={p} name={`levels.${i}.vi`} label={t("setup.rubric.fields.levelVi", { n: i + 1 })} defaultValue={described.get(i + 1)?.vi} />
            <Input form={form} prefix={p} name={`levels.${i}.en`} label={t("setup.rubric.fields.levelEn", { n: i + 1 })} defaultValue={described.get(i + 1)?.en} />
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button">
        {criterion ? t("setup.save") : t("setup.rubric.add")}
      </button>{" "}
      {criterion ? <Link to={cancelTo}>{t("setup.cancel")}</Link> : null}
    </Form>
  );
}
