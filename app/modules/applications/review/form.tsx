import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextArea, useZodForm, type FieldErrors } from "~/ui/form";
import type { SchemaLoader } from "~/ui/zod-form";
import { inLocale, type Locale } from "~/platform/i18n/i18n";
import { COMMENT_MAX, OVERALL_MAX, RECUSAL_MAX, commentField, levelField } from "./fields";
import type { AbstainSchema, RecuseSchema } from "./schema";
import type { Criterion } from "../types";

type Score = { criterionId: string; level: number; comment: string };

/** One radio group per criterion with its anchored levels, a comment each, an overall comment. */
export function ScoreForm({
  criteria,
  scores,
  overall,
  internal,
  locale,
  errors,
}: {
  criteria: Criterion[];
  scores: Score[];
  overall: string;
  internal: string;
  locale: Locale;
  errors?: FieldErrors;
}) {
  const { t } = useTranslation();
  const form = useZodForm(() => import("./schema").then((m) => m.scoreSchema(criteria)), errors);
  const saved = new Map(scores.map((s) => [s.criterionId, s]));
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} aria-labelledby="scoring-title">
      {criteria.map((c) => {
        const levelName = levelField(c.id);
        const levelError = form.errorOf(levelName);
        const errorId = `${levelName}-error`;
        const descriptions = new Map(c.levels.map((l) => [l.level, l.description[locale]]));
        return (
          <fieldset key={c.id} className="field criterion" aria-describedby={levelError ? errorId : undefined}>
            <legend>
              {c.name[locale]} <span className="tag">({t("review.weight", { weight: c.weight })})</span>
            </legend>
            {inLocale(c.description, locale) ? <p className="hint">{inLocale(c.description, locale)}</p> : null}
            <div className="levels">
              {Array.from({ length: c.maxLevel }, (_, i) => i + 1).map((level) => (
                <label key={level} className="level">
                  <input type="radio" value={String(level)} defaultChecked={saved.get(c.id)?.level === level} {...form.register(levelName)} />
                  <span>
                    <strong>{level}</strong>
                    {descriptions.get(level) ? ` · ${descriptions.get(level)}` : null}
                  </span>
                </label>
              ))}
            </div>
            {levelError ? (
              <p id={errorId} className="field-error">
                {t(levelError)}
              </p>
            ) : null}
            <TextArea
              name={commentField(c.id)}
              label={t("review.commentLabel", { criterion: c.name[locale] })}
              hint={c.commentRequired ? t("review.commentRequiredHint") : t("review.commentOptionalHint")}
              defaultValue={saved.get(c.id)?.comment ?? ""}
              maxLength={COMMENT_MAX}
              required={c.commentRequired}
              register={form.register}
              error={form.errorOf(commentField(c.id))}
            />
          </fieldset>
        );
      })}
      <TextArea
        name="overall"
        label={t("review.overall")}
        hint={t("review.overallHint")}
        defaultValue={overall}
        maxLength={OVERALL_MAX}
        rows={5}
        register={form.register}
        error={form.errorOf("overall")}
      />
      <TextArea
        name="internal"
        label={t("review.internal")}
        hint={t("review.internalHint")}
        defaultValue={internal}
        maxLength={OVERALL_MAX}
        rows={3}
        register={form.register}
        error={form.errorOf("internal")}
      />
      <p className="hint">{t("review.submitHint")}</p>
      <div className="actions">
        <button type="submit" name="intent" value="save" className="button secondary" disabled={form.isSubmitting}>
          {t("review.saveDraft")}
        </button>
        <button type="submit" name="intent" value="submit" className="button" disabled={form.isSubmitting}>
          {t("review.submit")}
        </button>
      </div>
    </Form>
  );
}

/** Abstaining and recusing, each its own small form with a required reason. */
export function StepBackForms({ errors, which, recuseOnly = false }: { errors?: FieldErrors; which: "abstain" | "recuse" | null; recuseOnly?: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="step-back-title">
      <h2 id="step-back-title">{t("review.otherActions")}</h2>
      {recuseOnly ? null : <ReasonForm intent="abstain" schema={() => import("./schema").then((m) => m.AbstainSchema)} field="reason" maxLength={OVERALL_MAX} errors={errors} open={which === "abstain"} />}
      <ReasonForm intent="recuse" schema={() => import("./schema").then((m) => m.RecuseSchema)} field="recusalReason" maxLength={RECUSAL_MAX} errors={errors} open={which === "recuse"} />
    </section>
  );
}

function ReasonForm({
  intent,
  schema,
  field,
  maxLength,
  errors,
  open,
}: {
  intent: "abstain" | "recuse";
  schema: SchemaLoader<typeof AbstainSchema | typeof RecuseSchema>;
  field: string;
  maxLength: number;
  errors?: FieldErrors;
  open: boolean;
}) {
  const { t } = useTranslation();
  const form = useZodForm(schema, open ? errors : undefined);
  return (
    <details className="card" open={open}>
      <summary>{t(`review.${intent}Title`)}</summary>
      <p>{t(`review.${intent}Lead`)}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <TextArea name={field} label={t(`review.${intent}Reason`)} maxLength={maxLength} register={form.register} error={form.errorOf(field)} required />
        <button type="submit" name="intent" value={intent} className="button secondary">
          {t(`review.${intent}Submit`)}
        </button>
      </Form>
    </details>
  );
}

/** A final review, read-only: the chosen level with its anchor, and the comments. */
export function ReadOnlyScores({
  criteria,
  scores,
  overall,
  internal = "",
  locale,
}: {
  criteria: Criterion[];
  scores: Score[];
  overall: string;
  internal?: string;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const saved = new Map(scores.map((s) => [s.criterionId, s]));
  return (
    <dl className="scores">
      {criteria.map((c) => {
        const s = saved.get(c.id);
        const description = s ? (c.levels.find((l) => l.level === s.level)?.description[locale] ?? "") : "";
        return (
          <div key={c.id}>
            <dt>{c.name[locale]}</dt>
            <dd>{s ? t("review.levelChosen", { level: s.level, description }) : t("review.notScored")}</dd>
            {s?.comment ? <dd className="comment">{s.comment}</dd> : null}
          </div>
        );
      })}
      {overall ? (
        <div>
          <dt>{t("review.overall")}</dt>
          <dd className="comment">{overall}</dd>
        </div>
      ) : null}
      {internal ? (
        <div>
          <dt>{t("review.internal")}</dt>
          <dd className="comment">{internal}</dd>
        </div>
      ) : null}
    </dl>
  );
}
