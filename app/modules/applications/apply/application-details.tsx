import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/platform/i18n/format";
import type { ApplicationView, TimelineEvent } from "./status.server";
import { AnswerText, useBilingual } from "./ui";
import { useViewerZone } from "~/ui/locale";

function eventLabel(t: (k: string, o?: Record<string, unknown>) => string, e: TimelineEvent) {
  switch (e.kind) {
    case "status":
      return t(`apply.timeline.status.${e.toValue}`);
    case "stage":
      return t("apply.timeline.stage", { stage: t(`apply.stages.${e.toValue}`) });
    case "decision":
      return e.toValue ? t(`apply.timeline.decision.${e.toValue}`) : t("apply.timeline.decisionCleared");
    case "offer":
      return t(`apply.timeline.offer.${e.toValue}`);
    case "feedback":
      return e.toValue === "true" ? t("apply.timeline.feedback") : t("apply.timeline.feedbackHidden");
    default:
      return e.kind;
  }
}

/** The status timeline, released reviewer feedback (numbered, not named) and the answers. */
export function ApplicationDetails({ application: a }: { application: ApplicationView }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const { locale, timeZone } = useViewerZone();
  const when = (at: string) => formatDateTime(at, locale, timeZone);
  const hasSubmitEvent = a.events.some((e) => e.kind === "status" && e.toValue === "submitted");
  const entries: { at: string; label: string }[] = [
    { at: a.createdAt, label: t("apply.timeline.started") },
    ...(a.submittedAt && !hasSubmitEvent ? [{ at: a.submittedAt, label: t("apply.timeline.status.submitted") }] : []),
    ...a.events.map((e) => ({ at: e.at, label: eventLabel(t, e) })),
  ].sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
  return (
    <>
      <h2>{t("apply.timeline.title")}</h2>
      <ol className="timeline">
        {entries.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{when(e.at)}</time> · {e.label}
          </li>
        ))}
      </ol>
      {a.feedbackReleased && a.reviews.length > 0 ? (
        <>
          <h2>{t("apply.feedback.title")}</h2>
          {a.reviews.map((r) => (
            <table key={r.reviewer} className="table feedback">
              <caption>{t("apply.feedback.reviewer", { n: r.reviewer })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("apply.feedback.criterion")}</th>
                  <th scope="col">{t("apply.feedback.score")}</th>
                  <th scope="col">{t("apply.feedback.comment")}</th>
                </tr>
              </thead>
              <tbody>
                {r.scores.map((s, i) => (
                  <tr key={i}>
                    <td>{pick(s.criterion)}</td>
                    <td>{t("apply.feedback.level", { level: s.level, max: s.maxLevel })}</td>
                    <td className="pre-wrap">{s.comment}</td>
                  </tr>
                ))}
                {r.overall ? (
                  <tr>
                    <td colSpan={2}>{t("apply.feedback.overall")}</td>
                    <td className="pre-wrap">{r.overall}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          ))}
        </>
      ) : null}
      <h2>{t("apply.view.answers")}</h2>
      {a.track ? (
        <p>
          {t("apply.start.track")}: {pick(a.track)}
        </p>
      ) : null}
      <dl className="answers">
        {a.answers.map((q) => (
          <div key={q.id}>
            <dt>{pick(q.label)}</dt>
            <dd>
              {q.kind === "file" ? (
                q.file ? (
                  <a href={`/applications/${a.id}/files/${q.file.id}`}>{q.file.name}</a>
                ) : (
                  <span className="muted">{t("apply.noAnswer")}</span>
                )
              ) : (
                <AnswerText value={q.value} options={q.options} />
              )}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
