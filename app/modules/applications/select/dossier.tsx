import { useTranslation } from "react-i18next";
import type { Locale } from "~/platform/i18n/i18n";
import { formatDateTime } from "~/platform/i18n/format";
import { repeatedT } from "~/ui/repeated-text";
import { AnswerValue } from "../review/answers";
import { useEventValue } from "./ui";
import type { Dossier } from "./dossier.server";

// The parts of the manager's application page.
export function DossierAnswers({ dossier, locale }: { dossier: Dossier; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <dl className="answers">
      {dossier.answers.map((a) => (
        <div key={a.questionId}>
          <dt>
            {a.label[locale]} {a.blind ? <span className="tag">{t("select.dossier.blind")}</span> : null}
          </dt>
          <dd>
            <AnswerValue applicationId={dossier.application.id} answer={a} locale={locale} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function DossierReviews({ dossier, locale }: { dossier: Dossier; locale: Locale }) {
  // Every row asks for the same few texts (its state, "3 of 5" per criterion, "—"): each kept once per render.
  const t = repeatedT(useTranslation().t);
  const fixed = (n: number | null, digits: number) => (n == null ? t("select.common.none") : n.toFixed(digits));
  if (dossier.reviews.length === 0) return <p>{t("select.dossier.noReviews")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("select.dossier.reviewer")}</th>
            <th scope="col">{t("select.dossier.state")}</th>
            {dossier.criteria.map((c) => (
              <th scope="col" key={c.id}>
                {c.name[locale]}
              </th>
            ))}
            <th scope="col" className="num">{t("select.dossier.total")}</th>
            <th scope="col" className="num">{t("select.ranking.z")}</th>
          </tr>
        </thead>
        <tbody>
          {dossier.reviews.map((r) => (
            <tr key={r.reviewerId}>
              <th scope="row">{r.reviewer}</th>
              <td>
                {t(`select.dossier.states.${r.status}`)}
                {r.reason ? <div className="hint">{t("select.dossier.reason", { reason: r.reason })}</div> : null}
                {r.comment ? <div className="hint">{`${t("select.dossier.overall")}: ${r.comment}`}</div> : null}
                {r.internal ? <div className="hint">{`${t("select.dossier.internal")}: ${r.internal}`}</div> : null}
              </td>
              {dossier.criteria.map((c) => {
                const s = r.scores.find((x) => x.criterionId === c.id);
                return (
                  <td key={c.id}>
                    {s ? t("select.dossier.level", { level: s.level, max: c.maxLevel }) : t("select.common.none")}
                    {s?.comment ? <div className="hint">{s.comment}</div> : null}
                  </td>
                );
              })}
              <td className="num">{fixed(r.total, 2)}</td>
              <td className="num">{fixed(r.z, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DossierTimeline({ dossier, locale }: { dossier: Dossier; locale: Locale }) {
  const { t } = useTranslation();
  const value = useEventValue();
  if (dossier.events.length === 0) return <p>{t("select.dossier.noEvents")}</p>;
  return (
    <ol className="timeline">
      {dossier.events.map((e, i) => (
        <li key={i}>
          <time dateTime={e.at}>{formatDateTime(e.at, locale, dossier.call.timeZone)}</time>{" "}
          {`${t(`select.audit.kinds.${e.kind}`)}: ${value(e.kind, e.from)} → ${value(e.kind, e.to)}`}
          {e.actor ? ` · ${e.actor}` : ""}
        </li>
      ))}
    </ol>
  );
}
