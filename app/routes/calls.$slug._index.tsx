import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BlindNotice, Deadline } from "~/modules/applications/apply/ui";
import { publicCallPage } from "~/modules/applications/apply/open-calls.server";
import { resolveLocale } from "~/platform/i18n/locale.server";
import { getViewer } from "~/platform/auth/viewer.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import type { SerializeFrom } from "@remix-run/node";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((_t, d) => d.call.title);

export const handle = routeStrings("apply.blind", "apply.call", "apply.callZone", "apply.decision", "apply.errors", "apply.form", "apply.noAnswer", "apply.status", "apply.zoned");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  // Only what the page shows goes into it, in the viewer's language (decision 008, ninth pass, anon):
  // a switch of language posts to /language, whose redirect runs this loader again.
  const page = await publicCallPage(viewer?.claims ?? null, params.slug ?? "", await resolveLocale(request, viewer));
  return { ...page, signedIn: !!viewer, hasStartup: (viewer?.startups.length ?? 0) > 0 };
}

export default function CallPage() {
  const { t } = useTranslation();
  const { call, tracks, questions, criteria, mine, state, signedIn, hasStartup } = useLoaderData<typeof loader>();
  const totalWeight = criteria.reduce((s, c) => s + Number(c.weight), 0) || 1;
  const required = ` (${t("apply.form.required")})`;
  const here = `/calls/${call.slug}`;
  return (
    <section className="page">
      <p className="tag">
        <Link to={`/orgs/${call.orgSlug}`}>{call.orgName}</Link> · {call.programmeName}
      </p>
      <h1>{call.title}</h1>
      <p className="pre-wrap">{call.description}</p>
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
            {tracks.map((name, i) => (
              <li key={i}>{name}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("apply.call.questions")}</h2>
      <p>{t("apply.call.questionsLead", { count: questions.length })}</p>
      <ul className="list">
        {questions.map((q, i) => (
          <li key={i}>
            {q.label}
            {q.required ? required : ""}
          </li>
        ))}
      </ul>
      <h2>{t("apply.call.rubric")}</h2>
      <p>{t("apply.call.rubricLead")}</p>
      {criteria.length === 0 ? (
        <p className="empty">{t("apply.call.noRubric")}</p>
      ) : (
        <ul className="cards">
          {criteria.map((c, i) => (
            <li key={i} className="card">
              <h3>{c.name}</h3>
              <p className="tag">{t("apply.call.weight", { percent: Math.round((Number(c.weight) * 100) / totalWeight) })}</p>
              <p>{c.description}</p>
              {c.levels.length > 0 ? (
                <ol className="levels">
                  {c.levels.map((l) => (
                    <li key={l.level} value={l.level}>
                      {l.description}
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
