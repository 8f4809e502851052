import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { endMentoring } from "~/modules/mentoring/match/ending.server";
import { EndedList, SolveStatus } from "~/modules/mentoring/match/manage-ui";
import { assignOne, editProposal, matchingPage, publishProposal } from "~/modules/mentoring/match/matching.server";
import { requestAssignment } from "~/modules/mentoring/match/solve.server";
import { MatchingIntent } from "~/modules/mentoring/match/schema";
import { MatchingTable } from "~/modules/mentoring/match/matching-table";
import { requireViewer } from "~/platform/auth/guards.server";
import { badInput, withOutcomes } from "~/platform/http/errors.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { FormMessage } from "~/ui/form";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((t, d, locale) => t("mentoring.match.page.title", { programme: d.programme.name[locale] }));

export const handle = routeStrings("mentoring.booking", "mentoring.match", "mentoring.profiles");

// Matching a programme's cohort with its mentors, for its managers: assign one pair, or ask for the
// cohort-wide assignment (solved by a job), edit its pairs and publish them; end a mentoring.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return withOutcomes(() => matchingPage(viewer.claims, params.programmeId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = parseForm(await readForm(request), MatchingIntent);
  // the buttons send ids the page gave them; only the chosen mentor is a person's choice
  if (!form.ok && Object.keys(form.errors).some((f) => f !== "mentorId")) throw badInput();
  if (!form.ok) return invalid(form.errors);
  const id = params.programmeId ?? "";
  const input = form.data;
  if (input.intent === "run") {
    await withOutcomes(() => requestAssignment(viewer.claims, id));
    return { errors: null, solving: true };
  }
  if (input.intent === "end") {
    const ended = await withOutcomes(() => endMentoring(viewer.claims, id, input.startupId, input.mentorId));
    if (!ended.ok) return invalid({ ...ended.errors, startupId: input.startupId });
    return { errors: null, ended: ended.value.cancelled };
  }
  if (input.intent === "publish") {
    const { published, skipped } = await withOutcomes(() => publishProposal(viewer.claims, id));
    return { errors: null, done: { key: "published", count: published }, skipped };
  }
  if (input.intent === "edit") {
    const edited = await withOutcomes(() => editProposal(viewer.claims, id, input.startupId, input.mentorId));
    return edited.ok ? { errors: null, done: { key: "edited", count: 0 } } : invalid({ mentorId: edited.error, startupId: input.startupId });
  }
  const assigned = await withOutcomes(() => assignOne(viewer.claims, id, input.startupId, input.mentorId));
  if (!assigned.ok) return invalid({ mentorId: assigned.error, startupId: input.startupId });
  return { errors: null, done: { key: assigned.added ? "assigned" : "already", count: 0 } };
}

export default function Matching() {
  const { t } = useTranslation();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const { programme, startups, mentors, proposals } = page;
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const done = result && "done" in result && result.done ? { ...result, done: result.done } : null;
  const ended = result && "ended" in result ? result.ended : null;
  return (
    <section className="page">
      <p>
        <Link to={`/manage/programmes/${programme.id}`}>{t("mentoring.match.page.back")}</Link> ·{" "}
        <Link to={`/manage/programmes/${programme.id}/mentors`}>{t("mentoring.match.page.mentorsLink")}</Link>
      </p>
      <p className="tag">{programme.orgName[locale]}</p>
      <h1>{t("mentoring.match.page.title", { programme: programme.name[locale] })}</h1>
      <p>{t("mentoring.match.page.lead")}</p>
      <p>
        {t("mentoring.match.page.mode", {
          mode: t(`mentoring.profiles.programme.mode${programme.matchMode[0]!.toUpperCase()}${programme.matchMode.slice(1)}`),
        })}
      </p>
      {done ? <FormMessage tone="success">{t(`mentoring.match.page.${done.done.key}`, { count: done.done.count })}</FormMessage> : null}
      {done && "skipped" in done && (done.skipped ?? 0) > 0 ? <FormMessage tone="info">{t("mentoring.match.page.skipped", { count: done.skipped })}</FormMessage> : null}
      {ended !== null && ended !== undefined ? <FormMessage tone="success">{t("mentoring.match.manage.ended", { count: ended })}</FormMessage> : null}
      {errors.mentorId ? <FormMessage tone="error">{t(errors.mentorId)}</FormMessage> : null}
      {mentors.length === 0 ? <p className="empty">{t("mentoring.match.page.noMentors")}</p> : null}
      {startups.length === 0 ? (
        <p className="empty">{t("mentoring.match.page.emptyCohort")}</p>
      ) : (
        <>
          <h2>{t("mentoring.match.page.cohortTitle")}</h2>
          <p>{t("mentoring.match.page.cohortLead")}</p>
          <div className="actions">
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="run" />
              <button type="submit" className="button secondary" disabled={mentors.length === 0 || page.run?.status === "solving"}>
                {t("mentoring.match.page.run")}
              </button>
            </Form>{" "}
            {proposals > 0 ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="publish" />
                <button type="submit" className="button">
                  {t("mentoring.match.page.publish", { count: proposals })}
                </button>
              </Form>
            ) : null}
          </div>
          <SolveStatus run={page.run} proposals={proposals} />
          <MatchingTable page={page} errorStartup={errors.startupId ?? null} />
        </>
      )}
      <EndedList ended={page.ended} />
    </section>
  );
}

export const ErrorBoundary = RouteError;
