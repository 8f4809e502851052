import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/ui/form";
import type { Draft } from "./drafts.server";
import { AnswerText, useBilingual } from "./ui";

/** Everything before submit, with the required answers still missing listed and linked. */
export function ReviewStep({ draft, submitKey, message }: { draft: Draft; submitKey: string; message: string | null }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const navigation = useNavigation();
  const hasAnswer = (id: string) => {
    const v = draft.answers[id];
    return (v != null && v !== "" && !(Array.isArray(v) && v.length === 0)) || draft.files.some((f) => f.questionId === id);
  };
  const missing = draft.questions.filter((q) => q.required && !hasAnswer(q.id));
  const steps = [...new Set(draft.questions.map((q) => q.step))].sort((a, b) => a - b);
  const track = draft.tracks.find((tr) => tr.id === draft.application.trackId);
  const stepLabel = (n: number) => {
    const title = draft.call.stepTitles[String(n)];
    return title ? t("apply.form.namedStep", { n, title: pick(title) }) : t("apply.form.step", { n });
  };
  return (
    <>
      <h2>{t("apply.form.reviewStep")}</h2>
      {message ? <FormMessage tone="error">{t(message)}</FormMessage> : null}
      {missing.length > 0 ? (
        <div className="alert error" role="alert">
          <p>{t("apply.form.missing", { count: missing.length })}</p>
          <ul>
            {missing.map((q) => (
              <li key={q.id}>
                <Link to={`?step=${q.step}`}>
                  {pick(q.label)} ({stepLabel(q.step)})
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {track ? (
        <p>
          {t("apply.start.track")}: {pick(track.name)}
        </p>
      ) : null}
      {steps.map((s) => (
        <section key={s} className="card review-section">
          <h3>
            {stepLabel(s)} · <Link to={`?step=${s}`}>{t("apply.form.editStep", { n: s })}</Link>
          </h3>
          <dl className="answers">
            {draft.questions
              .filter((q) => q.step === s)
              .map((q) => {
                const file = draft.files.find((f) => f.questionId === q.id);
                return (
                  <div key={q.id}>
                    <dt>{pick(q.label)}</dt>
                    <dd>
                      {q.kind === "file" ? (
                        file ? (
                          <a href={`/applications/${draft.application.id}/files/${file.id}`}>{file.originalName}</a>
                        ) : (
                          <span className="muted">{t("apply.noAnswer")}</span>
                        )
                      ) : (
                        <AnswerText value={draft.answers[q.id] ?? null} options={q.options} />
                      )}
                    </dd>
                  </div>
                );
              })}
          </dl>
        </section>
      ))}
      <Form method="post">
        <input type="hidden" name="intent" value="submit" />
        <input type="hidden" name="submitKey" value={submitKey} />
        <p className="hint">{t("apply.form.submitHint")}</p>
        <button type="submit" className="button" disabled={missing.length > 0 || navigation.state === "submitting"}>
          {t("apply.form.submit")}
        </button>
      </Form>
    </>
  );
}
