import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReviewAnswers, StartupIdentity } from "~/modules/applications/review/answers";
import { ReadOnlyScores, ScoreForm, StepBackForms } from "~/modules/applications/review/form";
import { parseRound, reviewPage } from "~/modules/applications/review/page.server";
import { AbstainSchema, RecuseSchema } from "~/modules/applications/review/schema";
import { abstain, recuse, scoreReview, type ReviewOutcome } from "~/modules/applications/review/scoring.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { parseForm, readForm, type FieldErrors } from "~/platform/http/form.server";
import { formatDateTime } from "~/platform/i18n/format";
import { FormMessage } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import type { SerializeFrom } from "@remix-run/node";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((t, d) => t("review.code", { code: d.application.code }));

export const handle = routeStrings("review", "startups", "validation");

const roundOf = (request: Request) => parseRound(new URL(request.url).searchParams.get("round"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = await reviewPage(viewer.claims, params.applicationId ?? "", roundOf(request));
  return { ...page, locale: viewer.locale, timeZone: viewer.timeZone };
}

type Form = "score" | "abstain" | "recuse";
const answer = (form: Form, outcome: ReviewOutcome) => {
  switch (outcome.kind) {
    case "invalid":
      return data({ form, errors: outcome.errors as FieldErrors | null, message: null as string | null, done: null as string | null }, { status: 400 });
    case "refused":
      return data({ form, errors: null, message: outcome.message, done: null }, { status: 409 });
    case "recused":
      throw redirect(`/review?recused=${encodeURIComponent(outcome.code)}`);
    default:
      return data({ form, errors: null, message: null, done: outcome.kind });
  }
};

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const id = params.applicationId ?? "";
  const round = roundOf(request);
  const body = await readForm(request);
  const intent = body.get("intent");
  if (intent === "abstain" || intent === "recuse") {
    const form = parseForm(body, intent === "abstain" ? AbstainSchema : RecuseSchema);
    if (!form.ok) return answer(intent, { kind: "invalid", errors: form.errors });
    const reason = "reason" in form.data ? form.data.reason : form.data.recusalReason;
    return answer(intent, await (intent === "abstain" ? abstain : recuse)(viewer.claims, id, round, reason));
  }
  // save / submit (anything else is refused field by field by the score schema)
  return answer("score", await scoreReview(viewer.claims, id, round, body));
}

export default function ReviewApplication() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { application, call, assignment, locale, timeZone } = page;
  const final = assignment.status !== "assigned";
  const errorsFor = (form: Form) => (result?.form === form && result.errors ? result.errors : undefined);
  return (
    <section className="page">
      <p>
        <Link to="/review">{t("review.back")}</Link>
      </p>
      <h1>{t("review.code", { code: application.code })}</h1>
      <p className="tag">
        {call ? `${call.title[locale]} · ` : null}
        {t("review.round", { round: t(`review.rounds.${assignment.round}`) })} · {t("review.track")}:{" "}
        {application.track ? application.track[locale] : t("review.noTrack")}
        {application.submittedAt ? ` · ${t("review.submittedAt", { date: formatDateTime(application.submittedAt, locale, timeZone) })}` : null}
      </p>
      <p>
        {t("review.yourStatus")}: <span className={`status status-${assignment.status}`}>{t(`review.status.${assignment.status}`)}</span>
      </p>
      {result?.done ? <FormMessage tone="success">{t(`review.${result.done}`)}</FormMessage> : null}
      {result?.message ? <FormMessage tone="error">{t(result.message)}</FormMessage> : null}
      {result?.errors ? <FormMessage tone="error">{t("validation.formErrors")}</FormMessage> : null}

      <h2>{t("review.startup")}</h2>
      <StartupIdentity identity={page.identity} blindFields={call?.blindFields ?? []} />

      <h2>{t("review.answers")}</h2>
      <ReviewAnswers applicationId={application.id} answers={page.answers} hiddenQuestions={page.hiddenQuestions} locale={locale} />

      <h2 id="scoring-title">{t("review.scoring")}</h2>
      {final ? (
        <>
          <p className="callout">{assignment.status === "abstained" ? t("review.abstained") : t("review.final")}</p>
          {assignment.status === "abstained" && assignment.comment ? <p className="answer-text">{assignment.comment}</p> : null}
          {assignment.status === "submitted" ? (
            <ReadOnlyScores criteria={page.criteria} scores={page.scores} overall={assignment.comment} internal={assignment.internal} locale={locale} />
          ) : null}
        </>
      ) : application.status !== "submitted" ? (
        <p className="callout">{t("review.withdrawn")}</p>
      ) : page.criteria.length === 0 ? (
        <p className="empty">{t("review.noRubric")}</p>
      ) : (
        <>
          <p>{t("review.scoringLead")}</p>
          <ScoreForm
            criteria={page.criteria}
            scores={page.scores}
            overall={assignment.comment}
            internal={assignment.internal}
            locale={locale}
            errors={errorsFor("score")}
          />
        </>
      )}
      {assignment.status === "assigned" ? (
        <StepBackForms
          errors={errorsFor("abstain") ?? errorsFor("recuse")}
          which={result?.form === "abstain" || result?.form === "recuse" ? result.form : null}
        />
      ) : (
        <StepBackForms errors={errorsFor("recuse")} which={result?.form === "recuse" ? "recuse" : null} recuseOnly />
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
