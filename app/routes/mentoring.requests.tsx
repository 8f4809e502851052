import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { answerRequest, incomingRequests } from "~/modules/mentoring/match/requests.server";
import { AnswerSchema } from "~/modules/mentoring/match/schema";
import { ScoreParts } from "~/modules/mentoring/match/score-parts";
import { requireViewer } from "~/platform/auth/guards.server";
import { badInput, withOutcomes } from "~/platform/http/errors.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { formatInZone } from "~/platform/i18n/format";
import { FormMessage } from "~/ui/form";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("mentoring.match.requests.title");

export const handle = routeStrings("mentoring.booking", "mentoring.match", "mentoring.profiles");

// The requests waiting on the viewing mentor: accept or decline each before its due time.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { ...(await withOutcomes(() => incomingRequests(viewer.claims))), timeZone: viewer.timeZone };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = parseForm(await readForm(request), AnswerSchema);
  // the buttons send what the page gave them: anything else is not a form of this page
  if (!form.ok) throw badInput();
  const answered = await withOutcomes(() => answerRequest(viewer.claims, form.data.requestId, form.data.intent === "accept"));
  if (!answered.ok) return invalid(answered.errors);
  return { errors: null, answered: answered.value };
}

export default function MentorRequests() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { requests, isMentor, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  return (
    <section className="page narrow">
      <p>
        <Link to="/mentoring/profile">{t("mentoring.profiles.title")}</Link>
      </p>
      <h1>{t("mentoring.match.requests.title")}</h1>
      <p>{t("mentoring.match.requests.lead")}</p>
      {result && "answered" in result ? <FormMessage tone="success">{t(`mentoring.match.requests.${result.answered}`)}</FormMessage> : null}
      {errors.requestId ? <FormMessage tone="error">{t(errors.requestId)}</FormMessage> : null}
      {!isMentor ? <p className="empty">{t("mentoring.match.requests.notMentor")}</p> : null}
      {isMentor && requests.length === 0 ? <p className="empty">{t("mentoring.match.requests.none")}</p> : null}
      {requests.map((r) => (
        <article key={r.id} className="card">
          <h2>{r.startup.name}</h2>
          <p>
            {r.programme[locale]} · {t("mentoring.match.requests.due", { due: formatInZone(r.dueAt, locale, timeZone) })}
          </p>
          <ScoreParts score={r.score} />
          <Form method="post" className="inline-form">
            <input type="hidden" name="requestId" value={r.id} />
            <button type="submit" name="intent" value="accept" className="button" aria-label={t("mentoring.match.requests.acceptOne", { startup: r.startup.name })}>
              {t("mentoring.match.requests.accept")}
            </button>{" "}
            <button type="submit" name="intent" value="decline" className="button secondary" aria-label={t("mentoring.match.requests.declineOne", { startup: r.startup.name })}>
              {t("mentoring.match.requests.decline")}
            </button>
          </Form>
        </article>
      ))}
    </section>
  );
}

export const ErrorBoundary = RouteError;
