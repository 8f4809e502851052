import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { sendRequests, startupMentorsPage } from "~/modules/mentoring/match/requests.server";
import { RequestsSchema } from "~/modules/mentoring/match/schema";
import { ScoreParts } from "~/modules/mentoring/match/score-parts";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { formatInZone } from "~/platform/i18n/format";
import { FormMessage, LabelledField } from "~/ui/form";
import { useLocale, useViewerZone } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((t, d) => t("mentoring.match.startup.title", { startup: d.startup.name }));

export const handle = routeStrings("mentoring.booking", "mentoring.match");

// A startup's mentors, for its members (404 for anyone else): who mentors it, the mentors that fit
// it best with their scores, and in a programme that takes requests, its ranked choices.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return withOutcomes(() => startupMentorsPage(viewer.claims, params.slug ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = parseForm(await readForm(request), RequestsSchema);
  if (!form.ok) return invalid(form.errors);
  const sent = await withOutcomes(() => sendRequests(viewer.claims, params.slug ?? "", form.data.programmeId, form.data.mentors));
  if (!sent.ok) return invalid(sent.errors);
  return { errors: null, sent: true };
}

export default function StartupMentors() {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useViewerZone().timeZone;
  const { startup, programmes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  return (
    <section className="page">
      <p>
        <Link to={`/startups/${startup.slug}/needs`}>{t("mentoring.match.startup.needsLink")}</Link>
      </p>
      <h1>{t("mentoring.match.startup.title", { startup: startup.name })}</h1>
      <p>{t("mentoring.match.startup.lead")}</p>
      {result && "sent" in result ? <FormMessage tone="success">{t("mentoring.match.startup.sent")}</FormMessage> : null}
      {/* a refusal shows here too: the form it came from may no longer be offered (the programme changed its way of matching) */}
      {Object.values(errors)[0] ? <FormMessage tone="error">{t(Object.values(errors)[0]!)}</FormMessage> : null}
      {programmes.length === 0 ? <p className="empty">{t("mentoring.match.startup.none", { startup: startup.name })}</p> : null}
      {programmes.map((p) => {
        const nameOf = (id: string) => p.options.find((m) => m.id === id)?.name ?? p.mentors.find((m) => m.id === id)?.name ?? "—";
        const open = p.requests.some((r) => r.status === "pending" || r.status === "accepted");
        return (
          <article key={p.id}>
            <h2>{p.name[locale]}</h2>
            <h3>{t("mentoring.match.startup.yours")}</h3>
            {p.mentors.length === 0 ? (
              <p className="empty">{t("mentoring.match.startup.noneYet")}</p>
            ) : (
              <ul>
                {p.mentors.map((m) => (
                  <li key={m.id}>
                    <strong>{m.name}</strong>
                    {m.org ? ` · ${m.org[locale]}` : null}
                    {m.bio ? <p>{m.bio}</p> : null}
                  </li>
                ))}
              </ul>
            )}
            {p.requests.length > 0 ? (
              <>
                <h3>{t("mentoring.match.startup.requests")}</h3>
                <ol>
                  {p.requests.map((r) => (
                    <li key={r.id}>
                      {nameOf(r.mentorId)}: {t(`mentoring.match.startup.status.${r.status}`, { due: r.dueAt ? formatInZone(r.dueAt, locale, zone) : "" })}
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
            {p.matchMode === "cohort" ? <p>{t("mentoring.match.startup.cohortMode")}</p> : null}
            {p.matchMode === "manager" && p.options.length > 0 ? (
              <>
                <p>{t("mentoring.match.startup.managerMode")}</p>
                <ul>
                  {p.options.slice(0, 3).map((m) => (
                    <li key={m.id}>
                      <strong>{m.name}</strong> <ScoreParts score={m.score} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {p.matchMode === "requests" && !open && p.options.length > 0 ? (
              <Form method="post" noValidate>
                <p>{t("mentoring.match.startup.requestsMode", { days: p.requestDays })}</p>
                <ul>
                  {p.options.map((m) => (
                    <li key={m.id}>
                      <strong>{m.name}</strong>
                      {m.org ? ` · ${m.org[locale]}` : null} <ScoreParts score={m.score} />
                    </li>
                  ))}
                </ul>
                <input type="hidden" name="programmeId" value={p.id} />
                {[1, 2, 3].map((n) => (
                  <LabelledField
                    key={n}
                    name={`choice${n}`}
                    id={`choice${n}-${p.id}`}
                    label={t("mentoring.match.startup.choice", { n })}
                    error={errors[`choice${n}`]}
                    control={(aria) => (
                      <select {...aria} name={`choice${n}`} defaultValue={n === 1 ? p.options[0]!.id : ""}>
                        <option value="">{t("mentoring.match.startup.noChoice")}</option>
                        {p.options.map((m) => (
                          <option key={m.id} value={m.id}>
                            {m.name} · {m.score.total}
                          </option>
                        ))}
                      </select>
                    )}
                  />
                ))}
                <button type="submit" className="button">
                  {t("mentoring.match.startup.send")}
                </button>
              </Form>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}

export const ErrorBoundary = RouteError;
