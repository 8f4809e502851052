import { useTranslation } from "react-i18next";
import type { Locale } from "~/platform/i18n/i18n";
import type { Identity, ReviewAnswer } from "./page.server";

const isHttpUrl = (v: unknown): v is string => typeof v === "string" && /^https?:\/\/\S+$/i.test(v);

/** One answer as it reads on a page (the deck as a link, choices by their label); also the manager's. */
export function AnswerValue({ applicationId, answer, locale }: { applicationId: string; answer: ReviewAnswer; locale: Locale }) {
  const { t } = useTranslation();
  const { kind, value, options, file } = answer;
  if (kind === "file") {
    // The deck opens in a tab of its own, so scores being entered here are not lost; the file
    // route serves it only to those RLS lets read it.
    return file ? (
      <>
        <a href={`/applications/${applicationId}/files/${file.id}`} target="_blank" rel="noopener noreferrer">
          {file.name}
        </a>{" "}
        <span className="tag">{t("review.fileSize", { size: Math.max(1, Math.round(file.sizeBytes / 1024)) })}</span>
      </>
    ) : (
      <span className="tag">{t("review.noFile")}</span>
    );
  }
  if (value === null || value === undefined || value === "") return <span className="tag">{t("review.noAnswer")}</span>;
  const optionLabel = (v: unknown) => options.find((o) => o.value === v)?.[locale] ?? String(v);
  if (kind === "choice") return <>{optionLabel(value)}</>;
  if (kind === "multi_choice") return <>{(Array.isArray(value) ? value : [value]).map(optionLabel).join(", ")}</>;
  if (kind === "link" && isHttpUrl(value)) {
    return (
      <a href={value} rel="noopener noreferrer nofollow" target="_blank">
        {value}
      </a>
    );
  }
  return <span className="answer-text">{String(value)}</span>;
}

/** The answers a reviewer may read (non-blind questions only; RLS drops the others). */
export function ReviewAnswers({
  applicationId,
  answers,
  hiddenQuestions,
  locale,
}: {
  applicationId: string;
  answers: ReviewAnswer[];
  hiddenQuestions: number;
  locale: Locale;
}) {
  const { t } = useTranslation();
  return (
    <>
      {hiddenQuestions > 0 ? <p className="callout">{t("review.hiddenQuestions", { count: hiddenQuestions })}</p> : null}
      <dl className="answers">
        {answers.map((a) => (
          <div key={a.questionId}>
            <dt>{a.label[locale]}</dt>
            <dd>
              <AnswerValue applicationId={applicationId} answer={a} locale={locale} />
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** The startup's identity, or a note that blind review hides it. */
export function StartupIdentity({ identity, blindFields }: { identity: Identity | null; blindFields: string[] }) {
  const { t } = useTranslation();
  const blindOrg = !identity?.name;
  return (
    <>
      {blindOrg ? <p className="callout">{t("review.blindOrganisation")}</p> : null}
      {identity ? (
        <dl className="answers">
          {identity.name ? (
            <div>
              <dt>{t("review.startupName")}</dt>
              <dd>{identity.name}</dd>
            </div>
          ) : null}
          {identity.sector ? (
            <div>
              <dt>{t("review.sector")}</dt>
              <dd>{identity.sector}</dd>
            </div>
          ) : null}
          {identity.stage ? (
            <div>
              <dt>{t("review.stage")}</dt>
              <dd>{t(`startups.stages.${identity.stage}`)}</dd>
            </div>
          ) : null}
          {isHttpUrl(identity.website) ? (
            <div>
              <dt>{t("review.website")}</dt>
              <dd>
                <a href={identity.website} rel="noopener noreferrer nofollow" target="_blank">
                  {identity.website}
                </a>
              </dd>
            </div>
          ) : null}
          {identity.founders && identity.founders.length > 0 ? (
            <div>
              <dt>{t("review.founders")}</dt>
              <dd>{identity.founders.join(", ")}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {blindFields.includes("founders") ? <p className="tag">{t("review.blindFounders")}</p> : null}
    </>
  );
}
