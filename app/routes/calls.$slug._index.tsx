import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BlindNotice, Deadline, useBilingual } from "~/modules/applications/apply/ui";
import { callPage } from "~/modules/applications/apply/open-calls.server";
import { getViewer } from "~/platform/auth/viewer.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import type { SerializeFrom } from "@remix-run/node";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((_t, d, locale) => d.call.title[locale]);

export const handle = routeStrings("apply.blind", "apply.call", "apply.callZone", "apply.decision", "apply.errors", "apply.form", "apply.noAnswer", "apply.status", "apply.zoned");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const { call, tracks, questions, criteria, mine, state } = await callPage(viewer?.claims ?? null, params.slug ?? "");
  // Only what the page shows goes into it: the questions' help, options and limits are the form's.
  const { slug, orgSlug, orgName, programmeName, title, description, opensAt, closesAt, timeZone, blindFields } = call;
  return {
    call: { slug, orgSlug, orgName, programmeName, title, description, opensAt, closesAt, timeZone, blindFields },
    tracks,
    questions: questions.map(({ id, label, required }) => ({ id, label, required })),
    criteria,
    mine,
    state,
    signedIn: !!viewer,
    hasStartup: (viewer?.startups.length ?? 0) > 0,
  };
}

export default function CallPage() {
  const { t } = useTranslation();
  const pick = useBilingual();
  const { call, tracks, questions, criteria, mine, state, signedIn, hasStartup } = useLoaderData<typeof loader>();
  const totalWeight = criteria.reduce((s, c) => s + Number(c.weight), 0) || 1;
  const here = `/calls/${call.slug}`;
  return (
    <section className="page">
      <p className="tag">
        <Link to={`/orgs/${call.orgSlug}`}>{pick(call.orgName)}</Link> · {pick(call.programmeName)}
      </p>
      <h1>{pick(call.title)}</h1>
      <p className="pre-wrap">{pick(call.description)}</p>
      <dl className="facts">
        <dt>{t("apply.call.opens")}</dt>
        <dd>
          <Deadline at={call.opensAt} callZone={call.timeZone} />
        </dd>
        <dt>{t("apply.call.deadline")}</dt>
        <dd>
          <Deadline at={call.closesAt} callZone={call.timeZone} />
        </dd>
        <dt>{t("apply.call.state")}</dt>
        <dd>{t(`apply.call.states.${state}`)}</dd>
      </dl>
      <BlindNotice fields={call.blindFields} />
      <div className="actions">
        {state !== "open" ? null : !signedIn ? (
          <Link className="button" to={`/auth/sign-in?redirectTo=${encodeURIComponent(`${here}/apply`)}`}>
            {t("apply.call.signInToApply")}
          </Link>
        ) : hasStartup ? (
          <Link className="button" to={`${here}/apply`}>
            {t("apply.call.apply")}
          </Link>
        ) : (
          <Link className="button" to={`/startups/new?redirectTo=${encodeURIComponent(`${here}/apply`)}`}>
            {t("apply.call.createStartupFirst")}
          </Link>
        )}
      </div>
      {mine.length > 0 ? (
        <>
          <h2>{t("apply.call.yourApplications")}</h2>
          <ul className="list">
            {mine.map((a) => (
              <li key={a.id}>
                <Link to={a.status === "draft" ? `/applications/${a.id}/edit` : `/applications/${a.id}`}>
                  {a.startupName} · {t(`apply.status.${a.status}`)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {tracks.length > 0 ? (
        <>
          <h2>{t("apply.call.tracks")}</h2>
          <ul className="list">
            {tracks.map((tr) => (
              <li key={tr.id}>{pick(tr.name)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("apply.call.questions")}</h2>
      <p>{t("apply.call.questionsLead", { count: questions.length })}</p>
      <ul className="list">
        {questions.map((q) => (
          <li key={q.id}>
            {pick(q.label)}
            {q.required ? ` (${t("apply.form.required")})` : ""}
          </li>
        ))}
      </ul>
      <h2>{t("apply.call.rubric")}</h2>
      <p>{t("apply.call.rubricLead")}</p>
      {criteria.length === 0 ? (
        <p className="empty">{t("apply.call.noRubric")}</p>
      ) : (
        <ul className="cards">
          {criteria.map((c) => (
            <li key={c.id} className="card">
              <h3>{pick(c.name)}</h3>
              <p className="tag">{t("apply.call.weight", { percent: Math.round((Number(c.weight) * 100) / totalWeight) })}</p>
              <p>{pick(c.description)}</p>
              {c.levels.length > 0 ? (
                <ol className="levels">
                  {c.levels.map((l) => (
                    <li key={l.level} value={l.level}>
                      {pick(l.description)}
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
